from werkvrede.core.classification import NO_ACCOUNT, F, Retention, Withheld, classify
from werkvrede.core.classification import FieldClass as C

# Contact details a visitor gives to be called back: identity data like an account's, read only by
# the mediators the request is addressed to. Nothing about the conflict is asked (privacy.py).
classify(
    "contact.contactrequest",
    {
        "id": C.SYSTEM,
        "name": C.ACCOUNT,
        "organisation_name": C.ACCOUNT,
        "email": C.ACCOUNT,
        "phone": C.ACCOUNT,
        "requester_role": C.ACCOUNT,
        "people_involved": C.ACCOUNT,
        "preferred_contact": C.ACCOUNT,
        "status": C.SYSTEM,
        "created_at": C.SYSTEM,
        "delete_after": C.SYSTEM,
        "taken_by": F(C.ROLE, subject="taken_by", export=True),
        "taken_at": C.SYSTEM,
        "organisation": C.TENANT,
    },
    subject=NO_ACCOUNT,
    retention=Retention.CONTACT,
    export=Withheld.NO_ACCOUNT,
)
classify(
    "contact.contactrecipient",
    {"id": C.SYSTEM, "request": C.SYSTEM, "user": C.ROLE},
    subject="user",
    retention=Retention.CONTACT,
    export=True,
)
classify(
    "contact.mediatorcontactsetting",
    {"id": C.SYSTEM, "membership": C.ROLE, "accepts_contact_requests": C.ROLE, "updated_at": C.SYSTEM},
    subject="membership__user",
    retention=Retention.ACCOUNT,
    export=True,
)
