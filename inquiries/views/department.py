"""Pages of the departments: inbox, one question in its inquiry, drafting and approval."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inquiries import selectors, workflow
from inquiries.filters.department import DepartmentInboxFilter
from inquiries.forms.department import (
    AnswerForm,
    AttachmentForm,
    CommentForm,
    ContributionForm,
    CorrectionForm,
    HoldingAnswerForm,
    RerouteForm,
)
from inquiries.models import AnswerAttachment, Department, Question
from inquiries.permissions import department_ids
from inquiries.views.access import (
    department_required,
    get_question_for,
    run_transition,
    transition_refused,
)

PAGE_SIZE = 50


@login_required
@department_required
def inbox(request):
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


def _question_page(request, pk: int, status: int = 200, conflict=None, **forms):
    get_question_for(request.user, pk)
    today = timezone.localdate()
    question = selectors.question_in_context(pk, today)
    user = request.user
    answer = question.answer
    actions = (
        workflow.allowed_actions(user, question)
        | workflow.allowed_actions(user, question.inquiry)
        | workflow.allowed_actions(user, answer)
    )
    context = {
        "question": question,
        "inquiry": question.inquiry,
        "answer": answer,
        "today": today,
        "conflict": conflict,
        "actions": actions,
    }
    if "draft_answer" in actions:
        initial: dict[str, object] = {
            "text": answer.text if answer else "",
            "version": answer.version if answer else "",
        }
        if answer:
            initial["also"] = [str(q.pk) for q in answer.questions.all() if q.pk != question.pk]
        context["answer_form"] = forms.get("answer_form") or AnswerForm(
            initial=initial, group_choices=workflow.groupable_with(question)
        )
        context["attachment_form"] = forms.get("attachment_form") or AttachmentForm()
        context["reroute_form"] = forms.get("reroute_form") or RerouteForm()
    if "return_answer" in actions:
        context["return_form"] = forms.get("return_form") or CommentForm()
    if "add_contribution" in actions:
        mine = department_ids(user)
        contributing = [d for d in question.contributing_departments.all() if d.pk in mine]
        context["contribution_form"] = forms.get("contribution_form") or ContributionForm(
            departments=contributing
        )
    if "give_holding_answer" in actions:
        context["holding_form"] = forms.get("holding_form") or HoldingAnswerForm()
    if "correct_answer" in actions:
        context["correction_form"] = forms.get("correction_form") or CorrectionForm(
            initial={"text": answer.text if answer else ""}
        )
    return render(request, "inquiries/department/question.html", context, status=status)


@login_required
@department_required
def question_detail(request, pk: int):
    return _question_page(request, pk)


def _back_url(pk) -> str:
    return reverse("inquiries:department_question", args=[pk])


@login_required
@require_POST
@department_required
def save_answer(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.draft_answer")
    form = AnswerForm(request.POST, group_choices=workflow.groupable_with(question))
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
    except workflow.AnswerConflict as conflict:
        return _question_page(request, pk, status=409, conflict=conflict, answer_form=form)
    except workflow.TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, _("The draft has been saved."))
    return redirect(_back_url(pk))


@login_required
@require_POST
@department_required
def send_for_review(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.draft_answer")
    return run_transition(
        request,
        lambda _data: workflow.send_for_review(question, request.user),
        success=_("The answer has been sent for approval."),
        back_url=_back_url(pk),
    )


@login_required
@require_POST
@department_required
def approve(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.approve_answer")
    return run_transition(
        request,
        lambda _data: workflow.approve(question, request.user),
        success=_("The answer has been approved."),
        back_url=_back_url(pk),
    )


@login_required
@require_POST
@department_required
def return_answer(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.approve_answer")
    return run_transition(
        request,
        lambda data: workflow.return_answer(question, request.user, data["comment"]),
        success=_("The answer has been returned with your comment."),
        back_url=_back_url(pk),
        form=CommentForm(request.POST),
        page=lambda form: _question_page(request, pk, status=400, return_form=form),
    )


@login_required
@require_POST
@department_required
def request_reroute(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.request_reroute")
    return run_transition(
        request,
        lambda data: workflow.request_reroute(question, request.user, data["reason"]),
        success=_("The council office has been asked to route the question elsewhere."),
        back_url=_back_url(pk),
        form=RerouteForm(request.POST),
        page=lambda form: _question_page(request, pk, status=400, reroute_form=form),
    )


@login_required
@require_POST
@department_required
def contribute(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.contribute")
    departments = Department.objects.filter(pk__in=department_ids(request.user))
    return run_transition(
        request,
        lambda data: workflow.add_contribution(
            question, request.user, data["department"], data["text"]
        ),
        success=_("Your contribution has been saved; the lead department sees it."),
        back_url=_back_url(pk),
        form=ContributionForm(request.POST, departments=departments),
        page=lambda form: _question_page(request, pk, status=400, contribution_form=form),
    )


@login_required
@require_POST
@department_required
def attach(request, pk: int):
    question = get_question_for(request.user, pk, "inquiries.draft_answer")
    return run_transition(
        request,
        lambda data: workflow.add_attachment(question, request.user, data["file"], data["title"]),
        success=_("The attachment has been added."),
        back_url=_back_url(pk),
        form=AttachmentForm(request.POST, request.FILES),
        page=lambda form: _question_page(request, pk, status=400, attachment_form=form),
    )


@login_required
@require_POST
@department_required
def holding_answer(request, pk: int):
    question = get_question_for(request.user, pk)
    if not request.user.has_perm("inquiries.give_holding_answer", question.inquiry):
        raise PermissionDenied
    return run_transition(
        request,
        lambda data: workflow.give_holding_answer(
            question.inquiry, request.user, data["text"], data["until"]
        ),
        success=_("The holding answer has been sent; the author is told."),
        back_url=_back_url(pk),
        form=HoldingAnswerForm(request.POST),
        page=lambda form: _question_page(request, pk, status=400, holding_form=form),
    )


@login_required
@require_POST
@department_required
def correct(request, pk: int):
    question = get_question_for(request.user, pk)
    if question.answer is None or not request.user.has_perm(
        "inquiries.correct_answer", question.answer
    ):
        raise PermissionDenied
    return run_transition(
        request,
        lambda data: workflow.correct_answer(
            question.answer, request.user, data["text"], data["reason"]
        ),
        success=_("The correction has been saved; the original text stays visible."),
        back_url=_back_url(pk),
        form=CorrectionForm(request.POST),
        page=lambda form: _question_page(request, pk, status=400, correction_form=form),
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
