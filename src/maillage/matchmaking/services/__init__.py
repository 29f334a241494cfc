"""Every state change of matchmaking, and the domain code the pages, API, tasks and jobs share:
sessions and their set-up, wishes, requests and their notices, self-booking, hand edits and
placement, the marketplace, profiles and recommendations, feedback, reminders, agendas and their
calendars and printouts."""
