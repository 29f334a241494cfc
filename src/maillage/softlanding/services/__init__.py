"""Every state change of soft landing: plain functions with keyword arguments, each write one
transaction. ``programmes`` (programmes, host offers, screening criteria, desks held),
``applications`` (submission, scores, the pipeline, outcomes), ``matching`` (proposing and
accepting an assignment of applications to hosts), ``follow_ups`` (a delegation's follow-up
that led to an application); ``codes`` checks the codes people type."""

from maillage.softlanding.services.applications import (
    MAX_PREFERENCES,
    move_application,
    record_outcome,
    score_application,
    submit_application,
    weighted_score,
)
from maillage.softlanding.services.follow_ups import add_delegation_follow_up
from maillage.softlanding.services.matching import (
    accept_assignment,
    matching_instance,
    propose_assignment,
)
from maillage.softlanding.services.programmes import (
    create_offer,
    create_programme,
    set_criteria,
    set_programme_open,
    update_offer,
    update_programme,
)

__all__ = [
    "MAX_PREFERENCES",
    "accept_assignment",
    "add_delegation_follow_up",
    "create_offer",
    "create_programme",
    "matching_instance",
    "move_application",
    "propose_assignment",
    "record_outcome",
    "score_application",
    "set_criteria",
    "set_programme_open",
    "submit_application",
    "update_offer",
    "update_programme",
    "weighted_score",
]
