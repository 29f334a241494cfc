"""API parity of the softlanding pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

PAGES = {
    "softlanding:application": api("applications_get_application", "applications_ranked_hosts"),
    "softlanding:application_create": api("applications_submit_application"),
    "softlanding:application_move": api("applications_move"),
    "softlanding:application_score": api("applications_score"),
    "softlanding:board": api("pipeline_board"),
    "softlanding:follow_up_add": api("applications_add_follow_up"),
    "softlanding:matching": api("pipeline_propose", "applications_ranked_hosts"),
    "softlanding:matching_accept": api("pipeline_accept"),
    "softlanding:offer_create": api("programmes_create_offer"),
    "softlanding:offer_edit": api("programmes_update_offer"),
    "softlanding:outcome_add": api("applications_add_outcome"),
    "softlanding:programme": api("programmes_get_programme", "applications_list_applications"),
    "softlanding:programme_create": api("programmes_create_programme"),
    "softlanding:programme_edit": api("programmes_update_programme"),
    "softlanding:programmes": api("programmes_list_programmes"),
}
