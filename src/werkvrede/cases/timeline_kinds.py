"""The cases context's own timeline event kinds."""

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import register_timeline_kind

register_timeline_kind("case.signalled", _("%(name)s signaleerde het conflict"))
register_timeline_kind("case.intake_completed", _("%(name)s rondde de intake af"))
# SM-1 moved by a recorded intervention (rows 5, 6, 14); the new phase shows in the case header.
register_timeline_kind("case.state_changed", _("De zaak ging naar een volgende fase"))
register_timeline_kind("glasl.recorded", _("%(name)s legde escalatiefase %(stage)s vast"))
register_timeline_kind("note.added", _("%(name)s schreef een verslag"))
register_timeline_kind("participant.added", _("%(name)s gaf iemand een rol in de zaak"))
register_timeline_kind(
    "case.melder_chose",
    _("%(name)s koos een vervolg na het aanbod van de vertrouwenspersoon"),
    action="cases.undesirable_behaviour.view",
)
register_timeline_kind(
    "legal_hold.set",
    _("%(name)s stelde een bewaarplicht in (de gegevens blijven bewaard)"),
    action="cases.legal_hold.view",
)
register_timeline_kind(
    "legal_hold.lifted",
    _("%(name)s hief de bewaarplicht op (de bewaartermijnen lopen weer)"),
    action="cases.legal_hold.view",
)
