"""Reading the ``email_url`` setting into Django's EMAIL_* settings (with dj-email-url).

Accepted forms:
    smtp://[user:password@]host[:port]            plain SMTP (port 25 by default)
    smtp+tls://… or submission://…                SMTP with STARTTLS (port 587 by default)
    smtps://…                                     SMTP over implicit TLS (port 465 by default)
    console://                                    print mails on the console (development)
    file:///path/to/folder                        write each mail to a file in that folder
Query options: ``?timeout=SECONDS`` (10 by default), ``?_default_from_email=…``.
User name and password are percent-encoded (``@`` as ``%40``).
"""

from __future__ import annotations

import urllib.parse

import dj_email_url

SCHEMES = ("smtp", "smtp+tls", "submission", "smtps", "console", "file")
DEFAULT_TIMEOUT = 10


class EmailUrlError(ValueError):
    pass


def parse(url: str) -> dict[str, object]:
    """The EMAIL_* settings for ``url``; raises EmailUrlError with a sentence saying what to fix."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise EmailUrlError(
            f"email_url {_safe(url)!r}: unknown scheme {scheme!r}; use one of "
            "smtp://host:port, smtp+tls://user:password@host:587, smtps://user:password@host:465, "
            "console:// or file:///folder"
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise EmailUrlError(f"email_url {_safe(url)!r}: the port is not a number ({exc})") from exc
    if scheme in {"smtp", "smtp+tls", "submission", "smtps"} and not parts.hostname:
        raise EmailUrlError(f"email_url {_safe(url)!r}: no host; write it as {scheme}://host:port")
    query = urllib.parse.parse_qs(parts.query)
    if "timeout" in query and not query["timeout"][0].isdigit():
        raise EmailUrlError(
            f"email_url {_safe(url)!r}: timeout must be a whole number of seconds, e.g. ?timeout=10"
        )
    if scheme == "smtp+tls":
        rewritten = parts._replace(scheme="submission")
    elif scheme == "smtps":  # implicit TLS; dj-email-url reads smtps as STARTTLS
        rewritten = parts._replace(
            scheme="smtp", netloc=parts.netloc if port else f"{parts.netloc}:465"
        )
    else:
        rewritten = parts
    try:
        conf = dj_email_url.parse(urllib.parse.urlunsplit(rewritten))
    except ValueError as exc:
        raise EmailUrlError(f"email_url {_safe(url)!r}: {exc}") from exc
    if scheme == "smtps":
        conf["EMAIL_USE_SSL"], conf["EMAIL_USE_TLS"] = True, False
    if scheme == "file" and not conf.get("EMAIL_FILE_PATH"):
        raise EmailUrlError(
            f"email_url {url!r}: no folder; write it as file:///absolute/path/to/folder"
        )
    if scheme == "file":
        conf["EMAIL_FILE_PATH"] = "/" + str(conf["EMAIL_FILE_PATH"]).lstrip("/")
    if not conf.get("EMAIL_TIMEOUT"):
        conf["EMAIL_TIMEOUT"] = DEFAULT_TIMEOUT
    for name in ("EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD"):
        conf[name] = conf.get(name) or ""
    return conf


def _safe(url: str) -> str:
    """The URL with its password masked, for error messages and logs."""
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return url
