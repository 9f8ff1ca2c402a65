from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from inquiries.views import public, public_feeds, public_follow, public_statistics

urlpatterns = [
    path("", public.start, name="start"),
    path("anfragen/", public.inquiry_list, name="list"),
    path("anfragen/<int:pk>/", public.inquiry_detail, name="detail"),
    path("anfragen/<int:pk>/antwort.pdf", public.reply_pdf, name="reply_pdf"),
    path(
        "anfragen/<int:pk>/antwort-v<int:version>.pdf",
        public.reply_pdf,
        name="reply_pdf_version",
    ),
    path(
        "anfragen/<int:pk>/anlagen/<int:attachment_pk>/",
        public.answer_attachment,
        name="attachment",
    ),
    # Feeds
    path("feeds/anfragen.atom", public_feeds.PublishedInquiriesFeed(), name="feed"),
    path("feeds/suche.atom", public_feeds.SearchFeed(), name="feed_search"),
    path("feeds/thema/<slug:slug>.atom", public_feeds.TopicFeed(), name="feed_topic"),
    path("feeds/fachbereich/<int:pk>.atom", public_feeds.DepartmentFeed(), name="feed_department"),
    path(
        "feeds/ratsmitglied/<int:pk>.atom",
        public_feeds.CouncillorFeed(),
        name="feed_councillor",
    ),
    path("feeds/anfragen/<int:pk>.atom", public_feeds.InquiryEventsFeed(), name="feed_inquiry"),
    path("sitzungen.ics", public_feeds.meetings_ical, name="meetings_ical"),
    # Statistics
    path("statistik/", public_statistics.statistics, name="statistics"),
    path("statistik/jahre.svg", public_statistics.chart_by_year, name="chart_by_year"),
    path(
        "statistik/fachbereiche.svg",
        public_statistics.chart_by_department,
        name="chart_by_department",
    ),
    # Following by email
    path("abo/", public_follow.subscribe, name="subscribe"),
    path("abo/bestaetigen/<str:token>/", public_follow.confirm, name="subscription_confirm"),
    path(
        "abo/abmelden/<str:token>/",
        public_follow.unsubscribe,
        name="subscription_unsubscribe",
    ),
    # For search engines
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": public_feeds.SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", public.robots_txt, name="robots_txt"),
]
