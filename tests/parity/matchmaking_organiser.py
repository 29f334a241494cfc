"""API parity of the matchmaking organiser pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

TODO = None  # an entry not written yet: the parity test fails on it

PAGES = {
    "matchmaking:agendas_pdf": TODO,
    "matchmaking:day": TODO,
    "matchmaking:feedback_rates": TODO,
    "matchmaking:meeting_add": TODO,
    "matchmaking:meeting_edit": TODO,
    "matchmaking:participant_agenda": TODO,
    "matchmaking:participant_agenda_file": TODO,
    "matchmaking:participant_agenda_pdf": TODO,
    "matchmaking:participant_settings": TODO,
    "matchmaking:participants": TODO,
    "matchmaking:remove_day": TODO,
    "matchmaking:run_apply": TODO,
    "matchmaking:run_progress": TODO,
    "matchmaking:run_start": TODO,
    "matchmaking:run_stop": TODO,
    "matchmaking:schedule": TODO,
    "matchmaking:schedule_publish": TODO,
    "matchmaking:sessions": TODO,
    "matchmaking:setup": TODO,
    "matchmaking:table_plan": TODO,
    "matchmaking:table_plan_pdf": TODO,
    "matchmaking:version": TODO,
    "matchmaking:versions": TODO,
}
