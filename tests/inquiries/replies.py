"""Inquiries taken through the workflow to answered/published, for the reply letter tests."""

from inquiries import workflow
from tests.factories import InquiryFactory


def answered_inquiry(personas, questions, answers, *, publish=False, **fields):
    """An inquiry of ``personas.councillor`` with ``questions``, answered and approved.

    ``answers`` maps a tuple of question numbers to the text of their (grouped) answer.
    """
    inquiry = InquiryFactory(author=personas.councillor_profile, questions=questions, **fields)
    workflow.submit(inquiry, personas.councillor)
    workflow.register(inquiry, personas.office, inquiry.meeting.starts_at.date())
    by_number = {q.number: q for q in inquiry.questions.all()}
    for question in by_number.values():
        workflow.route(question, personas.office, personas.department_a)
    for numbers, text in answers.items():
        first, *others = (by_number[n] for n in numbers)
        workflow.draft_answer(first, personas.clerk_a, text, also=others)
        # A grouped answer is sent and approved once, for all of its questions.
        workflow.send_for_review(first, personas.clerk_a)
        workflow.approve(first, personas.head_a)
    if publish:
        workflow.publish(inquiry, personas.office)
    inquiry.refresh_from_db()
    return inquiry
