"""The interventions context's timeline event kinds, worded neutrally: everyone in the case sees them.

The one that mentions a sick report is for those who may see the Ziekmelding tab only.
"""

from django.utils.translation import gettext_lazy as _

from werkvrede.cases.extensions import register_timeline_kind

register_timeline_kind("intervention_period.proposed", _("%(name)s stelde een interventieperiode voor"))
register_timeline_kind("intervention_period.approved", _("%(name)s keurde de interventieperiode goed"))
register_timeline_kind("intervention_period.rejected", _("%(name)s wees de interventieperiode af"))
register_timeline_kind(
    "intervention_period.appointment_recorded",
    _("%(name)s legde de afspraak voor de interventieperiode vast"),
)
register_timeline_kind("intervention_period.started", _("De interventieperiode is begonnen"))
register_timeline_kind("intervention_period.extended", _("%(name)s verlengde de interventieperiode"))
register_timeline_kind("intervention_period.ended", _("De interventieperiode is afgelopen"))
register_timeline_kind(
    "intervention_period.evaluated", _("%(name)s legde de evaluatie van de interventieperiode vast")
)
register_timeline_kind(
    "intervention_period.aborted_sick_report",
    _("De interventieperiode is beëindigd door een ziekmelding"),
    action="sickness.section.view",
)
register_timeline_kind("conflict_leave.requested", _("%(name)s vroeg arbeidsconflictenverlof aan"))
register_timeline_kind("conflict_leave.approved", _("%(name)s keurde het arbeidsconflictenverlof goed"))
register_timeline_kind("conflict_leave.started", _("Het arbeidsconflictenverlof is begonnen"))
register_timeline_kind("conflict_leave.ended", _("Het arbeidsconflictenverlof is afgelopen"))
register_timeline_kind(
    "conflict_leave.followed_up", _("Het gesprek na het arbeidsconflictenverlof is gevoerd")
)
register_timeline_kind("conflict_leave.closed", _("%(name)s sloot het arbeidsconflictenverlof af"))
register_timeline_kind("intervention.recorded", _("%(name)s legde een interventie vast"))
register_timeline_kind(
    "intervention.vp_referral",
    _("%(name)s bood de vertrouwenspersoon aan"),
    action="cases.undesirable_behaviour.view",
)
# A step that follows the calendar was held by a rule (run_due_transitions): the responsible person acts.
register_timeline_kind(
    "intervention_period.step_held",
    _("De interventieperiode kon op de datum niet vanzelf verder (%(codes)s): vul aan wat ontbreekt"),
)
register_timeline_kind(
    "conflict_leave.step_held",
    _("Het arbeidsconflictenverlof kon op de datum niet vanzelf verder (%(codes)s)"),
)
register_timeline_kind("intervention.started", _("%(name)s startte een interventie"))
register_timeline_kind("intervention.ended", _("%(name)s legde de afloop van een interventie vast"))
register_timeline_kind(
    "intervention.resolution_confirmed", _("%(name)s bevestigde dat de interventie het conflict oploste")
)
