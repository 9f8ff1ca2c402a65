"""Co-signing and the submission notice: audited, emailed through the task queue."""

import pytest
from django.core import mail
from django.utils import timezone

from inquiries import workflow
from inquiries.models import AuditEvent, CoSignature
from inquiries.workflow import TransitionError
from tests.factories import InquiryFactory


@pytest.fixture
def cosigned(personas):
    draft = InquiryFactory(author=personas.councillor_profile)
    CoSignature.objects.create(inquiry=draft, councillor=personas.cosigner.councillor)
    return draft


@pytest.mark.django_db
def test_cosigner_confirms_once_and_it_is_audited(personas, cosigned):
    workflow.confirm_cosignature(cosigned, personas.cosigner)
    assert CoSignature.objects.get().confirmed_at is not None
    event = AuditEvent.objects.get(inquiry=cosigned)
    assert (event.action, event.actor, event.is_public) == ("cosign", personas.cosigner, False)
    with pytest.raises(TransitionError, match="bereits bestätigt"):
        workflow.confirm_cosignature(cosigned, personas.cosigner)
    assert AuditEvent.objects.filter(inquiry=cosigned).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["councillor", "other_councillor", "office"])
def test_only_a_cosigner_confirms(personas, cosigned, who):
    with pytest.raises(TransitionError) as refused:
        workflow.confirm_cosignature(cosigned, getattr(personas, who))
    assert refused.value.forbidden


@pytest.mark.django_db
def test_submitted_inquiry_can_no_longer_be_cosigned(personas, cosigned):
    CoSignature.objects.update(confirmed_at=timezone.now())
    workflow.submit(cosigned, personas.councillor)
    CoSignature.objects.update(confirmed_at=None)
    with pytest.raises(TransitionError):
        workflow.confirm_cosignature(cosigned, personas.cosigner)


@pytest.mark.django_db(transaction=True)
def test_submit_emails_author_and_cosigners_after_commit(personas):
    draft = InquiryFactory(author=personas.councillor_profile, questions=["Größe?"])
    CoSignature.objects.create(
        inquiry=draft, councillor=personas.cosigner.councillor, confirmed_at=timezone.now()
    )
    workflow.submit(draft, personas.councillor)
    (message,) = mail.outbox
    assert sorted(message.to) == sorted([personas.councillor.email, personas.cosigner.email])
    assert "1. Größe?" in message.body
