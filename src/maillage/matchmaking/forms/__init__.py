"""The forms of matchmaking: the organiser's (set-up, schedule editing) and the participant's
(wishes, requests, feedback, the marketplace)."""
