"""Privacy (R-130…R-137) and the medical-term scanner for Dutch and English free text."""

import re
from functools import cache

from werkvrede.guideline.model import EMPLOYER_ROLES, Severity
from werkvrede.guideline.rules.context import Context

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

#: R-131 (W14, W15, W18): field names that are medical by themselves.
MEDICAL_FIELD_NAMES = frozenset(
    {
        "diagnosis",
        "diagnose",
        "cause",
        "oorzaak",
        "nature",
        "aard",
        "treatment",
        "behandeling",
        "medication",
        "medicatie",
        "pregnancy",
        "zwangerschap",
        "complaints",
        "klachten",
        "illness",
        "ziekte",
        "symptoms",
        "symptomen",
    }
)

# Stems: a word that starts with a stem matches ("hartklopping" matches "hartkloppingen").
# Deliberately no generic words such as "ziek"/"sick" (every sick report contains them) or
# "klacht" (also a formal complaint).
MEDICAL_STEMS_NL = (
    "diagnos",
    "hartklopping",
    "slaapprobl",
    "slapeloos",
    "slaaptekort",
    "depressi",
    "depressie",
    "angststoorn",
    "angstaanval",
    "paniekaanval",
    "burn-out",
    "burnout",
    "overspann",
    "stressklacht",
    "zwanger",
    "medicatie",
    "medicijn",
    "antidepressiv",
    "slaappil",
    "therapie",
    "psychiater",
    "operatie",
    "geopereerd",
    "fractuur",
    "gebroken",
    "hernia",
    "kanker",
    "tumor",
    "chemo",
    "diabetes",
    "epilep",
    "migraine",
    "hoofdpijn",
    "rugpijn",
    "griep",
    "covid",
    "corona",
    "ptss",
    "trauma",
    "verslav",
    "alcoholprobl",
    "hartinfarct",
    "hartaanval",
    "beroerte",
    "whiplash",
    "reuma",
    "astma",
    "longontsteking",
    "miskraam",
    "bloeddruk",
    "infectie",
    "ontsteking",
    "huisarts",
)
MEDICAL_STEMS_EN = (
    "diagnos",
    "palpitation",
    "insomnia",
    "sleep problem",
    "sleeping problem",
    "depress",
    "anxiety",
    "panic attack",
    "burnout",
    "burn-out",
    "pregnan",
    "medication",
    "antidepressant",
    "sleeping pill",
    "therapy",
    "psychiatr",
    "surgery",
    "fracture",
    "hernia",
    "cancer",
    "tumour",
    "tumor",
    "chemo",
    "diabetes",
    "epilep",
    "migraine",
    "headache",
    "back pain",
    "influenza",
    "covid",
    "ptsd",
    "trauma",
    "addict",
    "heart attack",
    "stroke",
    "whiplash",
    "asthma",
    "pneumonia",
    "miscarriage",
    "blood pressure",
    "infection",
    "inflammation",
    "general practitioner",
)


_WORD = re.compile(r"[\w-]+")


@cache
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    """Stems by their first three characters, with the number of words they span."""
    index: dict[str, list[tuple[str, int]]] = {}
    for stem in sorted(set(MEDICAL_STEMS_NL + MEDICAL_STEMS_EN), key=len, reverse=True):
        index.setdefault(stem[:3], []).append((stem, stem.count(" ") + 1))
    return {k: tuple(v) for k, v in index.items()}


def scan_medical_terms(text: str | None) -> tuple[str, ...]:
    """Medical terms found in Dutch or English free text (lower case, unique, in text order).

    A word matches when it starts with a stem; multi-word stems match consecutive words.
    """
    if not text:
        return ()
    index = _index()
    words = _WORD.findall(text.lower())
    seen: dict[str, None] = {}
    for i, word in enumerate(words):
        candidates = index.get(word[:3])
        if not candidates:
            continue
        for stem, span in candidates:
            phrase = word if span == 1 else " ".join(words[i : i + span])
            if phrase.startswith(stem):
                seen.setdefault(phrase, None)
                break
    return tuple(seen)


def check(ctx: Context) -> None:
    sr = ctx.s.sick_report
    if sr is not None:
        # R-130 / R-131 (structured): only the AP fields exist; medical fields never.
        for key, value in sr.employer_record:
            norm = key.strip().lower()
            path = f"sick_report.employer_record.{key}"
            if norm in MEDICAL_FIELD_NAMES:
                ctx.add("R-131", path, terms=key)
                continue
            if norm not in ALLOWED_EMPLOYER_FIELDS:
                ctx.add("R-130", path, field=key)
            terms = scan_medical_terms(value)
            if terms:
                ctx.add("R-131", path, severity=Severity.WARN, terms=", ".join(terms))
        # R-131 (free text, WARN only) and R-132 (guidance).
        if sr.employer_notes:
            ctx.add("R-132", "sick_report.employer_notes")
            terms = scan_medical_terms(sr.employer_notes)
            if terms:
                ctx.add("R-131", "sick_report.employer_notes", severity=Severity.WARN, terms=", ".join(terms))
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
    # R-133 (W16, W17): BA advice to the employer: free-text scan (WARN only).
    for i, a in enumerate(ctx.s.ba_advice):
        if set(a.recipients) & EMPLOYER_ROLES:
            terms = scan_medical_terms(a.free_text)
            if terms:
                ctx.add("R-133", f"ba_advice[{i}].free_text", terms=", ".join(terms))
