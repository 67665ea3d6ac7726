"""Values that rules list in their messages (checklist items, clauses, fields, data categories), in
words: a finding reads "mist Vrijwilligheid, Geheimhouding", never the enum names (docs/rules.md)."""

from __future__ import annotations

from werkvrede.guideline.model import Message

_M = Message

VALUE_WORDS: dict[str, Message] = {
    # the bedrijfsarts checklist (AssessmentItem).
    "CONFLICT_PER_DEFINITION": _M(
        nl="is het een arbeidsconflict volgens de definitie", en="is it a work conflict by definition"
    ),
    "TYPE_AND_PHASE": _M(nl="soort en fase van het conflict", en="type and phase of the conflict"),
    "STYLES_BOTH_PARTIES": _M(nl="conflictstijl van beide partijen", en="conflict style of both parties"),
    "RESILIENCE_AND_PROBLEM_SOLVING": _M(
        nl="belastbaarheid en probleemoplossend vermogen", en="resilience and problem-solving capacity"
    ),
    "INTERVENTION_PERIOD_INDICATED": _M(
        nl="is een interventieperiode aangewezen", en="is an intervention period indicated"
    ),
    "OCCUPATIONAL_DISEASE": _M(nl="beroepsziekte", en="occupational disease"),
    "WORK_CAPACITY": _M(nl="arbeidsongeschiktheid", en="work capacity"),
    "ADAPTED_WORK": _M(nl="aangepast werk", en="adapted work"),
    "ABLE_TO_CONVERSE": _M(nl="kan de werknemer een gesprek voeren", en="is the employee able to talk"),
    # the mediation agreement (Clause).
    "IDENTITIES": _M(nl="namen van de partijen en de mediator", en="names of the parties and the mediator"),
    "SUBJECT": _M(nl="onderwerp van het conflict", en="subject of the conflict"),
    "VOLUNTARINESS": _M(nl="vrijwilligheid", en="voluntariness"),
    "CONFIDENTIALITY": _M(nl="geheimhouding", en="confidentiality"),
    "NEUTRALITY": _M(nl="neutraliteit van de mediator", en="neutrality of the mediator"),
    "REGLEMENT": _M(nl="toepasselijk reglement", en="applicable rules"),
    "FEES": _M(nl="kosten en wie ze betaalt", en="fees and who pays them"),
    "REPORTING": _M(nl="verslaglegging", en="reporting"),
    "INTERIM_AGREEMENTS": _M(nl="tussentijdse afspraken", en="interim agreements"),
    "ADMITTED_ADVISERS": _M(
        nl="toegelaten adviseurs en ondersteuners", en="admitted advisers and supporters"
    ),
    # conditions for breaking confidentiality (BreachCondition).
    "CONSENT_SOUGHT": _M(nl="toestemming gevraagd", en="consent sought"),
    "SERIOUS_DILEMMA": _M(nl="ernstig gewetensconflict", en="serious dilemma"),
    "NO_OTHER_WAY": _M(nl="geen andere weg", en="no other way"),
    "NEAR_CERTAIN_SERIOUS_HARM": _M(nl="vrijwel zeker ernstige schade", en="near-certain serious harm"),
    "DISCLOSURE_PREVENTS_HARM": _M(nl="doorbreken voorkomt de schade", en="disclosure prevents the harm"),
    "MELDER_INFORMED": _M(nl="melder geïnformeerd", en="reporter informed"),
    "REFERRED_TO_OTHER_VP": _M(
        nl="overlegd met een andere vertrouwenspersoon", en="consulted another confidential adviser"
    ),
    "VP_CAN_JUSTIFY": _M(
        nl="vertrouwenspersoon kan het verantwoorden", en="confidential adviser can justify it"
    ),
    # escalation signals (SignalKind).
    "INCIDENTS_INCREASING": _M(nl="meer incidenten", en="more incidents"),
    "IMPORTANCE_INCREASING": _M(nl="het belang wordt groter", en="growing importance"),
    "PARTIES_INCREASING": _M(nl="meer betrokkenen", en="more people involved"),
    "ORIGINAL_ISSUE_DENIED_OR_UNCLEAR": _M(
        nl="oorspronkelijke kwestie ontkend of onduidelijk", en="original issue denied or unclear"
    ),
    # the WW-protection checklist (ChecklistItem).
    "NAMES_ADDRESSES": _M(nl="namen en adressen", en="names and addresses"),
    "EMPLOYER_INITIATIVE_AND_REASON": _M(
        nl="initiatief en reden van de werkgever", en="employer's initiative and reason"
    ),
    "NO_URGENT_REASON": _M(nl="geen dringende reden", en="no urgent reason"),
    "MUTUAL_CONSENT": _M(nl="wederzijds goedvinden", en="mutual consent"),
    "END_DATE_RESPECTS_NOTICE": _M(
        nl="einddatum houdt de opzegtermijn aan", en="end date respects the notice period"
    ),
    "FINAL_SETTLEMENT_DATE": _M(nl="datum eindafrekening", en="final settlement date"),
    "PLACE_AND_DATE_OF_SIGNING": _M(nl="plaats en datum van ondertekening", en="place and date of signing"),
    # what an advice contains (AdviceContent).
    "WORK_EXPECTATION": _M(nl="verwachting dat de werknemer werkt", en="expectation to work"),
    "SOLUTION_DIRECTION": _M(nl="oplossingsrichting", en="solution direction"),
    "INTERVENTION_PERIOD": _M(nl="interventieperiode", en="intervention period"),
    "CONVERSATION": _M(nl="gesprek", en="conversation"),
    "MEDIATION": _M(nl="mediation", en="mediation"),
    "OTHER_INTERVENTION": _M(nl="andere interventie", en="other intervention"),
    "REINTEGRATION": _M(nl="re-integratie", en="re-integration"),
    "GRADED_RETURN": _M(nl="opbouw van werkhervatting", en="graded return to work"),
    "WORK_ADJUSTMENTS": _M(nl="aanpassingen in het werk", en="work adjustments"),
    "REST": _M(nl="rust", en="rest"),
    # the structured conditions of an advice.
    "resumption_condition": _M(nl="voorwaarde voor werkhervatting", en="condition for resuming work"),
    "reintegration_condition": _M(nl="voorwaarde voor re-integratie", en="condition for re-integration"),
    # fields and signatures.
    "intervention_period": _M(nl="interventieperiode", en="intervention period"),
    "form": _M(nl="vorm", en="form"),
    "start_on": _M(nl="startdatum", en="start date"),
    "days": _M(nl="duur", en="duration"),
    "contact_person": _M(nl="contactpersoon", en="contact person"),
    "explanation": _M(nl="toelichting", en="explanation"),
    "recipients": _M(nl="ontvangers", en="recipients"),
    "via_ba": _M(nl="via de bedrijfsarts", en="through the occupational physician"),
    "explicit_consent": _M(nl="uitdrukkelijke toestemming", en="explicit consent"),
    "necessity_recorded": _M(nl="noodzaak vastgelegd", en="necessity recorded"),
    "employer": _M(nl="werkgever", en="employer"),
    "employee": _M(nl="werknemer", en="employee"),
}

DATA_CATEGORY_NAMES: dict[str, Message] = {
    "D01": Message(nl="Medische gegevens", en="Medical details"),
    "D02": Message(nl="Administratie van de ziekmelding", en="Sick-report administrative data"),
    "D03": Message(nl="Beperkingen en mogelijkheden", en="Functional limitations and possibilities"),
    "D04": Message(nl="Oordeel over arbeidsongeschiktheid", en="Work-incapacity verdict"),
    "D05": Message(nl="Feiten en verhalen over het conflict", en="Conflict facts and accounts"),
    "D06": Message(
        nl="Conflictdiagnose van de bedrijfsarts", en="Occupational physician's conflict diagnosis"
    ),
    "D07": Message(
        nl="Belastbaarheid volgens de bedrijfsarts", en="Occupational physician's capacity assessment"
    ),
    "D08": Message(nl="Adviezen van de bedrijfsarts", en="Occupational physician's advice documents"),
    "D09": Message(
        nl="Interventieperiode en arbeidsconflictenverlof",
        en="Intervention period and conflict leave records",
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
    "D19": Message(
        nl="Beëindigingsovereenkomst en ontbinding", en="Termination agreement and dissolution notice"
    ),
    "D20": Message(nl="Toestemmingen", en="Consent records"),
    "D21": Message(nl="Auditlog", en="Audit log"),
}

#: Message placeholders that hold such a list.
LIST_PLACEHOLDERS = frozenset({"missing", "signals", "categories", "problem", "items", "where"})


def in_words(value: str, lang: str, names: dict[str, Message] | None = None) -> str:
    """A comma-separated list of values in words; a value without words stays as it is.

    ``names`` adds names for codes that are kept beside their words (the data categories)."""
    out = []
    for item in value.split(", "):
        if item in VALUE_WORDS:
            words = VALUE_WORDS[item]
            out.append(words.nl if lang == "nl" else words.en)
        elif names is not None and item in names:
            words = names[item]
            out.append(f"{words.nl if lang == 'nl' else words.en} ({item})")
        else:
            out.append(item)
    return ", ".join(out)
