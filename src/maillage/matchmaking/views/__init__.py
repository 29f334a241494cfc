"""The pages of matchmaking, by area: session set-up, the schedule (runs, editing, release,
repair), booking (wishes, requests, self-booking), the participant's pages and the marketplace."""
