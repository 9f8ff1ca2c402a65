"""Forms of the department pages: answer drafts, contributions, attachments, approvals."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inquiries.attachments import check_upload
from inquiries.models import Department


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Plain text. Separate paragraphs with an empty line; start list items with “- ”."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    also = forms.MultipleChoiceField(
        label=_("This answer also answers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Grouped answer: the questions are answered together."),
    )

    def __init__(self, *args, group_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also"].choices = [
            (str(q.pk), _("Question %(number)s") % {"number": q.number}) for q in group_choices
        ]
        if not group_choices:
            del self.fields["also"]


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RerouteForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should another department answer?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ContributionForm(forms.Form):
    department = forms.ModelChoiceField[Department](
        label=_("Contributing department"), queryset=None
    )
    text = forms.CharField(label=_("Contribution"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        if len(departments) == 1:
            self.fields["department"].initial = departments[0].pk


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG, JPEG, XLSX or ODS."))
    title = forms.CharField(label=_("Title (optional)"), required=False, max_length=200)

    def clean_file(self):
        return check_upload(self.cleaned_data["file"])


class HoldingAnswerForm(forms.Form):
    text = forms.CharField(label=_("Holding answer"), widget=forms.Textarea(attrs={"rows": 4}))
    until = forms.DateField(
        label=_("Final answer expected by"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(label=_("Corrected answer"), widget=forms.Textarea(attrs={"rows": 8}))
    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown publicly together with the original text."),
    )
