"""Settings come from the environment, with clear errors for bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from herne_portal.env import envbool, envint, envlist, envstr, required_secret


def test_secret_is_read_from_file(tmp_path, monkeypatch):
    secret = tmp_path / "key"
    secret.write_text("s3cr3t\n")
    monkeypatch.delenv("PORTAL_TEST_SECRET", raising=False)
    monkeypatch.setenv("PORTAL_TEST_SECRET_FILE", str(secret))
    assert envstr("PORTAL_TEST_SECRET") == "s3cr3t"


def test_missing_secret_names_the_variable(monkeypatch):
    monkeypatch.delenv("PORTAL_TEST_SECRET", raising=False)
    monkeypatch.delenv("PORTAL_TEST_SECRET_FILE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_SECRET is not set"):
        required_secret("PORTAL_TEST_SECRET")


def test_typed_readers(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_BOOL", "yes")
    monkeypatch.setenv("PORTAL_TEST_INT", "12")
    monkeypatch.setenv("PORTAL_TEST_LIST", "a.example, b.example,")
    assert envbool("PORTAL_TEST_BOOL") is True
    assert envint("PORTAL_TEST_INT", 3) == 12
    assert envlist("PORTAL_TEST_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("PORTAL_TEST_BOOL", "vielleicht")
    with pytest.raises(ImproperlyConfigured):
        envbool("PORTAL_TEST_BOOL")


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "de"
    assert [code for code, _ in settings.LANGUAGES] == ["de", "en"]
    assert settings.TIME_ZONE == "Europe/Berlin"
