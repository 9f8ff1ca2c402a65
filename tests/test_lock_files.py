"""The lock files fit pyproject.toml: whoever changes a dependency runs ``make lock``."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)")


def _pins(lock):
    """``{name: version}`` of a lock file, and the names pinned without a hash."""
    pins, unhashed = {}, []
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match[1])
            pins[name] = Version(match[2])
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if "--hash=sha256:" not in following:
                unhashed.append(name)
    return pins, unhashed


RUN = PROJECT["project"]["dependencies"] + PROJECT["dependency-groups"]["build"]
EXTRAS = PROJECT["project"]["optional-dependencies"]


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("requirements.txt", RUN),
        ("requirements-test.txt", RUN + EXTRAS["test"]),
        ("requirements-s3.txt", RUN + EXTRAS["s3"]),
    ],
)
def test_lock_pins_every_requirement_within_its_range_with_hashes(lock, requirements):
    pins, unhashed = _pins(lock)
    misfits = []
    for text in requirements:
        requirement = Requirement(text)
        version = pins.get(canonicalize_name(requirement.name))
        if version is None or version not in requirement.specifier:
            misfits.append(f"{text}: {version or 'missing'}")
    assert misfits == [], f"{lock} is out of date: run make lock"
    assert unhashed == []


@pytest.mark.parametrize("lock", ["requirements-test.txt", "requirements-s3.txt"])
def test_test_and_s3_locks_keep_the_run_locks_versions(lock):
    run, _ = _pins("requirements.txt")
    other, _ = _pins(lock)
    assert {name: other.get(name) for name in run} == run
