"""The daily digest: one email per address with everything new for its subscriptions.

The job runs once a day (``manage.py send_digests`` from cron enqueues it) and
is safe to run twice: each subscription remembers up to when it was notified.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from inquiries.filters.public import PublicInquiryFilter
from inquiries.models import (
    AnswerCorrection,
    AuditEvent,
    CoSignature,
    Inquiry,
    Question,
    Subscription,
)
from inquiries.notifications import absolute
from inquiries.search import fulltext


def matching_news(subscription: Subscription, since, until) -> list[Inquiry]:
    """Published inquiries that are news for this subscription between ``since`` and ``until``."""
    published = Inquiry.objects.published().select_related("meeting__committee")
    window = Q(published_at__gt=since, published_at__lte=until)
    kind = subscription.kind
    if kind == Subscription.Kind.INQUIRY:
        assert subscription.inquiry_id is not None  # each kind has its object (constraint)
        changed = Exists(
            AuditEvent.objects.public().filter(
                inquiry=OuterRef("pk"), created_at__gt=since, created_at__lte=until
            )
        ) | Exists(
            AnswerCorrection.objects.filter(
                answer__inquiry=OuterRef("pk"), created_at__gt=since, created_at__lte=until
            )
        )
        return list(published.filter(pk=subscription.inquiry_id).filter(changed))
    if kind == Subscription.Kind.TOPIC:
        published = published.filter(topics=subscription.topic_id)
    elif kind == Subscription.Kind.DEPARTMENT:
        published = published.filter(
            Exists(
                Question.objects.filter(
                    inquiry=OuterRef("pk"), lead_department_id=subscription.department_id
                )
            )
        )
    elif kind == Subscription.Kind.COUNCILLOR:
        assert subscription.councillor_id is not None
        published = published.filter(
            Q(author_id=subscription.councillor_id)
            | Exists(
                CoSignature.objects.filter(
                    inquiry=OuterRef("pk"), councillor_id=subscription.councillor_id
                )
            )
        )
    else:
        params = QueryDict(subscription.search)
        published = PublicInquiryFilter(params or None, queryset=published).qs
        published = fulltext.search_for(published, params.get("q"))
    return list(published.filter(window).order_by("published_at", "pk")[:50])


@task()
def send_digests(now_iso: str | None = None) -> int:
    """One email per address with everything new since its last digest; the number sent."""
    until = datetime.datetime.fromisoformat(now_iso) if now_iso else timezone.now()
    subscriptions = (
        Subscription.objects.confirmed()
        .select_related("inquiry", "topic", "department", "councillor")
        .order_by("email", "pk")
    )
    by_address: dict[str, list[tuple[Subscription, list[Inquiry]]]] = {}
    for subscription in subscriptions:
        since = subscription.notified_until or subscription.confirmed_at
        news = matching_news(subscription, since, until)
        if news:
            by_address.setdefault(subscription.email, []).append((subscription, news))
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for address, items in by_address.items():
            first = items[0][0]
            unsubscribe_all = absolute(
                reverse("inquiries:subscription_unsubscribe", args=[first.token]) + "?alle=1"
            )
            body = render_to_string(
                "inquiries/public/email/digest.txt",
                {
                    "items": [
                        {
                            "subscription": subscription,
                            "inquiries": [
                                (inquiry, absolute(inquiry.get_absolute_url())) for inquiry in news
                            ],
                            "unsubscribe_url": absolute(
                                reverse(
                                    "inquiries:subscription_unsubscribe",
                                    args=[subscription.token],
                                )
                            ),
                        }
                        for subscription, news in items
                    ],
                    "unsubscribe_all_url": unsubscribe_all,
                },
            )
            message = EmailMessage(
                _("New in the council portal"),
                body,
                to=[address],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_all}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            message.send()
            sent += 1
            Subscription.objects.filter(pk__in=[s.pk for s, _news in items]).update(
                notified_until=until
            )
    # Subscriptions without news move on as well, so that nothing is reported twice.
    subscriptions.filter(Q(notified_until__lt=until) | Q(notified_until__isnull=True)).update(
        notified_until=until
    )
    return sent
