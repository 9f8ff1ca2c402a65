"""The production settings: ``check --deploy`` clean, HTTPS, HSTS, CSP and friends."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "herne_portal.settings",
    "DEBUG": "0",
    "SECRET_KEY": "k9#Vd2!qZ7m@Lr4$Tw8^Hx1&Pb6*Ns3(Jc5)Gf0_Ye-Ua+Oi=El;Rn",
    "ALLOWED_HOSTS": "ratsportal.herne.example",
    "CSRF_TRUSTED_ORIGINS": "https://ratsportal.herne.example",
    # As in docs/deployment.md, behind nginx:
    "SECURE_PROXY_SSL_HEADER": "1",
    "TRUSTED_PROXY_COUNT": "1",
}


def _manage(*args, env=None, tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("SECURE_", "SESSION_", "CSRF_", "DJANGO_", "DEBUG", "SECRET_KEY", "AXES_", "TRUSTED_")
        )
    }
    environment.update(DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(
        "check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_start_up_fails_clearly_without_secret_key(tmp_path):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = _manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.skipif(
    importlib.util.find_spec("storages") is not None, reason="the s3 extra is installed"
)
def test_s3_media_without_the_s3_extra_fails_clearly(tmp_path):
    env = {**PRODUCTION_ENV, "MEDIA_S3_BUCKET": "ratsportal-media"}
    result = _manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "requirements-s3.txt" in result.stderr


def test_production_settings_switch_on_https_protections(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_REFERRER_POLICY, s.X_FRAME_OPTIONS, s.LOG_FORMAT)"
    )
    result = _manage("shell", "-c", code, env=PRODUCTION_ENV, tmp_path=tmp_path)
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "True",
        "True",
        "True",
        "True",
        "same-origin",
        "DENY",
        "json",
    ], result.stderr


@pytest.mark.django_db
def test_pages_carry_strict_content_security_policy(client):
    response = client.get(reverse("inquiries:list"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_admin_may_use_inline_styles_but_never_inline_scripts(admin_client):
    policy = admin_client.get(reverse("admin:index"))["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self'" in policy
    assert "script-src 'self' 'unsafe-inline'" not in policy


@pytest.mark.django_db
def test_portal_templates_have_no_inline_scripts_or_styles():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for marker in ("<script>", "<style", ' style="', " onclick=", " onload=", "javascript:"):
            if marker in text:
                offenders.append(f"{template.relative_to(ROOT)}: {marker}")
    assert offenders == []
