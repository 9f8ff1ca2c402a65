"""Master data in the Django admin.

Status fields are read-only here: states change only through
``inquiries.workflow``. Audit events can be read, never changed.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inquiries.deadlines import default_submission_deadline
from inquiries.forms.admin import QuestionInlineFormSet
from inquiries.models import (
    Answer,
    AnswerAttachment,
    AnswerCorrection,
    AuditEvent,
    Committee,
    Contribution,
    CoSignature,
    Councillor,
    Department,
    Faction,
    Inquiry,
    LegislativeTerm,
    Meeting,
    NumberSequence,
    Question,
    ReplyDocument,
    SentNotification,
    StaffMembership,
    Subscription,
    Topic,
)
from inquiries.permissions import visible_inquiries

# --- The same rules for staff who are not superusers (issue 4) ------------------------------


class ReadOnlyAdminMixin:
    """Rows the portal writes itself (audit, numbers, built files): shown, never edited here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RulesScopedAdminMixin:
    """Non-superusers see only the objects the portal's rules let them see, read-only.

    States and answers change only through the workflow (the portal's own pages), so
    the admin never offers a non-superuser a way around it.
    """

    inquiry_path = "inquiry"  # how to reach the inquiry from this model

    def _inquiry_of(self, obj):
        for part in self.inquiry_path.split("__"):
            obj = getattr(obj, part) if part else obj
        return obj

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        visible = visible_inquiries(request.user, Inquiry.objects.all()).values("pk")
        lookup = f"{self.inquiry_path}__in" if self.inquiry_path else "pk__in"
        return queryset.filter(**{lookup: visible})

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        return request.user.has_perm("inquiries.view_inquiry", self._inquiry_of(obj))

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "kind", "submission_deadline_days", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["committee", "starts_at", "location", "submission_deadline", "is_cancelled"]

    def clean(self):
        data = super().clean()
        committee, starts_at = data.get("committee"), data.get("starts_at")
        if not data.get("submission_deadline") and committee and starts_at:
            days = committee.submission_deadline_days
            data["submission_deadline"] = default_submission_deadline(starts_at, days)
        return data


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingForm
    list_display = ["__str__", "committee", "starts_at", "submission_deadline", "location"]
    list_filter = ["committee", "is_cancelled", ("starts_at", admin.DateFieldListFilter)]
    search_fields = ["committee__name", "committee__short_name", "location"]
    list_select_related = ["committee"]
    date_hierarchy = "starts_at"


@admin.register(Faction)
class FactionAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]


@admin.register(LegislativeTerm)
class LegislativeTermAdmin(admin.ModelAdmin):
    list_display = ["name", "start_date", "end_date"]
    search_fields = ["name"]


@admin.register(Councillor)
class CouncillorAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "title", "faction", "user", "is_active"]
    list_filter = ["faction", "is_active", "committees"]
    search_fields = ["first_name", "last_name", "email", "user__username"]
    list_select_related = ["faction", "user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["committees"]


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "parent", "is_active"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    inlines = [StaffMembershipInline]


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "department", "role"]
    list_filter = ["role", "department"]
    search_fields = ["user__username", "user__last_name", "department__code", "department__name"]
    list_select_related = ["user", "department"]
    autocomplete_fields = ["user", "department"]


class QuestionInline(admin.StackedInline):
    model = Question
    formset = QuestionInlineFormSet
    extra = 0
    fields = ["number", "text", "status", "lead_department", "contributing_departments", "answer"]
    readonly_fields = ["status"]
    autocomplete_fields = ["lead_department"]
    filter_horizontal = ["contributing_departments"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "answer":
            inquiry_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Answer.objects.filter(inquiry_id=inquiry_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CoSignatureInline(admin.TabularInline):
    model = CoSignature
    extra = 0
    autocomplete_fields = ["councillor"]


AUDIT_EVENT_FIELDS = (
    "created_at",
    "actor",
    "action",
    "question",
    "from_state",
    "to_state",
    "comment",
)


class AuditEventInline(admin.TabularInline):
    model = AuditEvent
    extra = 0
    can_delete = False
    fields = AUDIT_EVENT_FIELDS
    readonly_fields = AUDIT_EVENT_FIELDS

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    inquiry_path = ""
    list_display = ["subject", "number", "status", "author", "meeting", "submitted_at"]
    list_filter = [
        "status",
        "received_via",
        "meeting__committee",
        "author__faction",
        "number_year",
    ]
    search_fields = ["subject", "preamble", "questions__text", "author__last_name"]
    list_select_related = ["author", "meeting__committee"]
    autocomplete_fields = ["author", "meeting", "faction"]
    readonly_fields = [
        "status",
        "number_year",
        "number_sequence",
        "created_at",
        "updated_at",
        "submitted_at",
        "registered_at",
        "answered_at",
        "published_at",
    ]
    inlines = [QuestionInline, CoSignatureInline, AuditEventInline]

    @admin.display(description=_("number"), ordering="number_sequence")
    def number(self, obj):
        return obj.number


@admin.register(Question)
class QuestionAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "inquiry", "status", "lead_department"]
    list_filter = ["status", "lead_department"]
    search_fields = ["text", "inquiry__subject"]
    list_select_related = ["inquiry", "lead_department"]
    readonly_fields = ["status"]
    autocomplete_fields = ["inquiry", "lead_department", "answer"]


@admin.register(Answer)
class AnswerAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "inquiry", "department", "is_holding_answer", "approved_at"]
    list_filter = ["department", "is_holding_answer"]
    search_fields = ["text", "inquiry__subject"]
    list_select_related = ["inquiry", "department"]
    readonly_fields = ["version", "drafted_by", "approved_by", "approved_at"]
    autocomplete_fields = ["inquiry", "department"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, RulesScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "created_at",
        "inquiry",
        "question",
        "actor",
        "action",
        "from_state",
        "to_state",
    ]
    list_filter = ["action", "is_public", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["inquiry__subject", "comment", "actor__username"]
    list_select_related = ["inquiry", "question", "actor"]


@admin.register(Contribution)
class ContributionAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    inquiry_path = "question__inquiry"
    list_display = ["question", "department", "author", "created_at"]
    list_filter = ["department"]
    search_fields = ["text", "question__inquiry__subject"]
    list_select_related = ["question__inquiry", "department", "author"]
    autocomplete_fields = ["question", "department", "author"]


@admin.register(AnswerAttachment)
class AnswerAttachmentAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    inquiry_path = "answer__inquiry"
    list_display = ["__str__", "answer", "content_type", "size", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["original_name", "title", "answer__inquiry__subject"]
    list_select_related = ["answer__inquiry"]
    readonly_fields = ["size", "sha256", "content_type", "uploaded_by"]


@admin.register(AnswerCorrection)
class AnswerCorrectionAdmin(ReadOnlyAdminMixin, RulesScopedAdminMixin, admin.ModelAdmin):
    inquiry_path = "answer__inquiry"
    """Corrections are made through the workflow; the admin only shows them."""

    list_display = ["answer", "corrected_by", "created_at"]
    search_fields = ["reason", "previous_text", "answer__inquiry__subject"]
    list_filter = [("created_at", admin.DateFieldListFilter)]
    list_select_related = ["answer__inquiry", "corrected_by"]


@admin.register(ReplyDocument)
class ReplyDocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Reply PDFs are built by the portal; every released version is kept."""

    list_display = ["inquiry", "version", "released_at", "size", "created_at"]
    list_filter = [("created_at", admin.DateFieldListFilter)]
    search_fields = ["inquiry__subject", "sha256"]
    list_select_related = ["inquiry"]


@admin.register(CoSignature)
class CoSignatureAdmin(RulesScopedAdminMixin, admin.ModelAdmin):
    list_display = ["inquiry", "councillor", "confirmed_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["inquiry__subject", "councillor__last_name", "councillor__first_name"]
    list_select_related = ["inquiry", "councillor"]
    autocomplete_fields = ["inquiry", "councillor"]


@admin.register(NumberSequence)
class NumberSequenceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Numbers are drawn at registration only; the admin shows the counters."""

    list_display = ["year", "last"]
    search_fields = ["year"]
    list_filter = ["year"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "kind", "created_at", "confirmed_at", "notified_until"]
    list_filter = ["kind", "confirmed_at"]
    search_fields = ["email"]
    readonly_fields = ["token", "created_at", "confirmation_sent_at", "confirmed_at"]


@admin.register(SentNotification)
class SentNotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Which keyed emails went out; read-only (deleting one would allow a second send)."""

    list_display = ["sent_at", "key", "subject"]
    search_fields = ["key", "subject"]
    date_hierarchy = "sent_at"
