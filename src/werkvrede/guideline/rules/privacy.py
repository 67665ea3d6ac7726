"""Privacy (R-130…R-137) and the medical-term scanner for Dutch and English free text."""

from werkvrede.guideline.model import EMPLOYER_ROLES, Severity
from werkvrede.guideline.rules.context import Context
from werkvrede.guideline.terms import MEDICAL_FIELD_NAMES as MEDICAL_FIELD_NAME_LIST
from werkvrede.guideline.textscan import scan_field_name, scan_medical_terms

__all__ = ["ALLOWED_EMPLOYER_FIELDS", "MEDICAL_FIELD_NAMES", "check", "scan_medical_terms"]

#: R-130 (W14, W16, W80): the only employer-side sick-report fields besides the dates.
ALLOWED_EMPLOYER_FIELDS = frozenset(
    {
        "phone",
        "address",
        "care_address",
        "expected_duration",
        "ongoing_appointments",
        "ongoing_work",
        "safety_net_applies",
        "work_accident",
        "traffic_accident_liable_third_party",
        "reported_on",
    }
)

# the term lists are data in `guideline/terms.py`, matched by `guideline/textscan.py`.
MEDICAL_FIELD_NAMES = frozenset(MEDICAL_FIELD_NAME_LIST)


def check(ctx: Context) -> None:
    sr = ctx.s.sick_report
    if sr is not None:
        # R-130 / R-131 (structured): only the AP fields exist; medical fields never.
        for key, value in sr.employer_record:
            norm = key.strip().lower()
            path = f"sick_report.employer_record.{key}"
            # A field whose name speaks of health is R-131, whatever it is called ("burnout_suspected").
            named = scan_field_name(key.strip()) if norm not in ALLOWED_EMPLOYER_FIELDS else ()
            if named:
                ctx.add("R-131", path, terms=", ".join(named), matches=named)
                continue
            if norm not in ALLOWED_EMPLOYER_FIELDS:
                ctx.add("R-130", path, field=key)
            terms = scan_medical_terms(value)
            if terms:
                ctx.add("R-131", path, severity=Severity.WARN, terms=", ".join(terms), matches=terms)
        # R-131 (free text, WARN only) and R-132 (guidance).
        if sr.employer_notes:
            ctx.add("R-132", "sick_report.employer_notes")
            terms = scan_medical_terms(sr.employer_notes)
            if terms:
                ctx.add(
                    "R-131",
                    "sick_report.employer_notes",
                    severity=Severity.WARN,
                    terms=", ".join(terms),
                    matches=terms,
                )
        # R-134 (W19): extra medical info only via BA, with explicit consent, when necessary.
        for i, d in enumerate(sr.medical_disclosures):
            missing = [
                name
                for ok, name in (
                    (d.via_ba, "via_ba"),
                    (d.explicit_consent, "explicit_consent"),
                    (d.necessity_recorded, "necessity_recorded"),
                )
                if not ok
            ]
            if missing:
                ctx.add("R-134", f"sick_report.medical_disclosures[{i}]", missing=", ".join(missing))
        # R-137 (W6): the employer never sends medical information to UWV.
        if sr.uwv_medical_info_sent_by in EMPLOYER_ROLES:
            ctx.add("R-137", "sick_report.uwv_medical_info_sent_by")
    # R-133 (W16, W17): what the bedrijfsarts writes for the employer holds no medical terms (BLOCK);
    # the words are returned so the form can mark them (ADR 0112).
    verdict = sr.verdict if sr is not None else None
    if verdict is not None:
        for name, text in (("limitations", verdict.limitations), ("possibilities", verdict.possibilities)):
            terms = scan_medical_terms(text)
            if terms:
                ctx.add("R-133", f"sick_report.verdict.{name}", terms=", ".join(terms), matches=terms)
    for i, a in enumerate(ctx.s.ba_advice):
        if set(a.recipients) & EMPLOYER_ROLES:
            terms = scan_medical_terms(a.free_text)
            if terms:
                ctx.add("R-133", f"ba_advice[{i}].free_text", terms=", ".join(terms), matches=terms)
