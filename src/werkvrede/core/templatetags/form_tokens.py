"""`{% csrf_token %}` for every template, with the form's idempotency key beside the CSRF token.

A builtin library of the template engine (settings `TEMPLATES`), loaded after Django's own, so this tag
replaces Django's `csrf_token` everywhere. Django refuses a POST without the CSRF token, so every page
form that can be sent carries the tag — and therefore a key of its own, fresh each time the form is
shown: sent twice, it is answered once (`core.idempotency`, docs/adr/0143-a-write-happens-once.md).
"""

from __future__ import annotations

import uuid

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html
from django.utils.safestring import SafeString

from werkvrede.core.idempotency import FIELD

register = template.Library()


class FormTokensNode(template.Node):
    def render(self, context: Context) -> SafeString:
        csrf = CsrfTokenNode().render(context)
        if not csrf:
            return SafeString("")
        key = format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4().hex)
        return SafeString(csrf + key)


@register.tag(name="csrf_token")
def csrf_token(parser: Parser, token: Token) -> FormTokensNode:
    return FormTokensNode()
