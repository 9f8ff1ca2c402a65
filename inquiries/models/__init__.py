from inquiries.models.administration import Department, StaffMembership
from inquiries.models.answering import (
    Answer,
    AnswerAttachment,
    AnswerCorrection,
    Contribution,
)
from inquiries.models.audit import AuditEvent
from inquiries.models.council import Committee, Councillor, Faction, LegislativeTerm, Meeting
from inquiries.models.inquiry import CoSignature, Inquiry, NumberSequence, Question
from inquiries.models.notification import SentNotification
from inquiries.models.reply import ReplyDocument
from inquiries.models.subscription import Subscription
from inquiries.models.topic import Topic

__all__ = [
    "Answer",
    "AnswerAttachment",
    "AnswerCorrection",
    "AuditEvent",
    "CoSignature",
    "Committee",
    "Contribution",
    "Councillor",
    "Department",
    "Faction",
    "Inquiry",
    "LegislativeTerm",
    "Meeting",
    "NumberSequence",
    "Question",
    "ReplyDocument",
    "SentNotification",
    "StaffMembership",
    "Subscription",
    "Topic",
]
