"""Django settings for maillage. Values come from maillage.config (defaults < maillage.toml < env)."""

from __future__ import annotations

import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from maillage import config
from maillage.mail import email_url

try:
    CONFIG = config.load()
except config.ConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from exc

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(str(CONFIG["data_dir"])).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
TESTING = "pytest" in sys.modules

DEBUG = bool(CONFIG["debug"])
SECRET_KEY = str(CONFIG["secret_key"])
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "No secret key: set MAILLAGE_SECRET_KEY (or secret_key in maillage.toml), "
            "or set MAILLAGE_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-and-tests-0123456789"

# The address of the platform as people reach it: links in e-mails and files are built on it.
SITE_URL = str(CONFIG["site_url"]).rstrip("/")
ALLOWED_HOSTS = list(CONFIG["allowed_hosts"])  # type: ignore[arg-type]
CSRF_TRUSTED_ORIGINS = list(CONFIG["csrf_trusted_origins"])  # type: ignore[arg-type]
if TESTING:
    ALLOWED_HOSTS += ["testserver"]

INSTALLED_APPS = [
    "maillage.accounts",
    "maillage.core.apps.PlatformAdminConfig",  # django.contrib.admin, superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "ninja",  # serves the API docs' Swagger UI from its bundled static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "axes",  # failed sign-ins throttled and locked out (maillage.privacy, docs/security.md)
    "auditlog",  # the audit trail of staff writes (registered in maillage.privacy.audit)
    "maillage.core",
    "maillage.ecosystem",
    "maillage.events",
    "maillage.partnerships",
    "maillage.softlanding",
    "maillage.matchmaking",
    "maillage.reports",
    "maillage.privacy",
    "maillage.mail",
    "maillage.news",
    "maillage.demo",  # the demo data set and its command, above every domain app
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "maillage.core.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "maillage.privacy.audit.AuditActorMiddleware",  # auditlog: who made each change
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # answers a locked-out sign-in with the lockout page
]

ROOT_URLCONF = "maillage.urls"
WSGI_APPLICATION = "maillage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "maillage.ecosystem.context_processors.navigation",
            ],
        },
    },
]

_database_url = str(CONFIG["database_url"]) or f"sqlite:///{DATA_DIR / 'maillage.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",  # sign-in links (maillage.accounts.links)
]
# Sign-in links and invitations expire after this many days (tokens carry their issue time).
INVITATION_DAYS = int(CONFIG["invitation_days"])  # type: ignore[call-overload]
SESAME_MAX_AGE = INVITATION_DAYS * 24 * 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Login protection (django-axes): after `login_failure_limit` failed sign-ins for one address
# from one IP, that pair is locked out for `login_lockout_minutes`; a success resets the count.
AXES_ENABLED = not TESTING  # tests sign in without a request; the lockout tests turn it on
AXES_FAILURE_LIMIT = int(CONFIG["login_failure_limit"])  # type: ignore[call-overload]
AXES_COOLOFF_TIME = int(CONFIG["login_lockout_minutes"]) / 60  # type: ignore[call-overload]
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field (holding the e-mail)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "privacy/locked_out.html"
# Sessions: a sign-in lasts `session_days` days (sliding: renewed on each request).
SESSION_COOKIE_AGE = int(CONFIG["session_days"]) * 24 * 3600  # type: ignore[call-overload]
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = str(CONFIG["language_code"])
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = str(CONFIG["time_zone"])
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every request while it is missing
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # vendored assets (make assets)
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = str(CONFIG["email_backend"])
DEFAULT_FROM_EMAIL = str(CONFIG["default_from_email"])
EMAIL_TIMEOUT = 10  # seconds: a hung SMTP server must not hold a mail worker
if CONFIG["email_url"]:  # smtp://, smtp+tls://, submission://, smtps://, console://, file://
    try:
        _email = email_url.parse(str(CONFIG["email_url"]))
    except email_url.EmailUrlError as exc:
        raise ImproperlyConfigured(str(exc)) from exc
    globals().update({name: value for name, value in _email.items() if value is not None})
# Delivery retries of the outbox (maillage.mail.delivery): base × 2^n, capped at 2 hours.
MAIL_RETRY_SECONDS = float(CONFIG["mail_retry_seconds"])  # type: ignore[arg-type]
MAIL_MAX_ATTEMPTS = int(CONFIG["mail_max_attempts"])  # type: ignore[call-overload]

# One database queue per kind of work, each with its own worker (`python -m maillage serve`):
# "mail" (e-mails and notices), "heavy" (optimiser runs, up to an hour), "files" (PDFs and
# imports, maillage.core.jobs): a mail is never held behind an optimiser run or a PDF, and a PDF
# never waits for the optimiser.
TASK_QUEUES = ["default", "mail", "heavy", "files"]
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": TASK_QUEUES,
    }
}
# Periodic jobs (maillage.core.periodic): (dotted path of a task, interval in seconds). The
# scheduler in `serve` (or `python -m maillage periodic`) enqueues each one at its interval;
# every job is idempotent, so two schedulers or a restart never send a reminder twice.
MAILLAGE_PERIODIC_TASKS = [
    ("maillage.mail.tasks.retry_due_mails", 300),
    ("maillage.partnerships.tasks.remind_agreements", 6 * 3600),
    ("maillage.matchmaking.tasks.send_day_before_reminders", 900),
    ("maillage.matchmaking.tasks.send_block_reminders", 120),
    ("maillage.matchmaking.tasks.send_feedback_requests", 1800),
    ("maillage.matchmaking.tasks.expire_meeting_requests", 300),
    ("maillage.news.tasks.fetch_feeds", 3600),
    ("maillage.privacy.tasks.anonymise_old_registrations", 24 * 3600),
    ("maillage.events.periodic.drop_unconfirmed_registrations", 6 * 3600),
    ("maillage.core.tasks.drop_old_jobs", 24 * 3600),
    ("maillage.core.tasks.send_heartbeats", 60),  # the health check's proof of workers
]
# Registrations of events ended longer ago than this are anonymised (maillage.privacy).
MAILLAGE_RETENTION_DAYS = int(CONFIG["registration_retention_days"])  # type: ignore[call-overload]

if CONFIG["secure"]:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"maillage": {"level": "INFO"}},
}
