"""Atom feeds of published inquiries, an iCal feed of meetings, and the sitemap."""

import datetime

import icalendar
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries import selectors
from inquiries.filters.public import PublicInquiryFilter
from inquiries.models import CoSignature, Councillor, Department, Inquiry, Meeting, Question, Topic
from inquiries.search import fulltext, query

FEED_SIZE = 30


class PublishedInquiriesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Published inquiries")
    subtitle = gettext_lazy("New answers of the administration to inquiries of councillors.")

    def link(self, obj=None):
        return reverse("inquiries:list")

    def narrow(self, queryset, obj):
        return queryset

    def items(self, obj=None):
        return self.narrow(selectors.published_inquiries(), obj)[:FEED_SIZE]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return item.preamble

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author.full_name

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class TopicFeed(PublishedInquiriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return _("Inquiries on the topic %(name)s") % {"name": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def narrow(self, queryset, obj):
        return queryset.filter(topics=obj)


class DepartmentFeed(PublishedInquiriesFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Department, pk=pk)

    def title(self, obj):
        return _("Inquiries answered by %(name)s") % {"name": obj}

    def link(self, obj):
        return f"{reverse('inquiries:list')}?fachbereich={obj.pk}"

    def narrow(self, queryset, obj):
        lead = Question.objects.filter(inquiry=OuterRef("pk"), lead_department=obj)
        return queryset.filter(Exists(lead))


class CouncillorFeed(PublishedInquiriesFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Councillor, pk=pk)

    def title(self, obj):
        return _("Inquiries of %(name)s") % {"name": obj.full_name}

    def link(self, obj):
        return f"{reverse('inquiries:list')}?ratsmitglied={obj.pk}"

    def narrow(self, queryset, obj):
        cosigned = CoSignature.objects.filter(inquiry=OuterRef("pk"), councillor=obj)
        return queryset.filter(Q(author=obj) | Exists(cosigned))


class SearchFeed(PublishedInquiriesFeed):
    """The public list's filters and search as a feed: ``/feeds/suche.atom?q=…&thema=…``."""

    def get_object(self, request):
        return request.GET

    def title(self, obj):
        text = query.clean(obj.get("q")).text
        if text:
            return _("Inquiries matching “%(text)s”") % {"text": text}
        return _("Published inquiries (filtered)")

    def link(self, obj):
        return f"{reverse('inquiries:list')}?{obj.urlencode()}"

    def narrow(self, queryset, obj):
        queryset = PublicInquiryFilter(obj or None, queryset=queryset).qs
        return fulltext.search_for(queryset, obj.get("q"))


class InquiryEventsFeed(Feed):
    """What happened to one published inquiry: its public timeline."""

    feed_type = Atom1Feed

    def get_object(self, request, pk):
        return get_object_or_404(Inquiry.objects.published(), pk=pk)

    def title(self, obj):
        return obj.subject

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return list(obj.events.public().order_by("-created_at", "-pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.to_state_label

    def item_description(self, item):
        return ""

    def item_link(self, item):
        return f"{item.inquiry.get_absolute_url()}#verlauf-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at


def meetings_ical(request):
    """Meetings of the last year and ahead, each with its deadline for inquiries."""
    since = timezone.now() - datetime.timedelta(days=365)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Ratsportal//Sitzungen//DE")
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname",
        _("Meetings of the council portal %(city)s") % {"city": settings.PORTAL_CITY_NAME},
    )
    host = request.get_host().split(":")[0]
    meetings = Meeting.objects.filter(starts_at__gte=since).select_related("committee")
    for meeting in meetings.order_by("starts_at"):
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.starts_at)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + datetime.timedelta(hours=3))
        summary = meeting.committee.name
        if meeting.is_cancelled:
            summary = _("Cancelled: %(name)s") % {"name": summary}
            event.add("status", "CANCELLED")
        event.add("summary", summary)
        if meeting.location:
            event.add("location", meeting.location)
        deadline = timezone.localtime(meeting.submission_deadline)
        event.add(
            "description",
            _("Deadline for inquiries: %(deadline)s")
            % {"deadline": deadline.strftime("%d.%m.%Y %H:%M")},
        )
        calendar.add_component(event)
        if not meeting.is_cancelled:
            due = icalendar.Event()
            due.add("uid", f"meeting-{meeting.pk}-deadline@{host}")
            due.add("dtstamp", meeting.submission_deadline)
            due.add("dtstart", meeting.submission_deadline)
            due.add("dtend", meeting.submission_deadline)
            due.add(
                "summary",
                _("Deadline for inquiries: %(name)s") % {"name": meeting.committee.name},
            )
            calendar.add_component(due)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sitzungen.ics"'
    return response


class InquirySitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Inquiry.objects.published().only("pk", "published_at").order_by("pk")

    def lastmod(self, item):
        return item.published_at


class PagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["inquiries:start", "inquiries:list", "inquiries:statistics"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"anfragen": InquirySitemap, "seiten": PagesSitemap}
