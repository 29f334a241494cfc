"""Layered configuration: defaults < maillage.toml < MAILLAGE_* environment variables.

The TOML file is looked up in MAILLAGE_CONFIG, else ./maillage.toml in the working directory.
Each key of the file's [maillage] table (or top level) may be overridden by the environment
variable MAILLAGE_<KEY in upper case>.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

DEFAULTS: dict[str, object] = {
    "debug": False,
    "secret_key": "",
    "database_url": "",
    "site_url": "http://127.0.0.1:8000",
    "allowed_hosts": ["127.0.0.1", "localhost"],
    "csrf_trusted_origins": [],
    "email_backend": "django.core.mail.backends.console.EmailBackend",
    "email_url": "",
    "default_from_email": "maillage <no-reply@localhost>",
    "mail_retry_seconds": 60,
    "mail_max_attempts": 12,
    "invitation_days": 14,
    "registration_retention_days": 1095,
    "login_failure_limit": 5,
    "login_lockout_minutes": 15,
    "session_days": 14,
    "data_dir": "var",
    "time_zone": "Europe/Paris",
    "language_code": "en",
    "secure": False,
}


class ConfigError(Exception):
    pass


def _coerce(raw: str, default: object) -> object:
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in {"1", "true", "yes", "on"}:
            return True
        if value in {"0", "false", "no", "off", ""}:
            return False
        raise ConfigError(f"expected true or false, got {raw!r}")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"expected a whole number, got {raw!r}") from None
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


def load(environ: dict[str, str] | None = None) -> dict[str, object]:
    environ = dict(os.environ if environ is None else environ)
    values = dict(DEFAULTS)
    path = Path(environ.get("MAILLAGE_CONFIG", "maillage.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from exc
        data = data.get("maillage", data)
        unknown = sorted(set(data) - set(DEFAULTS))
        if unknown:
            raise ConfigError(
                f"{path}: unknown key(s) {', '.join(unknown)}; known keys: {', '.join(DEFAULTS)}"
            )
        values.update(data)
    for key, default in DEFAULTS.items():
        env_name = f"MAILLAGE_{key.upper()}"
        if env_name in environ:
            try:
                values[key] = _coerce(environ[env_name], default)
            except ConfigError as exc:
                raise ConfigError(f"{env_name}: {exc}") from exc
    return values
