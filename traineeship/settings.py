"""Settings for Traineeship, driven by environment variables.

Development is the default (``DJANGO_DEBUG`` unset means debug on, SQLite, console
e-mail). Production sets ``DJANGO_DEBUG=false``, ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS`` and ``DATABASE_URL``; the site then insists on HTTPS unless
``DJANGO_SECURE_SSL_REDIRECT=false`` (plain-HTTP runs on loopback, such as benchmarks).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


# django-environ reads and casts the environment; an unset variable takes the default given here.
env = environ.Env()


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list; spaces around items are ignored."""
    return [item.strip() for item in env.list(name, default=default.split(",")) if item.strip()]


DEBUG = env.bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "django_tasks_db",
    # Single sign-on (OpenID Connect, SAML) and two-factor authentication.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "allauth.mfa",
    "organisations",
    "competencies",
    "programmes",
    "goals",
    "mentors",
    "portfolios",
    "signin",
    "operations",
    "coaching",
    "evaluations",
    # What must know every app: home pages, the stappenplan, the demo command.
    "overview",
    # A person's data across every app: the copy, erasure on request, the retention term.
    "privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "organisations.middleware.ActiveMembershipMiddleware",
    "organisations.middleware.PrivateAnswersMiddleware",
    "organisations.middleware.MethodNotAllowedPageMiddleware",
    "signin.middleware.TwoFactorSetupMiddleware",
    # Axes must come last: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "traineeship.urls"
WSGI_APPLICATION = "traineeship.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "overview.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DJANGO_CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the counting queries of the overview pages (EXISTS subplans
    # that look expensive to the planner) on every request: measured at 10,000 traineeships,
    # about 1 s of compilation for 40 ms of work (benchmarks/explain.py). Short web queries
    # never win it back, so it is off for the application's connections.
    # A list joined with its scope (a semi-join on the traineeships a person may see) exceeds
    # the default collapse limit of 8: the planner then plans the scope apart and, at 100,000
    # traineeships, read every organisation's rows first (the mentor's home 1.2 s). 10 keeps
    # most of that gain (0.8 s) without the planning time that 12 or 16 cost on every page of
    # a small organisation (the mentor's home 0.37 s at 100 trainees, 0.55 s with 12 or 16).
    # Random reads cost about what sequential ones do on SSDs and a cached working set (the
    # value managed PostgreSQL services use), so a few hundred rows are fetched by index.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c from_collapse_limit=10 -c join_collapse_limit=10 -c random_page_cost=1.1"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# django-allauth: only its single sign-on callbacks and two-factor pages are used;
# our own sign-in page at /accounts/login/ stays the entry point (signin.views).
ACCOUNT_ADAPTER = "signin.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "signin.adapters.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = LOGOUT_REDIRECT_URL
# Nobody signs up through a provider: signin.adapters links or refuses.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True}}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Traineeship"
MFA_PASSKEY_LOGIN_ENABLED = False
# Security keys need a secure origin; plain-HTTP loopback is fine while developing.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Throttle guessing: five failures for one account from one client address lock that
# combination for fifteen minutes, so someone elsewhere cannot lock a person out; the
# lockout page says so in words. The account is the case-folded e-mail address (sign-in
# ignores case, so case variants get no fresh attempts).
AXES_ENABLED = env.bool("DJANGO_AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "organisations.throttle.throttle_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# The client address comes from X-Forwarded-For only behind a proxy we run
# (DJANGO_BEHIND_PROXY), which must overwrite that header with the address it saw
# (nginx: proxy_set_header X-Forwarded-For $remote_addr). A header with more entries
# than DJANGO_PROXY_COUNT + 1 is not trusted: the proxy's own address counts instead.
# Without a proxy the header is ignored, so nobody can pick the address they fail from.
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "traineeship_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles"))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Front-end packages come from npm at build time, never from a CDN.
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
# Uploaded files go through Django's storage API; they are never served by URL,
# only streamed by permission-checked views. Point MEDIA_ROOT at shared storage
# (or swap the backend) when running several app servers.
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media"))
# DJANGO_STORAGE=s3 keeps uploads in S3-compatible object storage (django-storages) instead,
# configured by its AWS_* variables; files stay private and are still streamed by our views.
if env.str("DJANGO_STORAGE", default="filesystem") == "s3":
    DEFAULT_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_LOCATION = env.str("AWS_LOCATION", default="")
    AWS_DEFAULT_ACL = "private"
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False
    # AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are read by boto3 from the environment.
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploads: at most UPLOAD_MAX_BYTES per file, checked while the body is read
# (organisations.upload_limits); anonymous requests take no files at all. Form fields
# besides files stay under DATA_UPLOAD_MAX_MEMORY_SIZE; a body above REQUEST_MAX_BYTES
# is refused outright (the reverse proxy should refuse it earlier, see the README).
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
REQUEST_MAX_BYTES = 12 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "organisations.upload_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640
# Evidence files embedded in one portfolio PDF, in total; what does not fit is listed with a note.
PORTFOLIO_PDF_ATTACHMENTS_MAX_BYTES = env.int("PORTFOLIO_PDF_ATTACHMENTS_MAX_BYTES", default=20 * 1024 * 1024)

# One cache shared by every app server (Redis or Valkey at REDIS_URL / CACHE_URL): sessions,
# throttling and rate limits must agree whichever server answers. Without it, a per-process
# memory cache, which is only right for a single server.
CACHE_URL = env.str("REDIS_URL", default="") or env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env.str("DJANGO_CACHE_KEY_PREFIX", default="traineeship"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions read from the cache and are written through to the database, so a cache
# restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# The task worker (`manage.py task_worker`) beats this often; /health/ fails when no
# worker has beaten for TASK_WORKER_HEARTBEAT_MAX_AGE seconds.
TASK_WORKER_HEARTBEAT_SECONDS = env.int("TASK_WORKER_HEARTBEAT_SECONDS", default=15)
TASK_WORKER_HEARTBEAT_MAX_AGE = env.int("TASK_WORKER_HEARTBEAT_MAX_AGE", default=60)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if not DEBUG:
    https = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_SSL_REDIRECT = https
    # The load balancer probes /health/ over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SESSION_COOKIE_SECURE = https
    CSRF_COOKIE_SECURE = https
    LANGUAGE_COOKIE_SECURE = https
    SECURE_HSTS_SECONDS = 31_536_000 if https else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = https
    SECURE_HSTS_PRELOAD = https
    if env.bool("DJANGO_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: our own scripts only, each inline script with a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# E-mail: the console locally; SMTP from the EMAIL_* variables in production.
if not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.str("EMAIL_HOST", default="localhost"),
                "port": env.int("EMAIL_PORT", default=587),
                "username": env.str("EMAIL_HOST_USER", default=""),
                "password": env.str("EMAIL_HOST_PASSWORD", default=""),
                "use_tls": env.bool("EMAIL_USE_TLS", default=True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="Traineeship <noreply@traineeship.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Heavy work (bulk PDF exports, reminder e-mails) runs off the request path in the
# django-tasks-db worker (`python manage.py task_worker`, its db_worker with a heartbeat).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if env.bool("DJANGO_TASKS_IMMEDIATE", default=False):
    # Tasks run inside the request that queues them: for benchmarks that time a PDF's render.
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# Django ships its widget templates for Jinja2 too; rendering a page's selects with it takes a
# fraction of the time (the filter bars of the lists: 53 -> 30 ms a page, issue 13).
FORM_RENDERER = "django.forms.renderers.Jinja2"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# django-filter's blank choices read "---------" in every language: in a filter, blank means "any".
FILTERS_EMPTY_CHOICE_LABEL = _("All")
FILTERS_NULL_CHOICE_LABEL = _("None")

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# How long an invitation link stays valid.
INVITATION_VALID_DAYS = 14
# The public address used in e-mails sent outside a request (reminders, tasks).
SITE_URL = env.str("DJANGO_SITE_URL", default="http://127.0.0.1:8000")

# Logging: a 403/404 is one line without traceback, a 500 keeps its traceback, and no
# line carries e-mail addresses or link tokens (organisations.log_filters). The filters
# sit on the handler (every line) and on the request loggers (where the records start).
_LOG_FILTERS = ["client_errors_without_traceback", "redact_personal_data"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_without_traceback": {"()": "organisations.log_filters.ClientErrorsWithoutTraceback"},
        "redact_personal_data": {"()": "organisations.log_filters.RedactPersonalData"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": _LOG_FILTERS}},
    "loggers": {
        name: {"filters": _LOG_FILTERS, "propagate": True}
        for name in ["django.request", "django.security", "django.security.csrf"]
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
