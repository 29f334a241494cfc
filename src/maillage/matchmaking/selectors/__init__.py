"""Reusable reads of matchmaking: schedules (grids, runs, versions, inboxes), agendas and table
plans, the marketplace, and who is looking (a user's participant records)."""
