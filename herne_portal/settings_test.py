"""Test settings: the real settings with fast hashing and tasks run inline."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
# CI runs the suite against Redis (CACHE_URL=redis://...); without it the
# tests use local memory, emptied before each test (tests/conftest.py).
# Tests that start other processes pass them a shared cache themselves.
os.environ.setdefault("CACHE_URL", "locmem://")

from herne_portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # tests serve static files through the finders
# Tests talk plain HTTP to the test client and to the live server.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
