"""Admin for the index data, with the CSV upload on the ranking entries' list."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from rankings.forms import ImportForm
from rankings.importing.files import ImportRefused, read_limited
from rankings.importing.writing import import_rankings
from rankings.models import (
    Area,
    AreaLabel,
    City,
    Edition,
    ImportRun,
    InquiryContext,
    RankingEntry,
)


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "federal_state", "ags", "population"]
    list_filter = ["federal_state"]
    search_fields = ["name", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["peers"]


class AreaLabelInline(admin.TabularInline):
    model = AreaLabel
    extra = 0


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position", "is_overall"]
    list_filter = ["is_overall"]
    search_fields = ["name", "code", "labels__label"]
    inlines = [AreaLabelInline]


@admin.register(AreaLabel)
class AreaLabelAdmin(admin.ModelAdmin):
    list_display = ["label", "area", "edition"]
    list_filter = ["edition", "area"]
    search_fields = ["label", "area__name"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "publisher", "published_on", "cities_ranked", "indicators"]
    list_filter = ["publisher"]
    search_fields = ["year", "note", "source"]


@admin.register(RankingEntry)
class RankingEntryAdmin(admin.ModelAdmin):
    list_display = ["edition", "area", "rank", "city", "score", "provenance"]
    list_filter = ["edition", "area", "provenance", "city__federal_state"]
    search_fields = ["city__name", "note", "sources"]
    list_select_related = ["edition", "area", "city"]
    autocomplete_fields = ["city"]
    change_list_template = "admin/rankings/rankingentry/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="rankings_rankingentry_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            rankings_file = form.cleaned_data["rankings_file"]
            editions_file = form.cleaned_data["editions_file"]
            try:
                report = import_rankings(
                    read_limited(rankings_file),
                    read_limited(editions_file) if editions_file else None,
                    filename=rankings_file.name,
                    editions_filename=editions_file.name if editions_file else "",
                    user=request.user,
                )
            except ImportRefused as refused:
                errors = refused.shown_errors
                form.add_error(
                    "rankings_file",
                    _("The file was refused; nothing was imported. Correct these rows:"),
                )
            else:
                self.message_user(request, report.summary(), messages.SUCCESS)
                for change in report.changes[:20]:
                    self.message_user(request, change, messages.INFO)
                for warning in report.warnings[:20]:
                    self.message_user(request, str(warning), messages.WARNING)
                return redirect(reverse("admin:rankings_rankingentry_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import Smart City Index results"),
            "form": form,
            "errors": errors,
            "total_errors": errors and len(errors),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/rankings/import.html", context)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["created_at", "filename", "user", "rows", "added", "changed", "unchanged"]
    list_filter = ["created_at"]
    search_fields = ["filename", "sha256", "user__username"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(InquiryContext)
class InquiryContextAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "edition"]
    list_filter = ["edition", "areas"]
    search_fields = ["inquiry__subject", "cities__name"]
    autocomplete_fields = ["inquiry", "cities"]
    filter_horizontal = ["areas"]
    list_select_related = ["inquiry", "edition"]
