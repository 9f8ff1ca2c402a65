"""Role personas (as healthchecks' alice/bob/charlie) and shared fixtures."""

import os
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from inquiries.models import Councillor, Department, StaffMembership
from inquiries.permissions import OFFICE_GROUP
from tests.factories import (
    CouncillorFactory,
    DepartmentFactory,
    StaffMembershipFactory,
    UserFactory,
)

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# that tests make beside it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (Redis in CI: its database is flushed)."""
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored files (reply PDFs, attachments) of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@dataclass
class Personas:
    councillor: User
    cosigner: User
    other_councillor: User
    office: User
    clerk_a: User
    head_a: User
    clerk_b: User
    admin: User
    department_a: Department
    department_b: Department

    @property
    def councillor_profile(self) -> Councillor:
        return self.councillor.councillor


def _councillor_login(username: str) -> User:
    user = CouncillorFactory.create(user__username=username).user
    assert user is not None
    return user


@pytest.fixture
def personas(db) -> Personas:
    department_a = DepartmentFactory.create(code="FB 12", name="Digitalisierung")
    department_b = DepartmentFactory.create(code="FB 33", name="Bürgerdienste")
    office = UserFactory.create(username="office")
    office.groups.add(Group.objects.get_or_create(name=OFFICE_GROUP)[0])
    admin = UserFactory.create(username="admin", is_staff=True, is_superuser=True)
    return Personas(
        councillor=_councillor_login("councillor"),
        cosigner=_councillor_login("cosigner"),
        other_councillor=_councillor_login("other"),
        office=office,
        clerk_a=StaffMembershipFactory.create(
            user__username="clerk_a", department=department_a
        ).user,
        head_a=StaffMembershipFactory.create(
            user__username="head_a", department=department_a, role=StaffMembership.Role.HEAD
        ).user,
        clerk_b=StaffMembershipFactory.create(
            user__username="clerk_b", department=department_b
        ).user,
        admin=admin,
        department_a=department_a,
        department_b=department_b,
    )
