""" "Wat nu?": what waits for this person, gathered from every context that has something to ask.

Each context registers a provider in its AppConfig.ready(); a provider answers only from what the
person may know (it starts from the actor and asks the policy layer), so the start page and the case
page never name a case the person cannot open. One item: plain words, when, and one link to the page
where it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from werkvrede.core.actor import Actor
from werkvrede.core.memo import reading

#: Sessions and deadlines this many days ahead are shown.
HORIZON_DAYS = 14


@dataclass(frozen=True)
class NextStep:
    kind: str  # stable key, e.g. "mediation.willingness"
    text: str | Promise  # what to do, in plain words
    url: str  # the page where it is done
    button: str | Promise  # the link's name
    due: date | None = None
    today: date | None = None
    case_id: int | None = None
    code: str = ""  # a public rule or deadline code (R-070, T-03), shown as a badge
    late_done: bool = False  # a step done late that stays visible a while (ADR 0100)
    late_working_days: int = 0

    @property
    def days(self) -> int | None:
        if self.due is None or self.today is None:
            return None
        return (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        days = self.days
        return days is not None and days < 0 and not self.late_done

    @property
    def when(self) -> str:
        """The due date in words: "vandaag", "over 4 dagen", "2 dagen te laat"."""
        days = self.days
        if days is None:
            return ""
        if self.late_done:
            n = self.late_working_days
            return ngettext("Gedaan, %(days)s werkdag te laat", "Gedaan, %(days)s werkdagen te laat", n) % {
                "days": n
            }
        if days == 0:
            return _("vandaag")
        if days > 0:
            return ngettext("over %(days)d dag", "over %(days)d dagen", days) % {"days": days}
        return ngettext("%(days)d dag te laat", "%(days)d dagen te laat", -days) % {"days": -days}


# provider(actor, *, today, case_id) -> the items for this person; `case_id` narrows to one case
# (the case page), None means everything (the start page).
NextStepProvider = Callable[..., list[NextStep]]

_PROVIDERS: dict[str, NextStepProvider] = {}
# Providers that answer for one case from what its page already read (`case_page`), not reading it again.
_READS_CASE_PAGE: set[str] = set()


def register_next_steps(name: str, provider: NextStepProvider, *, reads_case_page: bool = False) -> None:
    if name in _PROVIDERS:
        raise ValueError(f"next-step provider {name!r} registered twice")
    _PROVIDERS[name] = provider
    if reads_case_page:
        _READS_CASE_PAGE.add(name)


def next_steps_for(
    actor: Actor, *, today: date, case_id: int | None = None, case_page: object | None = None
) -> list[NextStep]:
    """Everything that waits for this person, overdue first, then by due date (undated last).

    `case_page` is what the case page already read of case `case_id` (the cases context's `CasePage`);
    the providers registered with `reads_case_page` answer from it (ADR 0188)."""
    if actor.organisation_id is None or actor.user_id is None:
        return []
    items: list[NextStep] = []
    # The providers only read; a question two of them ask is read once (core.memo).
    with reading():
        for name, provider in sorted(_PROVIDERS.items()):
            if case_page is not None and name in _READS_CASE_PAGE:
                items += provider(actor, today=today, case_id=case_id, case_page=case_page)
            else:
                items += provider(actor, today=today, case_id=case_id)
    far = date.max
    return sorted(items, key=lambda i: (not i.overdue, i.due or far, i.kind, i.case_id or 0))
