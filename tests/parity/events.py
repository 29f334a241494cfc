"""API parity of the events pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt

PAGES = {
    "events:badges": api("registration_files_badges", "jobs_get_job", "jobs_job_file"),
    "events:calendar": api("events_list_events"),
    "events:cancel_own": api("registrations_cancel"),
    "events:check_in": api("registrations_search_check_in"),
    "events:check_in_mark": api("registrations_check_in"),
    "events:create": api("events_create_event"),
    "events:detail": api("events_get_event"),
    "events:edit": api("events_update_event"),
    "events:event_ics": api("events_event_ics"),
    "events:export": api("registration_files_export"),
    "events:feed": api("events_feed"),
    "events:import": api("registration_files_import_registrants"),
    "events:invitation": exempt(
        "The landing of an e-mailed sign-in link signs a browser in; an API caller is signed "
        "in already, with a token or a session."
    ),
    "events:invitation_renew": exempt(
        "An anonymous visitor holding a dead invitation link asks for a new one; an API caller "
        "is signed in and needs no link, and organisers send one again with invitations_invite."
    ),
    "events:invite": api("invitations_invite", "invitations_invitation_states"),
    # A month of the calendar: GET /events?when=all&starts_from=…&starts_until=…
    "events:month": api("events_list_events"),
    "events:new_link": exempt(
        "Asks by e-mail address for personal links, for registrants without an account; an API "
        "caller is signed in and lists their registrations with registrations_my_registrations."
    ),
    "events:programme_add": api("event_programme_add_item"),
    "events:programme_edit": api("event_programme_update_item", "event_programme_delete_item"),
    "events:register": api("registrations_register"),
    "events:register_confirm": exempt(
        "Confirms by an e-mailed key a registration typed by a visitor who is not signed in; "
        "registrations_register needs a signed-in caller, whose address is checked already."
    ),
    "events:registration": api("registrations_get_registration"),
    "events:registration_action": api("registrations_decide"),
    "events:registration_link": exempt(
        "An e-mailed personal link remembered by the browser's session to open the page; the "
        "API knows its caller by token or session and serves registrations_get_registration."
    ),
    "events:registrations": api(
        "registrations_event_registrations", "invitations_invitation_states"
    ),
    "events:retired_link": exempt(
        "Old addresses built on the badge code open nothing and only offer a new link, so "
        "there is nothing for an API to do."
    ),
    "events:rotate_link": api("registrations_rotate_link"),
    "events:set_status": api("events_set_status"),
}
