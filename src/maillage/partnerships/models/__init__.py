from maillage.partnerships.models.agreements import (
    Agreement,
    AgreementDocument,
    AgreementNote,
    AgreementParty,
    Commitment,
)
from maillage.partnerships.models.delegations import ContactMet, Delegation, FollowUp, Visit

__all__ = [
    "Agreement",
    "AgreementDocument",
    "AgreementNote",
    "AgreementParty",
    "Commitment",
    "ContactMet",
    "Delegation",
    "FollowUp",
    "Visit",
]
