"""Pages for councillors: their inquiries, writing, co-signing, submitting, withdrawing.

Writing works without JavaScript: the question formset has submit buttons to
add, remove and move questions, which re-render the form with everything
typed and save nothing. ``static/js/question-formset.js`` does the same in
the browser without a round trip.
"""

import re
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inquiries import drafting, selectors, workflow
from inquiries.forms.councillor import (
    MAX_QUESTIONS,
    InquiryDraftForm,
    QuestionTextFormSet,
    WithdrawForm,
)
from inquiries.models import AuditEvent, Inquiry
from inquiries.permissions import is_councillor
from inquiries.search.similarity import similar_inquiries
from inquiries.views.access import get_inquiry_for, transition_refused
from inquiries.workflow import TransitionError

QUESTIONS_PREFIX = "questions"
# Events a councillor sees on their own inquiry beside the public timeline.
COUNCILLOR_EVENT_ACTIONS = {AuditEvent.Action.CREATE, AuditEvent.Action.COSIGN}
STRUCTURAL_ACTION = re.compile(r"^(add|remove|up|down)(?:-(\d+))?$")
SIMILAR_LIMIT = 5


def councillor_required(view):
    """Logged in as a councillor; anyone else logged in (superusers too) gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_councillor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def _detail_url(inquiry) -> str:
    return reverse("inquiries:councillor_detail", args=[inquiry.pk])


# --- Lists and reading ------------------------------------------------------------------


@councillor_required
@require_GET
def my_inquiries(request):
    councillor = request.user.councillor
    return render(
        request,
        "inquiries/councillor/inquiry_list.html",
        {
            "inquiries": selectors.councillor_inquiries(councillor),
            "cosigned": selectors.cosigned_inquiries(councillor),
        },
    )


def _load(request, pk: int, perm: str = "inquiries.follow_inquiry") -> Inquiry:
    get_inquiry_for(request.user, pk, perm)
    return selectors.inquiry_for_councillor(Inquiry.objects.all(), pk)


@councillor_required
@require_GET
def inquiry_detail(request, pk: int):
    inquiry = _load(request, pk)
    councillor = request.user.councillor
    own_signature = next(
        (s for s in inquiry.cosignatures.all() if s.councillor_id == councillor.pk), None
    )
    actions = workflow.allowed_actions(request.user, inquiry)
    all_events = inquiry.all_events  # type: ignore[attr-defined]  # prefetched (to_attr)
    events = [e for e in all_events if e.is_public or e.action in COUNCILLOR_EVENT_ACTIONS]
    similar = []
    if "edit" in actions:
        similar = _similar_for(inquiry.subject, [q.text for q in inquiry.questions.all()], inquiry)
    return render(
        request,
        "inquiries/councillor/inquiry_detail.html",
        {
            "inquiry": inquiry,
            "actions": actions,
            "own_signature": own_signature,
            "events": events,
            "similar": similar,
            "pending_cosigners": [s for s in inquiry.cosignatures.all() if not s.confirmed_at],
        },
    )


@councillor_required
@require_GET
def inquiry_preview(request, pk: int):
    inquiry = _load(request, pk)
    return render(
        request,
        "inquiries/councillor/inquiry_preview.html",
        {"inquiry": inquiry, "actions": workflow.allowed_actions(request.user, inquiry)},
    )


def _similar_for(subject, question_texts, inquiry=None):
    return similar_inquiries(
        subject,
        question_texts,
        exclude_pk=inquiry.pk if inquiry else None,
        limit=SIMILAR_LIMIT,
        published_only=True,
    )


@councillor_required
@require_GET
def similar_hints(request):
    """The hint box of similar published inquiries, as an HTML fragment for the script."""
    subject = request.GET.get("subject", "")[:300]
    questions = [text[:5000] for text in request.GET.getlist("q")[:MAX_QUESTIONS]]
    return render(
        request,
        "inquiries/councillor/_similar.html",
        {"similar": _similar_for(subject, questions)},
    )


# --- Writing ----------------------------------------------------------------------------


@councillor_required
@require_http_methods(["GET", "POST"])
def inquiry_new(request):
    return _edit(request, None)


@councillor_required
@require_http_methods(["GET", "POST"])
def inquiry_edit(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.edit_inquiry")
    if not inquiry.is_draft and request.method == "GET":
        messages.info(
            request,
            _("This inquiry has been submitted already; its text can no longer be changed."),
        )
        return redirect(_detail_url(inquiry))
    return _edit(request, inquiry)


def _initial(inquiry: Inquiry | None) -> tuple[dict, list[dict]]:
    if inquiry is None:
        return {"token": drafting.new_token()}, [{"text": ""}]
    main = {
        "meeting": inquiry.meeting_id,
        "subject": inquiry.subject,
        "preamble": inquiry.preamble,
        "is_faction_inquiry": inquiry.faction_id is not None,
        "cosigners": list(inquiry.cosignatures.values_list("councillor_id", flat=True)),
        "based_on": drafting.version_of(inquiry),
    }
    questions = [{"text": text} for text in inquiry.questions.values_list("text", flat=True)]
    return main, questions


def _posted_texts(data) -> list[str]:
    try:
        total = int(data.get(f"{QUESTIONS_PREFIX}-TOTAL_FORMS", 0))
    except ValueError:
        total = 0
    total = max(0, min(total, MAX_QUESTIONS))
    return [data.get(f"{QUESTIONS_PREFIX}-{i}-text", "") for i in range(total)]


def _rearranged(texts: list[str], verb: str, index: int | None) -> tuple[list[str], int]:
    """The question texts after one button press, and the index to focus afterwards."""
    texts = list(texts)
    if verb == "add":
        if len(texts) < MAX_QUESTIONS:
            texts.append("")
        return texts, len(texts) - 1
    if index is None or not 0 <= index < len(texts):
        return texts, 0
    if verb == "remove":
        del texts[index]
        return texts, min(index, len(texts) - 1)
    other = index - 1 if verb == "up" else index + 1
    if 0 <= other < len(texts):
        texts[index], texts[other] = texts[other], texts[index]
        return texts, other
    return texts, index


def _render_form(request, inquiry, form, formset, *, error="", focus=None, status=200):
    similar = []
    if inquiry is not None and not error and request.method == "GET":
        texts = [f.initial.get("text", "") for f in formset]
        similar = _similar_for(inquiry.subject, texts, inquiry)
    return render(
        request,
        "inquiries/councillor/inquiry_form.html",
        {
            "inquiry": inquiry,
            "form": form,
            "formset": formset,
            "error": error,
            "focus": focus,
            "similar": similar,
            "max_questions": MAX_QUESTIONS,
            "closed_meeting": inquiry.meeting
            if inquiry is not None and not inquiry.meeting.is_open_for_inquiries()
            else None,
        },
        status=status,
    )


def _edit(request, inquiry: Inquiry | None):
    author = inquiry.author if inquiry is not None else request.user.councillor
    if request.method == "GET":
        main, questions = _initial(inquiry)
        form = InquiryDraftForm(initial=main, author=author)
        formset = QuestionTextFormSet(initial=questions, prefix=QUESTIONS_PREFIX)
        return _render_form(request, inquiry, form, formset)

    action = request.POST.get("action", "save")
    structural = STRUCTURAL_ACTION.match(action)
    if structural:
        # Add, remove or move a question: show the form again, everything kept, nothing saved.
        verb, index = structural.group(1), structural.group(2)
        texts, focus = _rearranged(
            _posted_texts(request.POST), verb, int(index) if index is not None else None
        )
        bound = InquiryDraftForm(request.POST, author=author)
        main = {name: bound[name].value() for name in bound.fields}
        form = InquiryDraftForm(initial=main, author=author)
        formset = QuestionTextFormSet(
            initial=[{"text": text} for text in texts], prefix=QUESTIONS_PREFIX
        )
        return _render_form(request, inquiry, form, formset, focus=focus)

    form = InquiryDraftForm(request.POST, author=author)
    formset = QuestionTextFormSet(request.POST, prefix=QUESTIONS_PREFIX)
    if not (form.is_valid() and formset.is_valid()):
        return _render_form(request, inquiry, form, formset, status=400)
    text = drafting.DraftText(
        meeting=form.cleaned_data["meeting"],
        subject=form.cleaned_data["subject"],
        preamble=form.cleaned_data["preamble"],
        questions=formset.texts(),
        cosigners=list(form.cleaned_data["cosigners"]),
        is_faction_inquiry=form.cleaned_data.get("is_faction_inquiry", False),
    )
    try:
        if inquiry is None:
            inquiry, _created = drafting.create_draft(
                author, request.user, text, form.cleaned_data["token"]
            )
        else:
            drafting.save_draft(inquiry, request.user, text, form.cleaned_data["based_on"])
    except drafting.DraftChangedError as error:
        data = request.POST.copy()
        data["based_on"] = error.current_version
        form = InquiryDraftForm(data, author=author)
        form.is_valid()
        return _render_form(request, inquiry, form, formset, error=error.message, status=409)
    except TransitionError as error:
        if error.forbidden:
            return transition_refused(request, error)
        return _render_form(request, inquiry, form, formset, error=error.message, status=409)
    messages.success(request, _("The draft has been saved."))
    if action == "preview":
        return redirect("inquiries:councillor_preview", pk=inquiry.pk)
    if action == "submit":
        return redirect("inquiries:councillor_submit", pk=inquiry.pk)
    return redirect("inquiries:councillor_edit", pk=inquiry.pk)


# --- Transitions ------------------------------------------------------------------------


@councillor_required
@require_http_methods(["GET", "POST"])
def inquiry_submit(request, pk: int):
    """A confirmation step; the POST submits. A second POST finds it submitted already."""
    get_inquiry_for(request.user, pk, "inquiries.submit_inquiry")
    error = ""
    if request.method == "POST":
        inquiry = Inquiry.objects.get(pk=pk)
        try:
            workflow.submit(inquiry, request.user)
        except TransitionError as refusal:
            inquiry.refresh_from_db(fields=["status"])
            if not inquiry.is_draft:
                messages.info(request, _("This inquiry has been submitted already."))
                return redirect(_detail_url(inquiry))
            if refusal.forbidden:
                return transition_refused(request, refusal)
            error = refusal.message
        else:
            messages.success(
                request,
                _("The inquiry has been submitted. A confirmation is on its way by email."),
            )
            return redirect(_detail_url(inquiry))
    inquiry = _load(request, pk)
    if not inquiry.is_draft:
        messages.info(request, _("This inquiry has been submitted already."))
        return redirect(_detail_url(inquiry))
    return render(
        request,
        "inquiries/councillor/inquiry_submit.html",
        {
            "inquiry": inquiry,
            "error": error,
            "pending_cosigners": [s for s in inquiry.cosignatures.all() if not s.confirmed_at],
            "deadline_passed": not inquiry.meeting.is_open_for_inquiries(),
        },
        status=409 if error else 200,
    )


@councillor_required
@require_http_methods(["GET", "POST"])
def inquiry_withdraw(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.withdraw_inquiry")
    form = WithdrawForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            workflow.withdraw(inquiry, request.user, form.cleaned_data["reason"])
        except TransitionError as refusal:
            if refusal.forbidden:
                return transition_refused(request, refusal)
            error = refusal.message
        else:
            messages.success(request, _("The inquiry has been withdrawn."))
            return redirect(_detail_url(inquiry))
    return render(
        request,
        "inquiries/councillor/inquiry_withdraw.html",
        {"inquiry": inquiry, "form": form, "error": error},
        status=409 if error else (400 if form.errors else 200),
    )


@councillor_required
@require_POST
def inquiry_cosign(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.cosign_inquiry")
    try:
        workflow.confirm_cosignature(inquiry, request.user)
    except TransitionError as refusal:
        return transition_refused(request, refusal, back_url=_detail_url(inquiry))
    messages.success(request, _("Your co-signature has been confirmed."))
    return redirect(_detail_url(inquiry))
