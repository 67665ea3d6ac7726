"""Timeline kinds of the mediation context. Status only (D14 "N"): no content, no reasons (R-084)."""

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import register_timeline_kind

# Everyone in the case may learn that a mediation was referred, started and ended, with the date.
register_timeline_kind(
    "mediation.referred", _("Verwezen naar mediation"), action="mediation.case_section.view"
)
register_timeline_kind("mediation.started", _("Mediation gestart"), action="mediation.case_section.view")
register_timeline_kind("mediation.ended", _("Mediation beëindigd"), action="mediation.case_section.view")
register_timeline_kind(
    "termination.concluded", _("Beëindigingsovereenkomst gesloten"), action="mediation.termination.timeline"
)
register_timeline_kind(
    "termination.final",
    _("De bedenktermijn is voorbij: de beëindigingsovereenkomst is definitief"),
    action="mediation.termination.timeline",
)
