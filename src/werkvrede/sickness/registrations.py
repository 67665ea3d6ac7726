"""What the sickness context adds to a case: its facts, the Ziekmelding tab, its timeline kinds."""

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import (
    CaseSection,
    register_facts,
    register_section,
    register_timeline_kind,
    register_tracker,
)
from werkvrede.sickness.facts import case_facts
from werkvrede.sickness.tracker import sick_report_lines

register_facts("sickness", case_facts)

# Only those who may see the Ziekmelding tab learn that anything happened in it.
SECTION_ACTION = "sickness.section.view"
register_section(
    CaseSection(
        key="sickness",
        label=_("Ziekmelding"),
        url_name="sickness:section",
        action="sickness.section.view",
        order=20,
    )
)
# The other party never learns of a sick report (D02): the tracker line follows the tab's action.
register_tracker("sickness", sick_report_lines, action=SECTION_ACTION)
register_timeline_kind("sickness.reported", _("%(name)s legde een ziekmelding vast"), action=SECTION_ACTION)
register_timeline_kind(
    "sickness.report_updated", _("%(name)s werkte de ziekmelding bij"), action=SECTION_ACTION
)
register_timeline_kind(
    "sickness.consulted", _("%(name)s hield het spreekuur (stap 1)"), action=SECTION_ACTION
)
register_timeline_kind(
    "sickness.verdict_recorded",
    _("%(name)s gaf het oordeel over arbeidsongeschiktheid (stap 2)"),
    action=SECTION_ACTION,
)
register_timeline_kind(
    "sickness.conflict_assessed",
    _("%(name)s stelde vast of er een conflict is (stap 3)"),
    action=SECTION_ACTION,
)
register_timeline_kind(
    "sickness.diagnosis_recorded", _("%(name)s legde de conflictdiagnose vast"), action=SECTION_ACTION
)
register_timeline_kind(
    "sickness.capacity_recorded", _("%(name)s legde de belastbaarheid vast"), action=SECTION_ACTION
)
register_timeline_kind(
    "sickness.advice_sent", _("%(name)s stuurde een advies aan werkgever en werknemer"), action=SECTION_ACTION
)
register_timeline_kind(
    "sickness.wvp_signed",
    _("%(name)s ondertekende als laatste een Poortwachterdocument; het ligt nu vast"),
    action=SECTION_ACTION,
)
