"""The administration side: departments and who works in them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", _("Directorate (Dezernat)")
        DEPARTMENT = "department", _("Department (Fachbereich)")
        STAFF_UNIT = "staff_unit", _("Staff unit (Stabsstelle)")

    code = models.CharField(
        _("code"), max_length=20, unique=True, help_text=_('For example "FB 11".')
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    email = models.EmailField(_("email for notifications"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class StaffMembership(models.Model):
    class Role(models.TextChoices):
        CLERK = "clerk", _("Clerk")
        HEAD = "head", _("Head of department")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_memberships",
        verbose_name=_("user"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("department"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.CLERK)

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        ordering = ["department__code", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "department"],
                name="staff_membership_unique",
                violation_error_message=_("This user is already a member of that department."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.department.code} ({self.get_role_display()})"
