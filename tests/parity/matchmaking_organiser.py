"""API parity of the matchmaking organiser pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "matchmaking:agendas_pdf": api("staff_agendas_all_agendas_pdf"),
    "matchmaking:day": api(
        "on_the_day_list_absences",
        "on_the_day_mark_absent",
        "on_the_day_mark_present",
        "on_the_day_repair_day",
    ),
    "matchmaking:feedback_rates": api("feedback_rates_feedback_rates"),
    "matchmaking:meeting_add": api("schedules_add_meeting"),
    "matchmaking:meeting_edit": api(
        "schedules_get_meeting",
        "schedules_edit_meeting",
        "schedules_swap_meetings",
        "schedules_remove_meeting",
    ),
    "matchmaking:participant_agenda": api("staff_agendas_participant_agenda"),
    "matchmaking:participant_agenda_file": api("staff_agendas_participant_agenda_ics"),
    "matchmaking:participant_agenda_pdf": api("staff_agendas_participant_agenda_pdf"),
    "matchmaking:participant_settings": api(
        "session_participants_participant_settings",
        "session_participants_set_participant_settings",
    ),
    "matchmaking:participants": api("session_participants_list_participants"),
    "matchmaking:remove_day": api("sessions_remove_day"),
    "matchmaking:run_apply": api("schedules_apply_run"),
    "matchmaking:run_progress": api("matchmaking_run_status"),
    "matchmaking:run_start": api("matchmaking_start_run"),
    "matchmaking:run_stop": api("matchmaking_stop_run"),
    "matchmaking:schedule": api("schedules_get_draft"),
    "matchmaking:schedule_publish": api("schedules_publish"),
    "matchmaking:sessions": api("sessions_list_sessions", "sessions_create_session"),
    "matchmaking:setup": api(
        "sessions_get_setup",
        "sessions_update_session",
        "sessions_add_day",
        "sessions_add_break",
        "sessions_set_tables",
        "sessions_add_room",
        "sessions_set_rule",
        "sessions_set_limit",
        "sessions_add_registrants",
    ),
    "matchmaking:table_plan": api("staff_agendas_table_plan"),
    "matchmaking:table_plan_pdf": api("staff_agendas_table_plan_pdf"),
    "matchmaking:version": api("schedules_get_version"),
    "matchmaking:versions": api("schedules_list_versions"),
}
