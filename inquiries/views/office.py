"""Pages of the council office: inbox, registration, routing, publication, dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inquiries import selectors, workflow
from inquiries.deadlines import default_due_date
from inquiries.filters.office import OfficeInboxFilter
from inquiries.forms.office import RegisterForm, RejectForm, RoutingForm
from inquiries.models import Inquiry
from inquiries.views.access import get_inquiry_for, transition_refused
from inquiries.workflow import TransitionError

PAGE_SIZE = 50


def _require_office(user):
    if not user.has_perm("inquiries.use_office_inbox"):
        raise PermissionDenied


@login_required
def inbox(request):
    _require_office(request.user)
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
def dashboard(request):
    _require_office(request.user)
    today = timezone.localdate()
    rows, total = selectors.dashboard_figures(today)
    return render(
        request, "inquiries/office/dashboard.html", {"rows": rows, "total": total, "today": today}
    )


def _inquiry_page(request, pk, status=200, **forms):
    _require_office(request.user)
    get_inquiry_for(request.user, pk)
    today = timezone.localdate()
    inquiry = selectors.inquiry_for_office(pk, today)
    context = {"inquiry": inquiry, "today": today}
    if inquiry.status == Inquiry.Status.SUBMITTED:
        context["register_form"] = forms.get("register_form") or RegisterForm(
            initial={"due_date": default_due_date(inquiry, today)}
        )
        context["reject_form"] = forms.get("reject_form") or RejectForm()
        context["deadline_met"] = (
            inquiry.submitted_at is not None
            and inquiry.submitted_at <= inquiry.meeting.submission_deadline
        )
        context["similar"] = selectors.similar_to(inquiry, today)
    if inquiry.status == Inquiry.Status.REGISTERED:
        context["routing_form"] = forms.get("routing_form") or RoutingForm(
            questions=inquiry.questions.all()
        )
    return render(request, "inquiries/office/inquiry.html", context, status=status)


@login_required
def inquiry_detail(request, pk: int):
    return _inquiry_page(request, pk)


def _back(pk):
    return redirect("inquiries:office_inquiry", pk=pk)


def _form_transition(request, pk, perm, form_class, form_key, call, success):
    """Validate ``form_class``, run the transition ``call``, then back to the inquiry page.

    A form error re-renders the page with what was typed (400); a refused
    transition gives the refusal page (403/409). ``success`` may be a function
    of the transition's result.
    """
    _require_office(request.user)
    inquiry = get_inquiry_for(request.user, pk, perm)
    form = form_class(request.POST)
    if not form.is_valid():
        return _inquiry_page(request, pk, status=400, **{form_key: form})
    try:
        result = call(inquiry, form.cleaned_data)
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, success(result) if callable(success) else success)
    return _back(pk)


@login_required
@require_POST
def register(request, pk: int):
    return _form_transition(
        request,
        pk,
        "inquiries.register_inquiry",
        RegisterForm,
        "register_form",
        lambda inquiry, data: workflow.register(inquiry, request.user, data["due_date"]),
        lambda inquiry: _("Registered as %(number)s.") % {"number": inquiry.number},
    )


@login_required
@require_POST
def reject(request, pk: int):
    return _form_transition(
        request,
        pk,
        "inquiries.reject_inquiry",
        RejectForm,
        "reject_form",
        lambda inquiry, data: workflow.reject(inquiry, request.user, data["reason"]),
        _("The inquiry has been rejected; the author is told."),
    )


@login_required
@require_POST
def route(request, pk: int):
    _require_office(request.user)
    inquiry = get_inquiry_for(request.user, pk, "inquiries.route_question")
    form = RoutingForm(request.POST, questions=inquiry.questions.order_by("number"))
    only = request.POST.get("only")
    only = int(only) if only and only.isdigit() else None
    if form.is_valid():
        assignments = form.assignments(only=only)
    if not form.is_valid():
        return _inquiry_page(request, pk, status=400, routing_form=form)
    try:
        changed = workflow.route_many(
            inquiry, request.user, assignments, comment=form.cleaned_data["comment"]
        )
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, _("%(count)s question(s) routed.") % {"count": changed})
    return _back(pk)


@login_required
@require_POST
def publish(request, pk: int):
    _require_office(request.user)
    inquiry = get_inquiry_for(request.user, pk, "inquiries.publish_inquiry")
    try:
        workflow.publish(inquiry, request.user)
    except TransitionError as error:
        return transition_refused(request, error)
    messages.success(request, _("The answer has been published."))
    return _back(pk)


@login_required
def enter_inquiry(request):
    """Enter an inquiry that came on paper or by email; it is submitted at once."""
    from django.db import transaction

    from inquiries.forms.office import PaperInquiryForm, QuestionTextFormSet
    from inquiries.models import Question

    _require_office(request.user)
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
            except TransitionError as error:
                return transition_refused(request, error)
            messages.success(request, _("The inquiry has been entered as submitted."))
            return _back(inquiry.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "inquiries/office/enter_inquiry.html",
        {"form": form, "questions": questions},
        status=status,
    )
