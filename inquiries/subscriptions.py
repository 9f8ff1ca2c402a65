"""Following inquiries by email: double opt-in, one-click unsubscribe, daily digests.

Nobody needs an account. A sign-up always gets the same answer, so nobody can
find out whether an address is subscribed; repeated sign-ups are limited per
client address (cache) and per email address (database). The digest job runs
once a day (``manage.py send_digests`` from cron enqueues it) and is safe to
run twice: each subscription remembers up to when it was notified.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from inquiries import search
from inquiries.accessible_forms import DescribedErrorsMixin
from inquiries.filters.public import PublicInquiryFilter
from inquiries.models import (
    AnswerCorrection,
    AuditEvent,
    CoSignature,
    Councillor,
    Department,
    Inquiry,
    Question,
    Subscription,
    Topic,
)
from inquiries.notifications import absolute
from inquiries.tasks import enqueue_on_commit, send_email

RESEND_AFTER = datetime.timedelta(minutes=15)
MAX_PENDING_PER_ADDRESS_AND_DAY = 5
SEARCH_MAX_LENGTH = 500

TARGETS = {
    Subscription.Kind.INQUIRY: ("inquiry", lambda: Inquiry.objects.published()),
    Subscription.Kind.TOPIC: ("topic", lambda: Topic.objects.all()),
    Subscription.Kind.DEPARTMENT: ("department", lambda: Department.objects.all()),
    Subscription.Kind.COUNCILLOR: ("councillor", lambda: Councillor.objects.all()),
}


class SubscriptionForm(DescribedErrorsMixin, forms.Form):
    """What to follow is ``follow`` = "kind:id" (or "search"); the view offers the choices."""

    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": gettext_lazy("Please enter your email address."),
            "invalid": gettext_lazy(
                "Please enter a valid email address, such as name@example.org."
            ),
        },
    )
    follow = forms.CharField(label=gettext_lazy("What do you want to follow?"), widget=forms.Select)
    search = forms.CharField(required=False, max_length=SEARCH_MAX_LENGTH, widget=forms.HiddenInput)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["follow"].widget.choices = list(choices)

    def clean_follow(self):
        value = self.cleaned_data["follow"]
        kind, _sep, ident = value.partition(":")
        if value == Subscription.Kind.SEARCH:
            self.target = None
            self.kind = kind
            return value
        if kind not in TARGETS or not ident.isdigit():
            raise forms.ValidationError(_("Please choose what you want to follow."))
        self.kind = kind
        self.target = TARGETS[kind][1]().filter(pk=int(ident)).first()
        if self.target is None:
            raise forms.ValidationError(_("This can no longer be followed."))
        return value

    def clean_search(self):
        # Only the list's own parameters are kept, and never the page number.
        params = QueryDict(self.cleaned_data.get("search") or "", mutable=True)
        params.pop("seite", None)
        return params.urlencode()[:SEARCH_MAX_LENGTH]


def choices_for_inquiry(inquiry: Inquiry) -> list[tuple[str, str]]:
    choices = [(f"inquiry:{inquiry.pk}", _("This inquiry (new answers and corrections)"))]
    choices += [(f"topic:{t.pk}", _("Topic: %(name)s") % {"name": t}) for t in inquiry.topics.all()]
    departments = {q.lead_department for q in inquiry.questions.all() if q.lead_department}
    choices += [
        (f"department:{d.pk}", _("Department: %(name)s") % {"name": d})
        for d in sorted(departments, key=lambda d: d.code)
    ]
    choices.append(
        (
            f"councillor:{inquiry.author_id}",
            _("Councillor: %(name)s") % {"name": inquiry.author.full_name},
        )
    )
    return choices


def choices_for_list(filterset) -> list[tuple[str, str]]:
    choices = [("search", _("New inquiries matching this search and these filters"))]
    data = filterset.form.cleaned_data if filterset.form.is_valid() else {}
    if data.get("thema"):
        choices.append(
            (f"topic:{data['thema'].pk}", _("Topic: %(name)s") % {"name": data["thema"]})
        )
    if data.get("fachbereich"):
        department = data["fachbereich"]
        choices.append(
            (f"department:{department.pk}", _("Department: %(name)s") % {"name": department})
        )
    if data.get("ratsmitglied"):
        person = data["ratsmitglied"]
        choices.append((f"councillor:{person.pk}", _("Councillor: %(name)s") % {"name": person}))
    return choices


def _client_allowed(client_key: str) -> bool:
    key = f"subscribe:{client_key}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= settings.SUBSCRIPTION_SIGNUPS_PER_HOUR


@dataclass(frozen=True)
class SignUp:
    accepted: bool  # False only when rate-limited; the page then says "try later"


def request_subscription(form: SubscriptionForm, client_key: str, now=None) -> SignUp:
    """Record the wish and send the confirmation link; the same outcome whether new or not."""
    if not _client_allowed(client_key):
        return SignUp(accepted=False)
    now = now or timezone.now()
    email = form.cleaned_data["email"].strip().lower()
    lookup = {"email": email, "kind": form.kind}
    if form.target is not None:
        lookup[TARGETS[form.kind][0]] = form.target
    else:
        lookup["search"] = form.cleaned_data["search"]
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(**lookup).first()
        if subscription is None:
            pending_today = Subscription.objects.filter(
                email=email,
                confirmed_at__isnull=True,
                created_at__gte=now - datetime.timedelta(days=1),
            ).count()
            if pending_today >= MAX_PENDING_PER_ADDRESS_AND_DAY:
                return SignUp(accepted=True)  # silently: do not reveal anything
            subscription = Subscription.objects.create(**lookup)
        if subscription.confirmed_at is not None:
            return SignUp(accepted=True)
        sent = subscription.confirmation_sent_at
        if sent is not None and now - sent < RESEND_AFTER:
            return SignUp(accepted=True)
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["confirmation_sent_at"])
        body = render_to_string(
            "inquiries/public/email/confirm_subscription.txt",
            {
                "subscription": subscription,
                "confirm_url": absolute(
                    reverse("inquiries:subscription_confirm", args=[subscription.token])
                ),
                "unsubscribe_url": absolute(
                    reverse("inquiries:subscription_unsubscribe", args=[subscription.token])
                ),
            },
        )
        enqueue_on_commit(
            send_email, _("Please confirm your subscription"), body, [subscription.email]
        )
    return SignUp(accepted=True)


def confirm(token: str, now=None) -> Subscription | None:
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(token=token).first()
        if subscription is not None and subscription.confirmed_at is None:
            subscription.confirmed_at = subscription.notified_until = now or timezone.now()
            subscription.save(update_fields=["confirmed_at", "notified_until"])
    return subscription


def unsubscribe(token: str, everything: bool = False) -> int:
    """Delete the subscription (or all of its address); the number removed."""
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return 0
    if everything:
        return Subscription.objects.filter(email=subscription.email).delete()[0]
    return Subscription.objects.filter(pk=subscription.pk).delete()[0]


# --- the daily digest -----------------------------------------------------------------------


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
        text = search.clean(params.get("q"))
        if text and not search.only_stop_words(text.text):
            published = search.search(published, text.text)
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
