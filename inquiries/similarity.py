"""Inquiries that resemble a new one (placeholder of issue 4; issue 3 owns the real one).

Same signature as issue 3's version, which replaces this file at merge.
"""

import re

from inquiries.models import Inquiry

_WORD = re.compile(r"\w{5,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def similar_inquiries(subject, question_texts, *, exclude_pk=None, answered_since=None, limit=5):
    """Answered or published inquiries sharing the most longer words with the given text."""
    wanted = _words(subject) | set().union(*(_words(t) for t in question_texts))
    if not wanted:
        return []
    candidates = Inquiry.objects.filter(
        status__in=[Inquiry.Status.ANSWERED, Inquiry.Status.PUBLISHED]
    ).prefetch_related("questions")
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    if answered_since is not None:
        candidates = candidates.filter(answered_at__date__gte=answered_since)
    scored = []
    for inquiry in candidates[:500]:
        words = _words(inquiry.subject) | set().union(
            *(_words(q.text) for q in inquiry.questions.all())
        )
        overlap = len(wanted & words)
        if overlap >= 2:
            scored.append((overlap, inquiry))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].pk))
    return [inquiry for _score, inquiry in scored[:limit]]
