"""The production settings plus one URL: a minimal view, the ceiling of the stack."""

from herne_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
