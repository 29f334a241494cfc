"""Who may see an event's outbox and resend its mails: those who manage the event."""

from __future__ import annotations

import rules

from maillage.events.rules import manages_event

rules.add_perm("mail.view_outbox", manages_event)
rules.add_perm("mail.resend", manages_event)
