"""Fetching objects for a user: the object, or 404/403. Rules live in ``permissions``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from inquiries.models import Inquiry
from inquiries.workflow import TransitionError


def get_inquiry_for(user, pk: int, perm: str = "inquiries.view_inquiry", queryset=None):
    """The inquiry ``pk`` if ``user`` has ``perm`` on it.

    Someone who may not even see the inquiry gets 404 (its existence is not
    revealed); someone who may see it but not do ``perm`` gets 403.
    """
    inquiry = get_object_or_404(queryset if queryset is not None else Inquiry.objects.all(), pk=pk)
    if not user.has_perm("inquiries.view_inquiry", inquiry):
        raise Http404
    if perm != "inquiries.view_inquiry" and not user.has_perm(perm, inquiry):
        raise PermissionDenied
    return inquiry


def transition_refused(request, error: TransitionError, back_url: str = ""):
    """The page shown when a workflow transition is refused: 403 or 409 with its message."""
    return render(
        request,
        "inquiries/transition_refused.html",
        {"message": error.message, "back_url": back_url},
        status=403 if error.forbidden else 409,
    )
