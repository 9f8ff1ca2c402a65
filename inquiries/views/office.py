"""Pages of the council office: inbox, registration, routing, publication, dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inquiries import selectors, workflow
from inquiries.deadlines import default_due_date
from inquiries.filters.office import OfficeInboxFilter
from inquiries.forms.office import (
    PaperInquiryForm,
    QuestionTextFormSet,
    RegisterForm,
    RejectForm,
    RoutingForm,
)
from inquiries.models import Question
from inquiries.views.access import (
    get_inquiry_for,
    office_required,
    run_transition,
    transition_refused,
)

PAGE_SIZE = 50


@login_required
@office_required
def inbox(request):
    today = timezone.localdate()
    filterset = OfficeInboxFilter(request.GET, queryset=selectors.office_inbox(today))
    paginator = Paginator(filterset.qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    return render(
        request,
        "inquiries/office/inbox.html",
        {"filter": filterset, "page": page, "today": today},
    )


@login_required
@office_required
def dashboard(request):
    today = timezone.localdate()
    rows, total = selectors.dashboard_figures(today)
    return render(
        request, "inquiries/office/dashboard.html", {"rows": rows, "total": total, "today": today}
    )


def _inquiry_page(request, pk, status=200, **forms):
    get_inquiry_for(request.user, pk)
    today = timezone.localdate()
    inquiry = selectors.inquiry_for_office(pk, today)
    actions = workflow.allowed_actions(request.user, inquiry)
    context = {"inquiry": inquiry, "today": today, "actions": actions}
    if "register" in actions or "reject" in actions:
        context["register_form"] = forms.get("register_form") or RegisterForm(
            initial={"due_date": default_due_date(inquiry, today)}
        )
        context["reject_form"] = forms.get("reject_form") or RejectForm()
        context["deadline_met"] = (
            inquiry.submitted_at is not None
            and inquiry.submitted_at <= inquiry.meeting.submission_deadline
        )
        context["similar"] = selectors.similar_to(inquiry, today)
    if "route" in actions:
        context["routing_form"] = forms.get("routing_form") or RoutingForm(
            questions=inquiry.questions.all()
        )
    return render(request, "inquiries/office/inquiry.html", context, status=status)


@login_required
@office_required
def inquiry_detail(request, pk: int):
    return _inquiry_page(request, pk)


def _back_url(pk) -> str:
    return reverse("inquiries:office_inquiry", args=[pk])


@login_required
@require_POST
@office_required
def register(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.register_inquiry")
    return run_transition(
        request,
        lambda data: workflow.register(inquiry, request.user, data["due_date"]),
        success=lambda inquiry: _("Registered as %(number)s.") % {"number": inquiry.number},
        back_url=_back_url(pk),
        form=RegisterForm(request.POST),
        page=lambda form: _inquiry_page(request, pk, status=400, register_form=form),
    )


@login_required
@require_POST
@office_required
def reject(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.reject_inquiry")
    return run_transition(
        request,
        lambda data: workflow.reject(inquiry, request.user, data["reason"]),
        success=_("The inquiry has been rejected; the author is told."),
        back_url=_back_url(pk),
        form=RejectForm(request.POST),
        page=lambda form: _inquiry_page(request, pk, status=400, reject_form=form),
    )


@login_required
@require_POST
@office_required
def route(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.route_question")
    form = RoutingForm(request.POST, questions=inquiry.questions.order_by("number"))
    only = request.POST.get("only")
    only = int(only) if only and only.isdigit() else None
    if form.is_valid():
        assignments = form.assignments(only=only)
    return run_transition(
        request,
        lambda data: workflow.route_many(
            inquiry, request.user, assignments, comment=data["comment"]
        ),
        success=lambda changed: _("%(count)s question(s) routed.") % {"count": changed},
        back_url=_back_url(pk),
        form=form,
        page=lambda form: _inquiry_page(request, pk, status=400, routing_form=form),
    )


@login_required
@require_POST
@office_required
def publish(request, pk: int):
    inquiry = get_inquiry_for(request.user, pk, "inquiries.publish_inquiry")
    return run_transition(
        request,
        lambda _data: workflow.publish(inquiry, request.user),
        success=_("The answer has been published."),
        back_url=_back_url(pk),
    )


@login_required
@office_required
def enter_inquiry(request):
    """Enter an inquiry that came on paper or by email; it is submitted at once."""
    form = PaperInquiryForm(request.POST or None)
    questions = QuestionTextFormSet(request.POST or None, prefix="fragen")
    if request.method == "POST" and form.is_valid() and questions.is_valid():
        texts = [f.cleaned_data.get("text", "").strip() for f in questions.forms]
        texts = [t for t in texts if t]
        if not texts:
            questions.forms[0].add_error("text", _("An inquiry needs at least one question."))
        else:
            try:
                with transaction.atomic():
                    inquiry = form.save()
                    Question.objects.bulk_create(
                        Question(inquiry=inquiry, number=n, text=t)
                        for n, t in enumerate(texts, start=1)
                    )
                    workflow.receive(inquiry, request.user)
            except workflow.TransitionError as error:
                return transition_refused(request, error)
            messages.success(request, _("The inquiry has been entered as submitted."))
            return redirect(_back_url(inquiry.pk))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "inquiries/office/enter_inquiry.html",
        {"form": form, "questions": questions},
        status=status,
    )
