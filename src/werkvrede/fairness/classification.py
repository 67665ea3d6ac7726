from werkvrede.core.classification import ANONYMOUS, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# Who was asked about which phase end: the person's own account data (ADR 0135).
classify(
    "fairness.invitation",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "user": C.ACCOUNT,
        "phase": C.SYSTEM,
        "subject": C.SYSTEM,
        "case": C.SYSTEM,
        "mediator": F(C.ACCOUNT, subject="mediator", export=Withheld.ANONYMOUS),
        "invited_on": C.SYSTEM,
        "done": C.SYSTEM,
    },
    subject="user",
    retention=Retention.ACCOUNT,
    export=True,
)
# Answers carry no identity; only aggregates of at least min_cell answers are shown (ADR 0135).
classify(
    "fairness.answer",
    {
        "id": C.SYSTEM,
        "organisation": C.SYSTEM,
        "quarter": C.TENANT,
        "phase": C.TENANT,
        "mediator": F(C.ACCOUNT, subject="mediator"),
        "heard": C.TENANT,
        "respect": C.TENANT,
        "understood": C.TENANT,
        "comment": C.TENANT,
    },
    subject=ANONYMOUS,
    retention=Retention.AGGREGATE,
    export=Withheld.ANONYMOUS,
)
