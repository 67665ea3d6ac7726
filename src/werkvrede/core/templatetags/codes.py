"""Plain words, codes as badges: every code or enum value shown in words, the code beside it."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from werkvrede.core.roles import Role
from werkvrede.guideline.words import words_of

register = template.Library()

SEVERITY_WORDS = {
    "BLOCK": _("blokkeert"),
    "BLOCK*": _("blokkeert, tenzij de bedrijfsarts motiveert"),
    "WARN+J": _("waarschuwing, motiveer"),
    "WARN": _("waarschuwing"),
    "TIMER": _("termijn"),
    "INFO": _("ter informatie"),
}


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


@register.filter
def code_words(code: object) -> str:
    """A code in words in the interface language (R-/RT-/I-/T-/SM- and D-codes); the code if unknown."""
    words = words_of(str(code))
    if words is None:
        return str(code)
    return words.en if _english() else words.nl


@register.simple_tag
def code_badge(code: object) -> SafeString:
    """The code as a small badge; its words are the title, read out when the badge gets focus."""
    return format_html('<abbr class="wv-badge" title="{}" tabindex="0">{}</abbr>', code_words(code), code)


@register.filter
def severity_words(severity: object) -> str:
    """How heavy a finding is, in words (BLOCK, WARN… are shown only as a badge)."""
    return str(SEVERITY_WORDS.get(str(severity), severity))


@register.filter
def role_words(role: object) -> str:
    """A role code (HR, BA, WN…) as its name; unknown values stay as they are."""
    try:
        return str(Role(str(role)).label)
    except ValueError:
        return str(role)
