"""Writing a draft inquiry: saving its text, questions and co-signers.

Editing a draft is not a change of status, so it lives here and not in
``workflow``. Saving replaces the questions 1..n in a constant number of
queries: the unique (inquiry, number) constraint is not deferrable, so the
old rows are deleted before the new ones are inserted, inside one
transaction with the inquiry row locked. A draft has no answers or question
events yet, so nothing that must be kept is lost.

Double submits: the form that creates a draft carries a one-time
``creation_token`` (a UUID, unique in the database). A second POST of the
same form finds the draft created by the first one and saves into it
instead of creating another inquiry.
"""

import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from inquiries.models import AuditEvent, CoSignature, Councillor, Inquiry, Meeting, Question
from inquiries.workflow import EDIT, TransitionError


@dataclass
class DraftText:
    """What a councillor typed: everything a draft consists of."""

    meeting: Meeting
    subject: str
    preamble: str
    questions: list[str]
    cosigners: list[Councillor] = field(default_factory=list)
    is_faction_inquiry: bool = False


def new_token() -> uuid.UUID:
    return uuid.uuid4()


def create_draft(author: Councillor, actor, text: DraftText, token: uuid.UUID | None = None):
    """A new draft of ``author``; with a ``token`` already used, the draft made with it.

    Returns ``(inquiry, created)``.
    """
    if token is not None:
        existing = Inquiry.objects.filter(creation_token=token, author=author).first()
        if existing is not None:
            return save_draft(existing, actor, text), False
    try:
        with transaction.atomic():
            inquiry = Inquiry.objects.create(
                author=author,
                meeting=text.meeting,
                subject=text.subject,
                preamble=text.preamble,
                faction=author.faction if text.is_faction_inquiry else None,
                creation_token=token,
            )
            AuditEvent.objects.create(
                inquiry=inquiry,
                actor=actor,
                action=AuditEvent.Action.CREATE,
                from_state="",
                to_state=Inquiry.Status.DRAFT,
            )
            _replace_questions(inquiry, text.questions)
            _sync_cosigners(inquiry, text.cosigners, text_changed=True)
    except IntegrityError:
        # Two requests with the same token at the same moment: the other one won.
        existing = Inquiry.objects.filter(creation_token=token, author=author).first()
        if token is None or existing is None:
            raise
        return save_draft(existing, actor, text), False
    return inquiry, True


class DraftChangedError(TransitionError):
    """The draft was saved elsewhere (another tab) after the form was loaded."""

    def __init__(self, message: str, current_version: str):
        super().__init__(message)
        self.current_version = current_version


def version_of(inquiry: Inquiry) -> str:
    """What a form remembers of the draft it was loaded from."""
    return inquiry.updated_at.isoformat()


@transaction.atomic
def save_draft(
    inquiry: Inquiry, actor, text: DraftText, based_on_version: str | None = None
) -> Inquiry:
    """Replace the text of a draft. Co-signers confirm again when the text changed.

    With ``based_on_version`` (see ``version_of``) a draft saved in the meantime
    by another tab is not overwritten: ``DraftChangedError`` says so instead.
    """
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    EDIT.check(actor, inquiry)
    if based_on_version and based_on_version != version_of(inquiry):
        raise DraftChangedError(
            _(
                "This draft has been saved in another window in the meantime. Your entries "
                "are kept below; save again to replace the other version with them."
            ),
            current_version=version_of(inquiry),
        )
    old_questions = list(inquiry.questions.order_by("number").values_list("text", flat=True))
    text_changed = (inquiry.subject, inquiry.preamble, old_questions) != (
        text.subject,
        text.preamble,
        text.questions,
    )
    inquiry.meeting = text.meeting
    inquiry.subject = text.subject
    inquiry.preamble = text.preamble
    inquiry.faction = inquiry.author.faction if text.is_faction_inquiry else None
    inquiry.save(update_fields=["meeting", "subject", "preamble", "faction", "updated_at"])
    if old_questions != text.questions:
        _replace_questions(inquiry, text.questions)
    _sync_cosigners(inquiry, text.cosigners, text_changed=text_changed)
    return inquiry


def _replace_questions(inquiry: Inquiry, texts: list[str]) -> None:
    """Questions 1..n, in two queries whatever n is."""
    Question.objects.filter(inquiry=inquiry).delete()
    Question.objects.bulk_create(
        Question(inquiry=inquiry, number=number, text=text)
        for number, text in enumerate(texts, start=1)
    )


def _sync_cosigners(inquiry: Inquiry, wanted: list[Councillor], *, text_changed: bool) -> None:
    wanted_ids = {c.pk for c in wanted} - {inquiry.author_id}
    current = set(inquiry.cosignatures.values_list("councillor_id", flat=True))
    if current - wanted_ids:
        inquiry.cosignatures.filter(councillor_id__in=current - wanted_ids).delete()
    if wanted_ids - current:
        CoSignature.objects.bulk_create(
            CoSignature(inquiry=inquiry, councillor_id=pk) for pk in sorted(wanted_ids - current)
        )
    if text_changed and current & wanted_ids:
        # A confirmation covers the text the co-signer read, not a later one.
        inquiry.cosignatures.filter(confirmed_at__isnull=False).update(confirmed_at=None)
