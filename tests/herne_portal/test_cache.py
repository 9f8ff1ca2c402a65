"""One cache shared by every process, configured from CACHE_URL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]


def _caches_for(cache_url: str | None) -> dict:
    """The CACHES and SESSION_ENGINE that the production settings derive from the environment."""
    env = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DJANGO_SETTINGS_MODULE="herne_portal.settings", SECRET_KEY="cache-test")
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.CACHES, settings.SESSION_ENGINE]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    caches, session_engine = json.loads(result.stdout)
    assert session_engine == "django.contrib.sessions.backends.cached_db"
    return caches["default"]


def test_default_is_the_database_cache_shared_by_every_process():
    default = _caches_for(None)
    assert default["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert default["LOCATION"] == "ratsportal_cache"
    assert default["KEY_PREFIX"] == "ratsportal"


def test_redis_url_selects_djangos_built_in_redis_cache():
    default = _caches_for("redis://127.0.0.1:6379/3")
    assert default["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert default["LOCATION"] == "redis://127.0.0.1:6379/3"


@pytest.mark.django_db
def test_configured_cache_stores_and_forgets():
    cache.set("probe", {"n": 1}, 30)
    assert cache.get("probe") == {"n": 1}
    cache.delete("probe")
    assert cache.get("probe") is None
