"""Codes in words: the text shown beside a code badge (R-, RT-, I-, T-, SM- from the catalogue; the
data categories D01…D21 by name, docs/rules.md)."""

from __future__ import annotations

from werkvrede.guideline.catalogue import CATALOGUE
from werkvrede.guideline.model import Message

DATA_CATEGORY_NAMES: dict[str, Message] = {
    "D01": Message(nl="Medische gegevens", en="Medical details"),
    "D02": Message(nl="Administratie van de ziekmelding", en="Sick-report administrative data"),
    "D03": Message(nl="Beperkingen en mogelijkheden", en="Functional limitations and possibilities"),
    "D04": Message(nl="Oordeel over arbeidsongeschiktheid", en="Work-incapacity verdict"),
    "D05": Message(nl="Feiten en verhalen over het conflict", en="Conflict facts and accounts"),
    "D06": Message(nl="Conflictdiagnose van de bedrijfsarts", en="Occupational physician's conflict diagnosis"),
    "D07": Message(nl="Belastbaarheid volgens de bedrijfsarts", en="Occupational physician's capacity assessment"),
    "D08": Message(nl="Adviezen van de bedrijfsarts", en="Occupational physician's advice documents"),
    "D09": Message(
        nl="Interventieperiode en arbeidsconflictenverlof", en="Intervention period and conflict leave records"
    ),
    "D10": Message(nl="Poortwachterdocumenten", en="Gatekeeper Act (Poortwachter) documents"),
    "D11": Message(nl="Inhoud van mediationgesprekken", en="Mediation session content"),
    "D12": Message(nl="Mediationovereenkomst", en="Mediation agreement"),
    "D13": Message(nl="Afspraken uit de mediation", en="Mediation outcome agreement"),
    "D14": Message(nl="Stand van de mediation", en="Mediation status notices"),
    "D15": Message(nl="Melding bij de vertrouwenspersoon", en="Confidential adviser report content"),
    "D16": Message(nl="Jaarverslag van de vertrouwenspersoon", en="Confidential adviser annual report"),
    "D17": Message(nl="Voorbereiding van de steunpersoon", en="Supporter's preparation notes"),
    "D18": Message(nl="Melding van een misstand", en="Whistleblower report"),
    "D19": Message(nl="Beëindigingsovereenkomst en ontbinding", en="Termination agreement and dissolution notice"),
    "D20": Message(nl="Toestemmingen", en="Consent records"),
    "D21": Message(nl="Auditlog", en="Audit log"),
}


def words_of(code: str) -> Message | None:
    """The code in words, or ``None`` when the code is unknown."""
    if code in DATA_CATEGORY_NAMES:
        return DATA_CATEGORY_NAMES[code]
    entry = CATALOGUE.get(code)
    return entry.message if entry is not None else None
