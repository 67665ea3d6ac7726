"""R-070: the voluntariness question is answered with two real buttons (Utrecht, 44 px)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from django.test import Client
from django.urls import reverse

import werkvrede
from conftest import World
from werkvrede.core.roles import Role
from werkvrede.mediation.tests.helpers import referred

ClientAs = Callable[..., Client]


def test_the_voluntariness_answer_is_a_pair_of_buttons(world: World, client_as: ClientAs) -> None:
    mediation = referred(world)
    html = client_as(Role.EMPLOYEE).get(reverse("mediation:detail", args=[mediation.pk])).content.decode()
    group = re.search(
        r'<div class="wv-choice-buttons[^"]*" role="group" aria-labelledby="([^"]+)">(.*?)</div>', html, re.S
    )
    assert group is not None
    assert f'id="{group.group(1)}"' in html
    yes = re.search(r'<button class="([^"]+)"[^>]*value="willing"', group.group(2))
    no = re.search(r'<button class="([^"]+)"[^>]*value="unwilling"', group.group(2))
    assert yes is not None and "utrecht-button--primary-action" in yes.group(1)
    assert no is not None and "utrecht-button--secondary-action" in no.group(1)


def test_every_button_is_at_least_44_px() -> None:
    css = (Path(werkvrede.__file__).parent / "core/static/werkvrede/werkvrede.css").read_text()
    assert "--utrecht-button-min-block-size: 44px" in css
    assert "--utrecht-button-min-inline-size: 44px" in css
