"""API parity of the platform pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt

PAGES = {
    "core:job": api("jobs_get_job"),
    "core:job_file": api("jobs_job_file"),
    "health": exempt(
        "The health check is already a JSON answer for load balancers and monitoring, outside "
        "the API so that it needs no token and no session."
    ),
    "home": exempt(
        "The home page only links to the other pages; the API's index is its OpenAPI document."
    ),
    "mail:outbox": api("mail_outbox"),
    "mail:resend": api("mail_resend"),
    "set_language": exempt(
        "Django's language switch stores the choice in a cookie for the pages; the API answers "
        "in the language of the Accept-Language header."
    ),
}
