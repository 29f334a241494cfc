"""API parity of the matchmaking participant pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "matchmaking:agenda_feed": exempt(
        "The subscription is itself a calendar file addressed by its secret key, for calendar "
        "applications that send no token; the API gives the same file as agendas_my_agenda_ics "
        "and the address as agendas_calendar_link."
    ),
    "matchmaking:give_feedback": api("feedback_give_feedback"),
    "matchmaking:hub": api(
        "participations_my_participations",
        "people_in_session_other_participants",
        "agendas_my_agenda",
        "matchmaking_my_wishes",
        "matchmaking_my_requests",
        "recommendations_people_to_meet",
        "marketplace_list_opportunities",
    ),
    "matchmaking:marketplace": api("marketplace_list_opportunities"),
    "matchmaking:my_agenda": api("agendas_my_agenda", "agendas_calendar_link"),
    "matchmaking:my_agenda_file": api("agendas_my_agenda_ics"),
    "matchmaking:my_agenda_pdf": api("agendas_my_agenda_pdf"),
    "matchmaking:my_feedback": api("feedback_my_feedback"),
    "matchmaking:my_opportunities": api("marketplace_my_opportunities"),
    "matchmaking:opportunity": api(
        "marketplace_get_opportunity", "marketplace_react", "marketplace_list_reactions"
    ),
    "matchmaking:opportunity_edit": api(
        "marketplace_get_opportunity", "marketplace_edit_opportunity"
    ),
    "matchmaking:opportunity_withdraw": api("marketplace_withdraw_opportunity"),
    "matchmaking:publish": api("marketplace_publish_opportunity"),
    "matchmaking:recommendations": api(
        "recommendations_people_to_meet", "matchmaking_send_request", "matchmaking_set_wish"
    ),
    "matchmaking:request_answer": api(
        "matchmaking_accept", "matchmaking_decline", "matchmaking_withdraw_request"
    ),
    "matchmaking:request_send": api("matchmaking_send_request"),
    "matchmaking:requests": api("matchmaking_my_requests"),
    "matchmaking:rotate_calendar_link": api("agendas_rotate_calendar_link"),
    "matchmaking:self_book": api("matchmaking_free_slots", "matchmaking_book"),
    "matchmaking:self_book_choose": api("people_in_session_other_participants"),
    "matchmaking:wish_set": api("matchmaking_set_wish"),
    "matchmaking:wishes": api("people_in_session_other_participants", "matchmaking_my_wishes"),
}
