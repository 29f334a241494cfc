"""The declared table of the permission matrix: one row for every route with an object in its
path — pages and admin by URL name, the API by OpenAPI operation id. A route without a row fails
tests/security/test_matrix.py: ADD A ROW WHEN YOU ADD A ROUTE.

A row says which object of the data set (tests/security/world.py, ``ids``) fills the path, who
may use the route, and whether a GET (read) and a POST/PUT/PATCH (write) are meaningful:

- ``staff``: the staff of the owner park only (anonymous, a participant, the staff of another
  park are refused);
- ``participant``: the participant who owns the object only (anonymous, another park's staff
  refused);
- ``member``: the owner park's staff and the event's participant (anonymous, another park's staff
  refused);
- ``signed_in``: any signed-in user (anonymous refused);
- ``public``: everyone may read (writes still refused to anonymous callers);
- ``key``: the path holds a secret (a link's key, a token); the matrix sends a wrong one and
  every caller must be refused;
- ``admin``: platform admins only (the Django admin: every role of the matrix is refused);
- ``exempt``: no object in the path after all; the comment says where it is checked.

``heavy`` rows (PDF rendering) skip the owner's success request to keep the suite fast; their
refusals are still checked.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    obj: str | None
    who: str
    read: bool = True
    write: bool = False
    heavy: bool = False
    # Form fields of the write, taken from the object's ids (field name, ids key).
    data: tuple[tuple[str, str], ...] = ()


def staff(obj, read=True, write=False, heavy=False):
    return Row(obj, "staff", read, write, heavy)


def participant(obj, read=True, write=False):
    return Row(obj, "participant", read, write)


def member(obj, read=True, write=False):
    return Row(obj, "member", read, write)


def public(obj, write=False):
    return Row(obj, "public", True, write)


def signed_in(obj, read=True, write=False):
    return Row(obj, "signed_in", read, write)


def key(obj=None, read=True, write=False):
    return Row(obj, "key", read, write)


R, W, RW = (True, False), (False, True), (True, True)

PAGES: dict[str, Row] = {
    # accounts
    "accounts:revoke_token": staff("api_token", *W),
    "accounts:password_reset_confirm": key(),
    # directory
    "ecosystem:import_preview": key(),
    "ecosystem:import_cancel": key(read=False, write=True),
    "ecosystem:claim_decide": staff("claim", *W),
    "ecosystem:organisation": public("organisation"),
    # A page is claimed by the people of the organisation, never by a park's staff.
    "ecosystem:organisation_claim": participant("hosted", *W),
    "ecosystem:organisation_page": staff("hosted", *RW),
    "ecosystem:organisation_update": staff("organisation", *RW),
    # partnerships
    "partnerships:agreement": staff("agreement"),
    "partnerships:agreement_edit": staff("agreement", *RW),
    "partnerships:agreement_status": staff("agreement", *W),
    "partnerships:commitment_add": staff("agreement", *W),
    "partnerships:commitment_toggle": staff("commitment", *W),
    "partnerships:document_upload": staff("agreement", *W),
    "partnerships:document": staff("document"),
    "partnerships:note_add": staff("agreement", *W),
    "partnerships:park_profile": public("park"),
    "partnerships:delegation": staff("delegation"),
    "partnerships:delegation_edit": staff("delegation", *RW),
    "partnerships:visit_add": staff("delegation", *W),
    "partnerships:contact_add": staff("delegation", *W),
    "partnerships:follow_up_add": staff("delegation", *W),
    "partnerships:follow_up_toggle": staff("follow_up", *W),
    # soft landing
    "softlanding:programme": staff("programme"),
    "softlanding:programme_edit": staff("programme", *RW),
    "softlanding:offer_create": staff("programme", *RW),
    "softlanding:offer_edit": staff("offer", *RW),
    "softlanding:board": staff("programme"),
    "softlanding:matching": staff("programme", *RW),
    "softlanding:matching_accept": staff("programme", *W),
    "softlanding:application_create": staff("programme", *RW),
    "softlanding:application": staff("application"),
    "softlanding:application_score": staff("application", *W),
    "softlanding:application_move": staff("application", *W),
    "softlanding:outcome_add": staff("application", *W),
    "softlanding:follow_up_add": staff("application", *W),
    # events
    "events:month": public("month"),
    "events:registration": participant("registration"),
    "events:cancel_own": participant("registration", *W),
    "events:rotate_link": participant("registration", *W),
    "events:registration_link": key(),
    "events:retired_link": key(),
    "events:detail": member("event"),
    "events:event_ics": member("event"),
    "events:register": member("event"),
    "events:register_confirm": key(),
    # The invitee's landing: the secret is the sign-in link's, in the query string.
    "events:invitation": key("registration"),
    "events:invitation_renew": key("registration", read=False, write=True),
    "events:invite": staff("event", *W),
    "events:edit": staff("event", *RW),
    "events:set_status": staff("event", *W),
    "events:programme_add": staff("event", *RW),
    "events:programme_edit": staff("programme_item", *RW),
    "events:registrations": staff("event"),
    "events:import": staff("event", *W),
    "events:export": staff("export"),
    "events:registration_action": staff("registration", *W),
    "events:badges": staff("event", *W),
    "events:check_in": staff("event"),
    "events:check_in_mark": staff("event", *W),
    # matchmaking: organisers
    "matchmaking:sessions": staff("event"),
    "matchmaking:setup": staff("session", *RW),
    "matchmaking:remove_day": staff("day", *W),
    "matchmaking:participants": staff("session"),
    "matchmaking:participant_settings": staff("participant", *RW),
    "matchmaking:schedule": staff("session"),
    "matchmaking:run_start": staff("session", *W),
    "matchmaking:run_progress": staff("run"),
    "matchmaking:run_stop": staff("run", *W),
    "matchmaking:run_apply": staff("run", *W),
    "matchmaking:meeting_add": staff("session", *W),
    "matchmaking:meeting_edit": Row("draft_meeting", "staff", *RW, data=(("action", "lock"),)),
    "matchmaking:schedule_publish": staff("session", *W),
    "matchmaking:versions": staff("session"),
    "matchmaking:version": staff("session"),
    "matchmaking:day": staff("session"),
    "matchmaking:feedback_rates": staff("event"),
    "matchmaking:participant_agenda": staff("participant"),
    "matchmaking:participant_agenda_file": staff("participant_ics"),
    "matchmaking:agendas_pdf": staff("session", *W),
    "matchmaking:table_plan": staff("session"),
    "matchmaking:table_plan_pdf": staff("session", *W),
    "matchmaking:participant_agenda_pdf": staff("participant", *W),
    # matchmaking: participants
    "matchmaking:hub": participant("event"),
    "matchmaking:requests": participant("session"),
    "matchmaking:request_send": participant("participant", *W),
    "matchmaking:request_answer": participant("request", *W),
    "matchmaking:wishes": participant("session"),
    "matchmaking:wish_set": participant("participant", *W),
    "matchmaking:self_book_choose": participant("session"),
    "matchmaking:self_book": Row("participant", "participant", *RW, data=(("slot", "free_slot"),)),
    "matchmaking:marketplace": participant("event"),
    "matchmaking:publish": participant("event", *RW),
    "matchmaking:my_opportunities": participant("event"),
    "matchmaking:opportunity": participant("opportunity"),
    "matchmaking:opportunity_edit": participant("opportunity", *RW),
    "matchmaking:opportunity_withdraw": participant("opportunity", *W),
    "matchmaking:my_agenda": participant("session"),
    "matchmaking:my_agenda_file": participant("session_ics"),
    "matchmaking:my_agenda_pdf": participant("session", *W),
    "matchmaking:agenda_feed": key(),
    "matchmaking:rotate_calendar_link": participant("session", *W),
    "matchmaking:recommendations": participant("session"),
    "matchmaking:my_feedback": participant("session"),
    "matchmaking:give_feedback": participant("meeting", *W),
    # mail: an event's outbox
    "mail:outbox": staff("event"),
    "mail:resend": staff("event", *W),
    # reports
    # The path names a table of the dashboard; the organisation comes in the query string and
    # is checked by the dashboard's own rule (tests/reports/test_dashboard.py).
    "reports:csv": Row(None, "exempt"),
    "reports:yearly_detail": staff("yearly"),
    "reports:yearly_edit": staff("yearly", *RW),
    "reports:yearly_generate": staff("yearly", *W),
    "reports:yearly_status": staff("yearly"),
    "reports:yearly_pdf": staff("yearly", heavy=True),
    # news
    "news:proposal": staff("proposal"),
    "news:decide": staff("proposal", *W),
    # background jobs: only the user who started one sees it and its file
    "core:job": staff("job"),
    "core:job_file": staff("job"),
    # privacy
    "privacy:consent_confirm": key(),
    "privacy:staff_person_data": staff("person", *W),
    "privacy:staff_person_erase": staff("person", *W),
    "privacy:staff_ask_consent": staff("person", *W),
    "privacy:history": staff("agreement"),
}

# The API, by OpenAPI operation id; reads and writes follow the operation's method.
_A = "maillage_api_"
API: dict[str, Row] = {
    _A + "ecosystem_get_organisation": public("organisation"),
    _A + "ecosystem_update_organisation": staff("organisation", *W),
    _A + "ecosystem_list_network_members": public("network"),
    _A + "claims_claim_organisation": participant("hosted", *W),
    _A + "claims_approve_claim": staff("claim", *W),
    _A + "claims_refuse_claim": staff("claim", *W),
    _A + "events_get_event": member("event"),
    _A + "registrations_event_registrations": staff("event"),
    _A + "registrations_register": member("event", *W),
    _A + "registrations_get_registration": participant("registration"),
    _A + "registrations_cancel": participant("registration", *W),
    _A + "registrations_decide": staff("registration", *W),
    _A + "registrations_check_in": staff("event", *W),
    _A + "invitations_invite": staff("event", *W),
    _A + "invitations_invitation_states": staff("event"),
    _A + "agreements_get_agreement": staff("agreement"),
    _A + "agreements_update_agreement": staff("agreement", *W),
    _A + "agreements_change_status": staff("agreement", *W),
    _A + "agreements_add_commitment": staff("agreement", *W),
    _A + "agreements_list_notes": staff("agreement"),
    _A + "agreements_add_note": staff("agreement", *W),
    _A + "agreements_upload_document": staff("agreement", *W),
    _A + "delegations_get_delegation": staff("delegation"),
    _A + "delegations_add_visit": staff("delegation", *W),
    _A + "delegations_add_contact": staff("delegation", *W),
    _A + "delegations_add_follow_up": staff("delegation", *W),
    _A + "programmes_get_programme": staff("programme"),
    _A + "programmes_open_or_close": staff("programme", *W),
    _A + "programmes_create_offer": staff("programme", *W),
    _A + "applications_list_applications": staff("programme"),
    _A + "applications_submit_application": staff("programme", *W),
    _A + "applications_get_application": staff("application"),
    _A + "applications_ranked_hosts": staff("application"),
    _A + "applications_move": staff("application", *W),
    _A + "applications_score": staff("application", *W),
    _A + "applications_add_outcome": staff("application", *W),
    _A + "pipeline_propose": staff("programme", *W),
    _A + "pipeline_accept": staff("programme", *W),
    _A + "matchmaking_my_requests": participant("session"),
    _A + "matchmaking_send_request": participant("session", *W),
    _A + "matchmaking_accept": participant("request", *W),
    _A + "matchmaking_decline": participant("request", *W),
    _A + "matchmaking_my_wishes": participant("session"),
    _A + "matchmaking_set_wish": participant("participant", *W),
    _A + "matchmaking_my_meetings": participant("session"),
    _A + "matchmaking_start_run": staff("session", *W),
    _A + "matchmaking_run_status": staff("run"),
    _A + "matchmaking_stop_run": staff("run", *W),
    _A + "matchmaking_free_slots": participant("participant"),
    _A + "matchmaking_book": participant("session", *W),
    _A + "mail_outbox": staff("event"),
    _A + "mail_resend": staff("event", *W),
    _A + "reports_figures": staff("park"),
    _A + "reports_comparison": staff("park"),
    _A + "reports_members": staff("park"),
    # --- events and platform: API parity operations ---
    _A + "events_update_event": staff("event", *W),
    _A + "events_set_status": staff("event", *W),
    _A + "events_event_ics": member("event"),
    _A + "event_programme_add_item": staff("event", *W),
    _A + "event_programme_update_item": staff("programme_item", *W),
    _A + "event_programme_delete_item": staff("programme_item", *W),
    _A + "registrations_rotate_link": participant("registration", *W),
    _A + "registrations_search_check_in": staff("event"),
    _A + "registration_files_export": staff("event"),
    _A + "registration_files_import_registrants": staff("event", *W),
    _A + "registration_files_badges": staff("event", *W),
    # background jobs: only the user who started one sees it and its file
    _A + "jobs_get_job": staff("job"),
    _A + "jobs_job_file": staff("job"),
    # --- matchmaking organiser: API parity operations ---
    _A + "sessions_list_sessions": staff("event"),
    _A + "sessions_create_session": staff("event", *W),
    _A + "sessions_get_setup": staff("session"),
    _A + "sessions_update_session": staff("session", *W),
    _A + "sessions_add_day": staff("session", *W),
    _A + "sessions_remove_day": staff("day", *W),
    _A + "sessions_add_break": staff("day", *W),
    _A + "sessions_set_tables": staff("session", *W),
    _A + "sessions_add_room": staff("session", *W),
    _A + "sessions_set_rule": staff("session", *W),
    _A + "sessions_set_limit": staff("session", *W),
    _A + "sessions_add_registrants": staff("session", *W),
    _A + "session_participants_list_participants": staff("session"),
    _A + "session_participants_participant_settings": staff("participant"),
    _A + "session_participants_set_participant_settings": staff("participant", *W),
    _A + "schedules_get_draft": staff("session"),
    _A + "schedules_apply_run": staff("run", *W),
    _A + "schedules_add_meeting": staff("session", *W),
    _A + "schedules_get_meeting": staff("draft_meeting"),
    _A + "schedules_edit_meeting": staff("draft_meeting", *W),
    _A + "schedules_swap_meetings": staff("draft_meeting", *W),
    _A + "schedules_remove_meeting": staff("draft_meeting", *W),
    _A + "schedules_publish": staff("session", *W),
    _A + "schedules_list_versions": staff("session"),
    _A + "schedules_get_version": staff("session"),
    _A + "on_the_day_list_absences": staff("session"),
    _A + "on_the_day_mark_absent": staff("participant", *W),
    _A + "on_the_day_mark_present": staff("participant", *W),
    _A + "on_the_day_repair_day": staff("session", *W),
    _A + "staff_agendas_participant_agenda": staff("participant"),
    _A + "staff_agendas_participant_agenda_ics": staff("participant"),
    _A + "staff_agendas_participant_agenda_pdf": staff("participant", heavy=True),
    _A + "staff_agendas_all_agendas_pdf": staff("session", heavy=True),
    _A + "staff_agendas_table_plan": staff("session"),
    _A + "staff_agendas_table_plan_pdf": staff("session", heavy=True),
    _A + "feedback_rates_feedback_rates": staff("event"),
    # --- matchmaking participant: API parity operations ---
    _A + "matchmaking_withdraw_request": participant("sent_request", *W),
    _A + "participations_my_participations": participant("event"),
    _A + "people_in_session_other_participants": participant("session"),
    _A + "marketplace_list_opportunities": participant("event"),
    _A + "marketplace_get_opportunity": participant("opportunity"),
    _A + "marketplace_publish_opportunity": participant("event", *W),
    _A + "marketplace_edit_opportunity": participant("opportunity", *W),
    _A + "marketplace_withdraw_opportunity": participant("opportunity", *W),
    _A + "marketplace_my_opportunities": participant("event"),
    _A + "marketplace_react": participant("opportunity", *W),
    _A + "marketplace_list_reactions": participant("opportunity"),
    _A + "agendas_my_agenda": participant("session"),
    _A + "agendas_my_agenda_ics": participant("session"),
    _A + "agendas_my_agenda_pdf": Row("session", "participant", heavy=True),
    _A + "agendas_calendar_link": participant("session"),
    _A + "agendas_rotate_calendar_link": participant("session", *W),
    _A + "recommendations_people_to_meet": participant("session"),
    _A + "feedback_my_feedback": participant("session"),
    _A + "feedback_give_feedback": participant("meeting", *W),
    # --- ecosystem, news, privacy and accounts: API parity operations ---
    _A + "news_get_proposal": staff("proposal"),
    _A + "news_accept_proposal": staff("proposal", *W),
    _A + "news_reject_proposal": staff("proposal", *W),
    _A + "news_undo_batch": key(read=False, write=True),
    _A + "privacy_requests_person_data": staff("person", *W),
    _A + "privacy_requests_erase_person": staff("person", *W),
    _A + "privacy_requests_ask_consent": staff("person", *W),
    _A + "privacy_requests_history": staff("agreement"),
    _A + "accounts_revoke_token": staff("api_token", *W),
    _A + "claims_edit_page": staff("hosted", *W),
    # --- reports, partnerships and softlanding: API parity operations ---
    _A + "programmes_update_programme": staff("programme", *W),
    _A + "programmes_update_offer": staff("offer", *W),
    _A + "pipeline_board": staff("programme"),
    _A + "applications_add_follow_up": staff("application", *W),
    _A + "agreements_set_commitment_done": staff("commitment", *W),
    _A + "agreements_list_documents": staff("agreement"),
    _A + "agreements_download_document": staff("document"),
    _A + "delegations_update_delegation": staff("delegation", *W),
    _A + "delegations_set_follow_up_done": staff("follow_up", *W),
    _A + "network_exports_park_profile": public("park"),
    _A + "reports_table_csv": staff("park"),
    _A + "yearly_reports_get_report": staff("yearly"),
    _A + "yearly_reports_update_report": staff("yearly", *W),
    _A + "yearly_reports_generate": staff("yearly", *W),
    _A + "yearly_reports_generation": staff("yearly"),
    _A + "yearly_reports_download_pdf": staff("yearly", heavy=True),
    _A + "yearly_reports_upload_logo": staff("yearly", *W),
    _A + "yearly_reports_remove_logo": staff("yearly", *W),
}
