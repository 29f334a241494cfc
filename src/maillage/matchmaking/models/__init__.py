from maillage.matchmaking.models.booking import MeetingRequest, Wish
from maillage.matchmaking.models.feedback import Feedback
from maillage.matchmaking.models.marketplace import Opportunity, OpportunityReaction
from maillage.matchmaking.models.participants import Participant
from maillage.matchmaking.models.runs import ScheduleRun
from maillage.matchmaking.models.schedules import (
    Meeting,
    MeetingSeat,
    Schedule,
    ScheduleChangeNotice,
)
from maillage.matchmaking.models.sessions import (
    MeetingSession,
    MeetingSlot,
    OnlineRoom,
    ParticipationRule,
    SessionBreak,
    SessionDay,
    Table,
    TypeLimit,
)

__all__ = [
    "Feedback",
    "Meeting",
    "MeetingRequest",
    "MeetingSeat",
    "MeetingSession",
    "MeetingSlot",
    "OnlineRoom",
    "Opportunity",
    "OpportunityReaction",
    "Participant",
    "ParticipationRule",
    "Schedule",
    "ScheduleChangeNotice",
    "ScheduleRun",
    "SessionBreak",
    "SessionDay",
    "Table",
    "TypeLimit",
    "Wish",
]
