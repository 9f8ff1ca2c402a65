"""Following by email: sign up, confirm, unsubscribe (one click, no account)."""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from herne_portal.client_address import client_address
from inquiries.following import subscriptions
from inquiries.forms.public import SubscriptionForm


def _choices_from_post(data) -> list[tuple[str, str]]:
    value = data.get("follow", "")
    return [(value, value)] if value else []


@require_POST
def subscribe(request):
    form = SubscriptionForm(request.POST, choices=_choices_from_post(request.POST))
    if not form.is_valid():
        return render(
            request, "inquiries/public/subscription_form.html", {"form": form}, status=400
        )
    outcome = subscriptions.request_subscription(form, client_address(request))
    return render(
        request,
        "inquiries/public/subscription_requested.html",
        {"accepted": outcome.accepted},
        status=200 if outcome.accepted else 429,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "GET":
        return render(request, "inquiries/public/subscription_confirm.html", {"token": token})
    subscription = subscriptions.confirm(token)
    return render(
        request,
        "inquiries/public/subscription_confirmed.html",
        {"subscription": subscription},
        status=200 if subscription else 404,
    )


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail clients POST without a form token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    everything = request.GET.get("alle") == "1" or request.POST.get("alle") == "1"
    if request.method == "GET":
        return render(
            request,
            "inquiries/public/subscription_unsubscribe.html",
            {"token": token, "everything": everything},
        )
    subscriptions.unsubscribe(token, everything=everything)
    # The same answer whether or not the token was known.
    return render(request, "inquiries/public/subscription_unsubscribed.html")
