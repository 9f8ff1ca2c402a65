"""Pages of the departments: inbox, one question in its inquiry, drafting and approval."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inquiries import selectors, workflow
from inquiries.department_forms import (
    AnswerForm,
    AttachmentForm,
    CommentForm,
    ContributionForm,
    CorrectionForm,
    HoldingAnswerForm,
    RerouteForm,
)
from inquiries.filters.department import DepartmentInboxFilter
from inquiries.models import AnswerAttachment, Department, Inquiry, Question
from inquiries.permissions import department_ids
from inquiries.views.access import transition_refused
from inquiries.workflow import AnswerConflict, TransitionError

PAGE_SIZE = 50


def _require_staff(user):
    if not user.has_perm("inquiries.use_department_inbox"):
        raise PermissionDenied


@login_required
def inbox(request):
    _require_staff(request.user)
    today = timezone.localdate()
    departments = Department.objects.filter(pk__in=department_ids(request.user))
    filterset = DepartmentInboxFilter(
        request.GET,
        queryset=selectors.department_inbox(request.user, today),
        departments=departments,
    )
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    return render(
        request,
        "inquiries/department/inbox.html",
        {
            "filter": filterset,
            "page": page,
            "today": today,
            "my_departments": department_ids(request.user),
        },
    )


def _get_question(user, pk: int, perm: str = "inquiries.view_question") -> Question:
    """The question ``pk`` if ``user`` may see it (404 otherwise) and do ``perm`` (403)."""
    question = get_object_or_404(Question.objects.select_related("inquiry"), pk=pk)
    if not user.has_perm("inquiries.view_question", question):
        raise Http404
    if perm != "inquiries.view_question" and not user.has_perm(perm, question):
        raise PermissionDenied
    return question


def _group_choices(question):
    if question.status not in workflow.DRAFTABLE:
        return []
    return [
        q
        for q in question.inquiry.questions.all()
        if q.pk != question.pk
        and q.lead_department_id == question.lead_department_id
        and q.status in workflow.DRAFTABLE
    ]


def _question_page(request, pk: int, status: int = 200, conflict=None, **forms):
    _require_staff(request.user)
    _get_question(request.user, pk)
    question = selectors.question_in_context(pk)
    user = request.user
    answer = question.answer
    mine = department_ids(user)
    contributing = [d for d in question.contributing_departments.all() if d.pk in mine]
    context = {
        "question": question,
        "inquiry": question.inquiry,
        "answer": answer,
        "today": timezone.localdate(),
        "conflict": conflict,
        "can_draft": user.has_perm("inquiries.draft_answer", question)
        and question.status in workflow.DRAFTABLE,
        "can_approve": user.has_perm("inquiries.approve_answer", question)
        and question.status == Question.Status.IN_REVIEW,
        "can_contribute": bool(contributing) and question.status in workflow.DRAFTABLE,
        "can_hold": user.has_perm("inquiries.give_holding_answer", question.inquiry)
        and question.inquiry.status == Inquiry.Status.REGISTERED,
        "can_correct": answer is not None
        and user.has_perm("inquiries.correct_answer", answer)
        and question.inquiry.status == Inquiry.Status.PUBLISHED,
    }
    if context["can_draft"]:
        initial: dict[str, object] = {
            "text": answer.text if answer else "",
            "version": answer.version if answer else "",
        }
        if answer:
            initial["also"] = [str(q.pk) for q in answer.questions.all() if q.pk != question.pk]
        context["answer_form"] = forms.get("answer_form") or AnswerForm(
            initial=initial, group_choices=_group_choices(question)
        )
        context["attachment_form"] = forms.get("attachment_form") or AttachmentForm()
        context["reroute_form"] = forms.get("reroute_form") or RerouteForm()
    if context["can_approve"]:
        context["return_form"] = forms.get("return_form") or CommentForm()
    if context["can_contribute"]:
        context["contribution_form"] = forms.get("contribution_form") or ContributionForm(
            departments=contributing
        )
    if context["can_hold"]:
        context["holding_form"] = forms.get("holding_form") or HoldingAnswerForm()
    if context["can_correct"]:
        context["correction_form"] = forms.get("correction_form") or CorrectionForm(
            initial={"text": answer.text if answer else ""}
        )
    return render(request, "inquiries/department/question.html", context, status=status)


@login_required
def question_detail(request, pk: int):
    return _question_page(request, pk)


def _back(pk):
    return redirect("inquiries:department_question", pk=pk)


@login_required
@require_POST
def save_answer(request, pk: int):
    _require_staff(request.user)
    question = _get_question(request.user, pk, "inquiries.draft_answer")
    form = AnswerForm(request.POST, group_choices=_group_choices(question))
    if not form.is_valid():
        return _question_page(request, pk, status=400, answer_form=form)
    also = Question.objects.filter(
        inquiry=question.inquiry, pk__in=[int(x) for x in form.cleaned_data.get("also", [])]
    )
    try:
        workflow.draft_answer(
            question,
            request.user,
            form.cleaned_data["text"],
            also=list(also),
            base_version=form.cleaned_data["version"],
        )
    except AnswerConflict as conflict:
        return _question_page(request, pk, status=409, conflict=conflict, answer_form=form)
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, _("The draft has been saved."))
    return _back(pk)


def _simple_transition(request, pk, perm, call, success):
    _require_staff(request.user)
    question = _get_question(request.user, pk, perm)
    try:
        call(question)
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, success)
    return _back(pk)


@login_required
@require_POST
def send_for_review(request, pk: int):
    return _simple_transition(
        request,
        pk,
        "inquiries.draft_answer",
        lambda q: workflow.send_for_review(q, request.user),
        _("The answer has been sent for approval."),
    )


@login_required
@require_POST
def approve(request, pk: int):
    return _simple_transition(
        request,
        pk,
        "inquiries.approve_answer",
        lambda q: workflow.approve(q, request.user),
        _("The answer has been approved."),
    )


def _form_transition(request, pk, perm, form_class, form_key, call, success, **form_kwargs):
    _require_staff(request.user)
    question = _get_question(request.user, pk, perm)
    form = form_class(request.POST, request.FILES, **form_kwargs)
    if not form.is_valid():
        return _question_page(request, pk, status=400, **{form_key: form})
    try:
        call(question, form.cleaned_data)
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, success)
    return _back(pk)


@login_required
@require_POST
def return_answer(request, pk: int):
    return _form_transition(
        request,
        pk,
        "inquiries.approve_answer",
        CommentForm,
        "return_form",
        lambda q, data: workflow.return_answer(q, request.user, data["comment"]),
        _("The answer has been returned with your comment."),
    )


@login_required
@require_POST
def request_reroute(request, pk: int):
    return _form_transition(
        request,
        pk,
        "inquiries.request_reroute",
        RerouteForm,
        "reroute_form",
        lambda q, data: workflow.request_reroute(q, request.user, data["reason"]),
        _("The council office has been asked to route the question elsewhere."),
    )


@login_required
@require_POST
def contribute(request, pk: int):
    departments = Department.objects.filter(pk__in=department_ids(request.user))
    return _form_transition(
        request,
        pk,
        "inquiries.contribute",
        ContributionForm,
        "contribution_form",
        lambda q, data: workflow.add_contribution(
            q, request.user, data["department"], data["text"]
        ),
        _("Your contribution has been saved; the lead department sees it."),
        departments=departments,
    )


@login_required
@require_POST
def attach(request, pk: int):
    return _form_transition(
        request,
        pk,
        "inquiries.draft_answer",
        AttachmentForm,
        "attachment_form",
        lambda q, data: workflow.add_attachment(q, request.user, data["file"], data["title"]),
        _("The attachment has been added."),
    )


@login_required
@require_POST
def holding_answer(request, pk: int):
    _require_staff(request.user)
    question = _get_question(request.user, pk)
    if not request.user.has_perm("inquiries.give_holding_answer", question.inquiry):
        raise PermissionDenied
    return _form_transition(
        request,
        pk,
        "inquiries.view_question",
        HoldingAnswerForm,
        "holding_form",
        lambda q, data: workflow.give_holding_answer(
            q.inquiry, request.user, data["text"], data["until"]
        ),
        _("The holding answer has been sent; the author is told."),
    )


@login_required
@require_POST
def correct(request, pk: int):
    _require_staff(request.user)
    question = _get_question(request.user, pk)
    if question.answer is None or not request.user.has_perm(
        "inquiries.correct_answer", question.answer
    ):
        raise PermissionDenied
    return _form_transition(
        request,
        pk,
        "inquiries.view_question",
        CorrectionForm,
        "correction_form",
        lambda q, data: workflow.correct_answer(
            q.answer, request.user, data["text"], data["reason"]
        ),
        _("The correction has been saved; the original text stays visible."),
    )


@login_required
def attachment(request, pk: int):
    """Download an attachment: for the office and the departments of its questions."""
    item = get_object_or_404(AnswerAttachment.objects.select_related("answer"), pk=pk)
    questions = item.answer.questions.all()
    if not any(request.user.has_perm("inquiries.view_question", q) for q in questions):
        raise Http404
    return FileResponse(
        item.file.open("rb"),
        content_type=item.content_type,
        as_attachment=True,
        filename=item.original_name,
    )
