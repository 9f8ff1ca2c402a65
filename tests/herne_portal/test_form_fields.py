"""Every form field renders through one template whose ARIA ids point at what is shown."""

import re

import pytest
from django.template.loader import render_to_string

from accounts.forms import OneTimeCodeForm, RecoveryCodeForm
from inquiries.filters.public import PublicInquiryFilter
from inquiries.forms.councillor import InquiryDraftForm, WithdrawForm
from inquiries.forms.department import AnswerForm, CorrectionForm, HoldingAnswerForm
from inquiries.forms.office import RegisterForm, RejectForm
from inquiries.forms.public import SubscriptionForm
from inquiries.models import Inquiry


def _ids(html: str) -> tuple[set[str], list[str]]:
    present = set(re.findall(r'\bid="([^"]+)"', html))
    described = [
        target
        for value in re.findall(r'aria-describedby="([^"]*)"', html)
        for target in value.split()
    ]
    return present, described


def _forms(personas):
    author = personas.councillor_profile
    return [
        SubscriptionForm({"email": "kein-at", "follow": ""}, choices=[("search", "Suche")]),
        InquiryDraftForm({"subject": ""}, author=author),
        WithdrawForm({"reason": ""}),
        RegisterForm({"due_date": "morgen"}),
        RejectForm({}),
        AnswerForm({"text": ""}, group_choices=()),
        HoldingAnswerForm({"text": "", "until": "x"}),
        CorrectionForm({}),
        OneTimeCodeForm({"token": "12"}),
        RecoveryCodeForm({"code": "zu kurz"}),
        PublicInquiryFilter({"fraktion": "XYZ"}, queryset=Inquiry.objects.none()).form,
    ]


@pytest.mark.django_db
def test_described_by_points_at_ids_that_exist(personas):
    for form in _forms(personas):
        form.is_valid()
        html = render_to_string("forms/form.html", {"form": form})
        present, described = _ids(html)
        assert described, type(form).__name__  # every one of them has an error or a help text
        missing = [target for target in described if target not in present]
        assert missing == [], (type(form).__name__, missing)


@pytest.mark.django_db
def test_errors_and_help_texts_follow_one_naming(personas):
    form = RegisterForm({"due_date": "morgen"})
    form.is_valid()
    html = render_to_string("forms/form.html", {"form": form})
    assert 'id="id_due_date_helptext"' in html
    assert 'id="id_due_date_error" role="alert"' in html
    assert 'aria-describedby="id_due_date_helptext id_due_date_error"' in html
    assert 'aria-invalid="true"' in html
