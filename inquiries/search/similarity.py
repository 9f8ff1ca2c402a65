"""Earlier inquiries similar to one being written or registered.

``similar_inquiries`` ranks answered and published inquiries by how much
their subject and question texts share with the given ones. On PostgreSQL it
uses German full-text search (``django.contrib.postgres.search``: subject
weighted above the questions, any word may match, ranked by ``ts_rank``); on
other databases (SQLite in the demo) it falls back to counting shared words.
The councillor pages show only published results (``published_only=True``);
the council office also sees answered ones that are not published yet.
"""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, OuterRef, Prefetch, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from inquiries.models import Inquiry, Question
from inquiries.search.query import uses_postgres
from inquiries.search.words import words

# Query at most this many distinct words (the first ones of subject and questions).
MAX_WORDS = 40
# The word-overlap fallback scores at most this many recent inquiries.
FALLBACK_CANDIDATES = 500


def similar_inquiries(
    subject: str,
    question_texts: list[str],
    *,
    exclude_pk=None,
    answered_since=None,
    limit=5,
    published_only=False,
) -> list[Inquiry]:
    """Answered or published inquiries most similar to the given text, best first.

    Each result has its questions (with answers) prefetched and a ``similarity``
    attribute (higher is more similar). ``answered_since`` keeps only inquiries
    answered at or after that time.
    """
    query_words = words(" ".join([subject, *question_texts]))[:MAX_WORDS]
    if not query_words or limit <= 0:
        return []
    statuses = [Inquiry.Status.PUBLISHED]
    if not published_only:
        statuses.append(Inquiry.Status.ANSWERED)
    candidates = Inquiry.objects.filter(status__in=statuses)
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    if answered_since is not None:
        candidates = candidates.filter(answered_at__gte=answered_since)
    if uses_postgres():
        ranked = _rank_fulltext(candidates, query_words, limit)
    else:
        ranked = _rank_word_overlap(candidates, query_words, limit)
    if not ranked:
        return []
    questions = Question.objects.select_related("answer").order_by("number")
    by_pk = (
        Inquiry.objects.with_listing_relations()
        .prefetch_related(Prefetch("questions", queryset=questions))
        .in_bulk([pk for pk, _score in ranked])
    )
    results = []
    for pk, score in ranked:
        inquiry = by_pk[pk]
        inquiry.similarity = score  # type: ignore[attr-defined]  # read by the templates
        results.append(inquiry)
    return results


def _rank_fulltext(candidates, query_words, limit):
    questions_text = Subquery(
        Question.objects.filter(inquiry=OuterRef("pk"))
        .values("inquiry")
        .annotate(text=StringAgg("text", delimiter=" "))
        .values("text"),
        output_field=TextField(),
    )
    questions = Coalesce(F("questions_text"), Value(""), output_field=TextField())
    vector = SearchVector("subject", weight="A", config="german") + SearchVector(
        questions, weight="B", config="german"
    )
    # Words are \w+ only, so the raw tsquery "a | b | c" cannot be malformed.
    query = SearchQuery(" | ".join(query_words), search_type="raw", config="german")
    rows = (
        candidates.annotate(questions_text=questions_text)
        .annotate(rank=SearchRank(vector, query))
        .filter(rank__gt=0)
        .order_by("-rank", "-pk")
        .values_list("pk", "rank")[:limit]
    )
    return list(rows)


def _rank_word_overlap(candidates, query_words, limit):
    wanted = set(query_words)
    recent = list(candidates.order_by("-pk").values_list("pk", "subject")[:FALLBACK_CANDIDATES])
    texts = {pk: [subject, subject] for pk, subject in recent}  # the subject counts twice
    for inquiry_id, text in Question.objects.filter(inquiry_id__in=texts).values_list(
        "inquiry_id", "text"
    ):
        texts[inquiry_id].append(text)
    scored = []
    for pk, parts in texts.items():
        shared = wanted & set(words(" ".join(parts[1:])))
        subject_shared = wanted & set(words(parts[0]))
        score = len(shared) + len(subject_shared)
        if score:
            scored.append((pk, score / len(wanted)))
    scored.sort(key=lambda item: (-item[1], -item[0]))
    return scored[:limit]
