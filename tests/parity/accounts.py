"""API parity of the accounts pages (see tests/parity/__init__.py)."""

from tests.parity import api, exempt  # noqa: F401

_SIGN_IN = (
    "Signing in is what a browser does to get a session; API callers send a personal token "
    "instead (GET/POST /api/v1/me/tokens)."
)

PAGES = {
    "accounts:link": exempt(
        "The sign-in link from an e-mail opens a browser session; API callers use tokens."
    ),
    "accounts:login": exempt(_SIGN_IN),
    "accounts:logout": exempt(
        "Signing out ends a browser session; an API token is revoked with accounts_revoke_token."
    ),
    "accounts:password_reset": exempt(_SIGN_IN),
    "accounts:password_reset_complete": exempt(
        "A page that only says the new password is set; there is nothing to fetch or change."
    ),
    "accounts:password_reset_confirm": exempt(
        "The reset link from an e-mail sets a browser password with its own signed token."
    ),
    "accounts:password_reset_done": exempt(
        "A page that only says the reset e-mail was sent; there is nothing to fetch or change."
    ),
    "accounts:profile": api("accounts_get_profile", "accounts_update_profile"),
    "accounts:request_link": exempt(_SIGN_IN),
    "accounts:revoke_token": api("accounts_revoke_token"),
    "accounts:tokens": api("accounts_list_tokens", "accounts_issue_token"),
}
