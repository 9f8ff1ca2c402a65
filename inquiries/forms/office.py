"""Forms of the council office's pages: registration, rejection, routing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inquiries.models import Department, Inquiry
from inquiries.models.inquiry import QUESTION_MAX_LENGTH
from inquiries.workflow.routing import ROUTABLE


class RegisterForm(forms.Form):
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Proposed from the due-date rule; you may change it."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author sees this reason."),
    )


class RoutingForm(forms.Form):
    """One lead and optional contributing departments per question."""

    comment = forms.CharField(
        label=_("Comment (optional, e.g. the reason for re-routing)"),
        required=False,
        max_length=500,
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = [q for q in questions]
        departments = Department.objects.filter(is_active=True).exclude(
            kind=Department.Kind.DIRECTORATE
        )
        self.rows = []
        for question in self.questions:
            lead_name, contrib_name = f"lead_{question.pk}", f"contributing_{question.pk}"
            self.fields[lead_name] = forms.ModelChoiceField(
                label=_("Lead department for question %(number)s") % {"number": question.number},
                queryset=departments,
                required=False,
                initial=question.lead_department_id,
            )
            self.fields[contrib_name] = forms.ModelMultipleChoiceField(
                label=_("Contributing departments for question %(number)s")
                % {"number": question.number},
                queryset=departments,
                required=False,
                initial=[d.pk for d in question.contributing_departments.all()],
                widget=forms.SelectMultiple(attrs={"size": 4}),
            )
            editable = question.status in ROUTABLE
            if not editable:
                self.fields[lead_name].disabled = True
                self.fields[contrib_name].disabled = True
            self.rows.append((question, self[lead_name], self[contrib_name], editable))

    def assignments(self, only=None):
        """Question → (lead, contributing) for the questions chosen (all editable ones)."""
        result = {}
        for question, lead, contributing, editable in self.rows:
            if not editable or (only is not None and question.pk != only):
                continue
            chosen = self.cleaned_data.get(lead.name)
            if chosen is None:
                if only is not None:
                    self.add_error(lead.name, _("Please choose the lead department."))
                continue
            result[question] = (chosen, list(self.cleaned_data.get(contributing.name) or []))
        return result


class PaperInquiryForm(forms.ModelForm):
    """An inquiry that reached the council office on paper or by email."""

    class Meta:
        model = Inquiry
        fields = ["received_via", "meeting", "author", "faction", "subject", "preamble"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_via"].choices = [
            c for c in Inquiry.Channel.choices if c[0] != Inquiry.Channel.PORTAL
        ]
        self.fields["meeting"].queryset = (
            self.fields["meeting"].queryset.select_related("committee").order_by("-starts_at")
        )


class QuestionTextForm(forms.Form):
    text = forms.CharField(
        label=_("Question text"),
        required=False,
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


QuestionTextFormSet = forms.formset_factory(QuestionTextForm, extra=5, max_num=50)
