from inquiries.models.administration import Department, StaffMembership
from inquiries.models.audit import AuditEvent
from inquiries.models.council import Committee, Councillor, Faction, Meeting
from inquiries.models.inquiry import Answer, CoSignature, Inquiry, NumberSequence, Question

__all__ = [
    "Answer",
    "AuditEvent",
    "CoSignature",
    "Committee",
    "Councillor",
    "Department",
    "Faction",
    "Inquiry",
    "Meeting",
    "NumberSequence",
    "Question",
    "StaffMembership",
]
