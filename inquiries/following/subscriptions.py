"""Signing up to follow something by email: double opt-in, one-click unsubscribe.

Nobody needs an account. A sign-up always gets the same answer, so nobody can
find out whether an address is subscribed; repeated sign-ups are limited per
client address (cache) and per email address (database).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from herne_portal.mail import send_email
from herne_portal.tasks import enqueue_on_commit
from inquiries.models import (
    Councillor,
    Department,
    Inquiry,
    Subscription,
    Topic,
)
from inquiries.notifications import absolute

RESEND_AFTER = datetime.timedelta(minutes=15)
MAX_PENDING_PER_ADDRESS_AND_DAY = 5
SEARCH_MAX_LENGTH = 500

TARGETS = {
    Subscription.Kind.INQUIRY: ("inquiry", lambda: Inquiry.objects.published()),
    Subscription.Kind.TOPIC: ("topic", lambda: Topic.objects.all()),
    Subscription.Kind.DEPARTMENT: ("department", lambda: Department.objects.all()),
    Subscription.Kind.COUNCILLOR: ("councillor", lambda: Councillor.objects.all()),
}


def _client_allowed(client_key: str | None) -> bool:
    key = f"subscribe:{client_key or 'unknown'}"
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


def request_subscription(form, client_key: str | None, now=None) -> SignUp:
    """Record the wish and send the confirmation link; the same outcome whether new or not.

    ``form`` is a valid ``inquiries.forms.public.SubscriptionForm``.
    """
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
