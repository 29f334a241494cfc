"""Every state change of partnerships: plain functions with keyword arguments."""

from maillage.partnerships.services.agreements import (
    add_commitment,
    add_document,
    add_note,
    change_agreement_status,
    create_agreement,
    expire_agreements,
    send_expiry_reminders,
    set_commitment_done,
    update_agreement,
)
from maillage.partnerships.services.delegations import (
    add_contact,
    add_follow_up,
    add_visit,
    create_delegation,
    set_follow_up_done,
    update_delegation,
)

__all__ = [
    "add_commitment",
    "add_contact",
    "add_document",
    "add_follow_up",
    "add_note",
    "add_visit",
    "change_agreement_status",
    "create_agreement",
    "create_delegation",
    "expire_agreements",
    "send_expiry_reminders",
    "set_commitment_done",
    "set_follow_up_done",
    "update_agreement",
    "update_delegation",
]
