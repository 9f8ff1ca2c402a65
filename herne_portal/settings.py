"""Settings for Ratsportal, read from the environment.

Every setting an operator may change is an environment variable; see
``docs/configuration.md``. Nothing secret is written here.
"""

from importlib.util import find_spec
from pathlib import Path
from typing import Any

import dj_database_url
import django_cache_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from herne_portal.env import envbool, envint, envlist, envstr, required_secret

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = required_secret("SECRET_KEY")
DEBUG = envbool("DEBUG", default=False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.sitemaps",
    "django_filters",
    "corsheaders",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "herne_portal",
    "inquiries",
    "rankings",
    "oparl",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "herne_portal.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.RequireTwoFactorMiddleware",
    "herne_portal.sessions.StaffSessionExpiryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "herne_portal.csp.AdminStylePolicyMiddleware",
    # Last, as django-axes requires: turns a lock-out into the German lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "herne_portal.urls"
# Every form field of the portal through one template (templates/forms/field.html).
FORM_RENDERER = "herne_portal.forms.FormRenderer"
WSGI_APPLICATION = "herne_portal.wsgi.application"
ASGI_APPLICATION = "herne_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "herne_portal.context_processors.portal",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# SQLite file by default so that `make run` needs nothing installed;
# PostgreSQL in production and CI: DATABASE_URL=postgres://user:pw@host:5432/name
DATABASE_URL = envstr("DATABASE_URL")
if not DATABASE_URL:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'ratsportal.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------
# One cache shared by every app server and worker: page cache, rate limits,
# sessions, debounces. Redis in production (CACHE_URL=redis://host:6379/0,
# Django's built-in RedisCache); by default the database cache, which needs
# no server and is still shared by every process (its table is created by
# migrate). Never per-process memory: limits and invalidations must hold
# across processes.
CACHE_URL = envstr("CACHE_URL", "db://ratsportal_cache")
CACHES = {"default": django_cache_url.parse(CACHE_URL)}
CACHES["default"]["KEY_PREFIX"] = envstr("CACHE_KEY_PREFIX", "ratsportal")

# --- Authentication --------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a login while the user name or address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Sessions: councillors stay logged in for SESSION_COOKIE_AGE; administration
# staff (office, departments, admins) for STAFF_SESSION_AGE after logging in.
# Sessions live in the database and are read through the shared cache.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 14 * 24 * 3600)
STAFF_SESSION_AGE = envint("STAFF_SESSION_AGE", 8 * 3600)

# Throttling of logins (django-axes): after AXES_FAILURE_LIMIT failed attempts
# for one user name from one address, further attempts are refused for
# AXES_COOLOFF_TIME hours; an admin can unlock earlier (admin: "Access attempts").
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "herne_portal.client_address.client_address"
# The number of reverse proxies in front of the portal that add to X-Forwarded-For.
# Behind N of them the client's address is the N-th from the right in that header;
# without a proxy (0) the header is the client's own claim and is ignored (else an
# attacker could dodge the login lock or the sign-up limit by changing it).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)


# Two-factor authentication (django-otp, TOTP apps) for the council office,
# department staff and admins: when on, they must confirm a one-time code after
# the password (and set up an app the first time) before any other page.
TWO_FACTOR_FOR_STAFF = envbool("TWO_FACTOR_FOR_STAFF", default=False)
OTP_TOTP_ISSUER = envstr("OTP_TOTP_ISSUER", "Ratsportal")

# --- HTTPS and browser protections ------------------------------------------------------
# On by default whenever DEBUG is off; each can be switched off by its variable
# (e.g. SECURE_SSL_REDIRECT=0 when the proxy already redirects).
SECURE_HTTPS = envbool("SECURE_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", default=SECURE_HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
if envbool("SECURE_PROXY_SSL_HEADER", default=False):
    # Only behind a proxy that always sets (or strips) X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", default=SECURE_HTTPS)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", default=SECURE_HTTPS)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", default=SECURE_HTTPS)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): only our own scripts, styles, images
# and fonts; no inline script or style anywhere on the portal. The Django admin
# additionally allows inline styles (see herne_portal/csp.py, docs/security.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Language and time -------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

# --- Static and uploaded files ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT: Path | None = BASE_DIR / "var" / "static"  # None in the test settings
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded files and PDFs: on the local disk (outside the web root: never served
# by the proxy, only through permission-checking views), or on S3-compatible
# storage when MEDIA_S3_BUCKET is set (django-storages; private bucket, the
# views stream the files, so no public URLs are handed out). django-storages
# and boto3 come with the optional `s3` extra (requirements-s3.txt).
MEDIA_S3_BUCKET = envstr("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    if find_spec("storages") is None or find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "MEDIA_S3_BUCKET is set, but django-storages[s3] is not installed: "
            "pip install --require-hashes -r requirements-s3.txt"
        )
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": envstr("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": envstr("MEDIA_S3_REGION") or None,
            "access_key": envstr("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": envstr("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
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

# --- Email -------------------------------------------------------------------------------
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", default=False)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "ratsportal@localhost")
SERVER_EMAIL = envstr("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Background tasks (django-tasks, database backend) ------------------------------------
TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- The portal's own rules ------------------------------------------------------------------
# Name of the city and its administration, shown in the header and in letters.
PORTAL_CITY_NAME = envstr("PORTAL_CITY_NAME", "Stadt Herne")
PORTAL_COUNCIL_NAME = envstr("PORTAL_COUNCIL_NAME", "Rat der Stadt Herne")
# Default number of calendar days before a meeting by which inquiries must be
# submitted; a committee may set its own (Committee.submission_deadline_days).
INQUIRY_SUBMISSION_DEADLINE_DAYS = envint("INQUIRY_SUBMISSION_DEADLINE_DAYS", 7)
# Hour of the day (local time) at which the submission deadline ends.
INQUIRY_SUBMISSION_DEADLINE_HOUR = envint("INQUIRY_SUBMISSION_DEADLINE_HOUR", 12)
# Due date of a registered inquiry (issue 4, inquiries/deadlines.py): "meeting" = in time
# for the meeting (INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING working days before it), or
# "working_days" = INQUIRY_DUE_WORKING_DAYS working days after registration. Weekends and the
# public holidays of INQUIRY_HOLIDAY_SUBDIVISION (a German state, "NW") are skipped.
INQUIRY_DUE_DATE_RULE = envstr("INQUIRY_DUE_DATE_RULE", "meeting")
INQUIRY_DUE_WORKING_DAYS = envint("INQUIRY_DUE_WORKING_DAYS", 15)
INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING = envint("INQUIRY_DUE_WORKING_DAYS_BEFORE_MEETING", 2)
INQUIRY_HOLIDAY_SUBDIVISION = envstr("INQUIRY_HOLIDAY_SUBDIVISION", "NW")
# Reminders: questions due within this many days, and overdue ones, are reminded daily.
INQUIRY_REMINDER_DAYS_BEFORE = envint("INQUIRY_REMINDER_DAYS_BEFORE", 3)
# Largest attachment of an answer, in megabytes.
ANSWER_ATTACHMENT_MAX_MB = envint("ANSWER_ATTACHMENT_MAX_MB", 10)

# --- OParl API (/oparl/v1/, docs/oparl.md) ----------------------------------------------------
# Official municipality key (Amtlicher Gemeindeschlüssel) and website of the city.
PORTAL_CITY_AGS = envstr("PORTAL_CITY_AGS", "05916000")
PORTAL_CITY_WEBSITE = envstr("PORTAL_CITY_WEBSITE", "https://www.herne.de/")
# Licence of the published data and files (a URL); the city decides it.
OPARL_LICENSE = envstr("OPARL_LICENSE", "https://www.govdata.de/dl-de/by-2-0")
OPARL_CONTACT_EMAIL = envstr("OPARL_CONTACT_EMAIL", "")
OPARL_CONTACT_NAME = envstr("OPARL_CONTACT_NAME", "")
# Anyone may read the API from a browser on another site; nothing else is shared.
CORS_URLS_REGEX = r"^/oparl/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# --- Reply letter (PDF) ----------------------------------------------------------------------
# The letterhead of the formal reply (inquiries/reply/). Data, not code: an
# operator sets these per city. Address and contact lines are separated by "|".
REPLY_LETTERHEAD: dict[str, Any] = {  # texts, and lists of lines for address and contact
    "city": envstr("REPLY_LETTERHEAD_CITY", PORTAL_CITY_NAME),
    "office": envstr("REPLY_LETTERHEAD_OFFICE", "Der Oberbürgermeister"),
    "unit": envstr("REPLY_LETTERHEAD_UNIT", "Büro des Oberbürgermeisters und Rat"),
    "address": envstr(
        "REPLY_LETTERHEAD_ADDRESS", "Rathaus|Friedrich-Ebert-Platz 2|44623 Herne"
    ).split("|"),
    "contact": envstr(
        "REPLY_LETTERHEAD_CONTACT", "Telefon 02323 16-0|rat@herne.example|www.herne.example"
    ).split("|"),
    # An SVG or PNG file; empty for none. Relative paths start at the project folder.
    "logo": envstr("REPLY_LETTERHEAD_LOGO", "static/pdf/letterhead-logo.svg"),
    "signatory_name": envstr("REPLY_SIGNATORY_NAME", ""),
    "signatory_title": envstr("REPLY_SIGNATORY_TITLE", "Der Oberbürgermeister"),
}
# WeasyPrint's PDF variant of the reply letter (PDF/A-3 allows the embedded JSON).
REPLY_PDF_VARIANT = envstr("REPLY_PDF_VARIANT", "pdf/a-3u")

# Failed email jobs are re-enqueued EMAIL_RETRY_ATTEMPTS times, waiting
# EMAIL_RETRY_DELAY seconds, doubled each time up to EMAIL_RETRY_MAX_DELAY
# (defaults: 12 attempts over about two and a half hours).
EMAIL_RETRY_ATTEMPTS = envint("EMAIL_RETRY_ATTEMPTS", 12)
EMAIL_RETRY_DELAY = envint("EMAIL_RETRY_DELAY", 60)
EMAIL_RETRY_MAX_DELAY = envint("EMAIL_RETRY_MAX_DELAY", 15 * 60)
# A job still "running" this long after it started belongs to a worker that
# died; `manage.py recover_tasks` puts it back in the queue.
TASK_STALE_AFTER = envint("TASK_STALE_AFTER", 15 * 60)

# --- Logs --------------------------------------------------------------------------------------
# One JSON object per line on stderr (LOG_FORMAT=json, the default without
# DEBUG) for the log collector; plain text for development.
LOG_FORMAT = envstr("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every layout step at INFO; only its warnings matter.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# --- Public portal: absolute links in emails and feeds, subscription limits ------------------
# The public address of the portal, used in links sent by email.
PORTAL_BASE_URL = envstr("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Sign-ups per client address and hour (counted in the shared cache).
SUBSCRIPTION_SIGNUPS_PER_HOUR = envint("SUBSCRIPTION_SIGNUPS_PER_HOUR", 10)
