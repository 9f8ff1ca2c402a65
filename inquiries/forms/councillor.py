"""Forms of the councillors' pages: writing a draft inquiry, its questions, withdrawing it."""

from typing import cast

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inquiries.models import Councillor, Faction, Meeting
from inquiries.models.inquiry import QUESTION_MAX_LENGTH

# More questions than this in one inquiry is a mistake, not an inquiry.
MAX_QUESTIONS = 100


class MeetingChoiceField(forms.ModelChoiceField):
    """Meetings grouped by committee; every option names its submission deadline."""

    def label_from_instance(self, meeting):
        deadline = timezone.localtime(meeting.submission_deadline)
        return _("%(date)s (submission deadline: %(deadline)s)") % {
            "date": formats.date_format(timezone.localtime(meeting.starts_at), "d.m.Y"),
            "deadline": formats.date_format(deadline, "d.m.Y, H:i"),
        }

    def grouped_choices(self):
        groups: dict[str, list] = {}
        for meeting in self.queryset:
            groups.setdefault(meeting.committee.name, []).append(
                (meeting.pk, self.label_from_instance(meeting))
            )
        return [("", self.empty_label), *groups.items()]


class CosignerField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, councillor):
        faction = f" ({councillor.faction.short_name})" if councillor.faction_id else ""
        return f"{councillor.title_and_name}{faction}"


class InquiryDraftForm(forms.Form):
    """Everything of a draft inquiry except its questions (those are a formset)."""

    meeting = MeetingChoiceField(
        label=gettext_lazy("Committee and meeting"),
        queryset=Meeting.objects.none(),
        empty_label=gettext_lazy("– please choose –"),
        help_text=gettext_lazy(
            "Only meetings whose submission deadline has not passed are offered."
        ),
        error_messages={
            "required": gettext_lazy("Please choose the meeting the inquiry is for."),
            "invalid_choice": gettext_lazy(
                "The submission deadline of this meeting has passed or the meeting is not "
                "open for inquiries. Please choose another meeting."
            ),
        },
    )
    subject = forms.CharField(
        label=gettext_lazy("Subject"),
        max_length=300,
        error_messages={
            "required": gettext_lazy("Please enter a subject."),
            "max_length": gettext_lazy("The subject may be at most %(limit_value)d characters."),
        },
    )
    preamble = forms.CharField(
        label=gettext_lazy("Preamble"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "The text before the questions. Separate paragraphs with an empty line."
        ),
    )
    is_faction_inquiry = forms.BooleanField(
        label=gettext_lazy("Faction inquiry (Fraktionsanfrage)"),
        required=False,
    )
    cosigners = CosignerField(
        label=gettext_lazy("Co-signers"),
        queryset=Councillor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Co-signers see the draft and must confirm it before it can be submitted."
        ),
    )
    # The one-time token of the form that creates a draft (see inquiries.drafting).
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # The version of the draft the form was loaded from (see inquiries.drafting).
    based_on = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, author: Councillor, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        meeting = cast(MeetingChoiceField, self.fields["meeting"])
        meeting.queryset = (
            Meeting.objects.open_for_inquiries(now)
            .select_related("committee")
            .order_by("committee__kind", "committee__name", "starts_at")
        )
        meeting.widget.choices = meeting.grouped_choices()
        cast(forms.ModelMultipleChoiceField, self.fields["cosigners"]).queryset = (
            Councillor.objects.filter(is_active=True, user__isnull=False)
            .exclude(pk=author.pk)
            .select_related("faction")
        )
        if author.faction is not None and author.faction.kind != Faction.Kind.INDIVIDUAL:
            self.fields["is_faction_inquiry"].help_text = _("Filed on behalf of %(faction)s.") % {
                "faction": author.faction.name
            }
        else:
            del self.fields["is_faction_inquiry"]
        # No maxlength in the browser: it would cut pasted text silently.
        self.fields["subject"].widget.attrs.pop("maxlength", None)

    def clean_subject(self):
        return self.cleaned_data["subject"].strip()

    def clean_preamble(self):
        # Keep paragraphs; only trailing blanks and Windows line ends go.
        text = self.cleaned_data["preamble"].replace("\r\n", "\n")
        return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


class QuestionTextForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Question text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=QUESTION_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy(
                "This question is empty. Please write the question or remove it."
            ),
            "max_length": gettext_lazy(
                "A question may be at most %(limit_value)d characters long (it has %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength in the browser: it would cut pasted text silently. The
        # server says how long the text is instead, and keeps all of it.
        self.fields["text"].widget.attrs.pop("maxlength", None)

    def clean_text(self):
        return self.cleaned_data["text"].replace("\r\n", "\n").strip()


class BaseQuestionTextFormSet(forms.BaseFormSet):
    """The numbered questions of a draft: 1..n in the order of the forms, none empty."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.empty_permitted = False  # an empty question is an error, never skipped
        form.use_required_attribute = False
        return form

    def clean(self):
        super().clean()
        if self.total_form_count() == 0:
            raise forms.ValidationError(
                _("An inquiry needs at least one question."), code="no_questions"
            )

    def texts(self) -> list[str]:
        return [form.cleaned_data["text"] for form in self.forms]


QuestionTextFormSet = cast(
    type[BaseQuestionTextFormSet],
    forms.formset_factory(
        QuestionTextForm,
        formset=BaseQuestionTextFormSet,
        extra=0,
        max_num=MAX_QUESTIONS,
        validate_max=True,
        absolute_max=MAX_QUESTIONS,
    ),
)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the withdrawal"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": gettext_lazy("Please give a reason for the withdrawal.")},
    )
