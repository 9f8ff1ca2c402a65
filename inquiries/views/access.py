"""What every staff page shares: fetching objects for a user (the object, or 404/403),
role checks, and running a workflow transition from a form. Rules live in ``permissions``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from inquiries.models import Inquiry, Question
from inquiries.workflow import TransitionError

# Decorators (after ``login_required``): a logged-in user without the role gets 403.
office_required = permission_required("inquiries.use_office_inbox", raise_exception=True)
department_required = permission_required("inquiries.use_department_inbox", raise_exception=True)


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


def get_question_for(user, pk: int, perm: str = "inquiries.view_question") -> Question:
    """The question ``pk`` if ``user`` may see it (404 otherwise) and do ``perm`` (403)."""
    question = get_object_or_404(Question.objects.select_related("inquiry"), pk=pk)
    if not user.has_perm("inquiries.view_question", question):
        raise Http404
    if perm != "inquiries.view_question" and not user.has_perm(perm, question):
        raise PermissionDenied
    return question


def transition_refused(request, error: TransitionError, back_url: str = ""):
    """The page shown when a workflow transition is refused: 403 or 409 with its message."""
    return render(
        request,
        "inquiries/transition_refused.html",
        {"message": error.message, "back_url": back_url},
        status=403 if error.forbidden else 409,
    )


def run_transition(request, call, *, success, back_url: str, form=None, page=None):
    """Validate ``form`` (if any), run the transition ``call(cleaned_data)``, go to ``back_url``.

    A form error re-renders the page with what was typed (``page(form)``, a 400);
    a refused transition gives the refusal page (403/409). ``success`` is the
    message, or a function of the transition's result that makes it.
    """
    if form is not None and not form.is_valid():
        return page(form)
    try:
        result = call(form.cleaned_data if form is not None else {})
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, success(result) if callable(success) else success)
    return redirect(back_url)
