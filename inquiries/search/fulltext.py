"""Full-text search of published inquiries: subjects, preambles, questions and answers.

On PostgreSQL the German text-search configuration stems words ("Verwaltungen"
finds "Verwaltung"), ranks the hits and marks the matches in a snippet; the
expressions below equal the GIN indexes of migration ``0002_search_indexes``. On
SQLite (the demo) every word must occur somewhere, matched with LIKE.

The text searched for comes cleaned from ``inquiries.search.query.clean``.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVector
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Value,
    When,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from inquiries.models import Answer, Inquiry, Question
from inquiries.search.query import clean, only_stop_words, uses_postgres
from inquiries.search.words import stem, tokens

MAX_SQLITE_WORDS = 8
SNIPPET_CHARS = 220
# Sentinels that ts_headline puts around matches; replaced by <mark> after escaping.
_START, _STOP = "\u0002", "\u0003"


@dataclass(frozen=True)
class Snippet:
    """Safe HTML: the subject with the matches marked, and a passage of the best-matching text."""

    title: SafeString | str
    text: SafeString | str


# --- PostgreSQL ------------------------------------------------------------------------


class GermanQuery(Func):
    function = "websearch_to_tsquery"
    template = "websearch_to_tsquery('german'::regconfig, %(expressions)s)"


class GermanVector(Func):
    """``to_tsvector('german', COALESCE(a, '') || ' ' || COALESCE(b, ''))``, as indexed."""

    template = "to_tsvector('german'::regconfig, COALESCE(%(expressions)s, ''))"
    arg_joiner = ", '') || ' ' || COALESCE("


class Matches(Func):
    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


class Rank(Func):
    function = "ts_rank"
    output_field = FloatField()


def _query(text: str):
    return GermanQuery(Value(text))


def _postgres_search(queryset, text: str):
    """Each table is searched through its GIN index; the rank weighs subject and preamble most.

    Only the subject is ranked with ``ts_rank``; a match in the preamble, a
    question or an answer adds a fixed bonus. Ranking every matching text
    row by row costs seconds when a common word matches thousands of
    inquiries (see ``bench/``).
    """
    query = _query(text)
    own = GermanVector(F("subject"), F("preamble"))
    own_ids = Inquiry.objects.filter(Matches(own, query)).values("pk")
    question_ids = Question.objects.filter(Matches(GermanVector(F("text")), query)).values(
        "inquiry_id"
    )
    answer_ids = (
        Answer.objects.released()
        .filter(Matches(GermanVector(F("text")), query))
        .values("inquiry_id")
    )
    in_own, in_questions = Q(pk__in=own_ids), Q(pk__in=question_ids)
    in_answers = Q(pk__in=answer_ids)

    def bonus(condition, weight):
        return Case(When(condition, then=Value(weight)), default=Value(0.0))

    # Only the short subject is ranked word by word; preamble, questions and
    # answers count by whether they match (found through their indexes).
    subject_rank = Rank(GermanVector(F("subject")), query)
    return queryset.filter(in_own | in_questions | in_answers).annotate(
        search_rank=2 * subject_rank
        + bonus(in_own, 0.1)
        + bonus(in_questions, 0.05)
        + bonus(in_answers, 0.05)
    )


def _postgres_headlines(inquiries, text: str) -> dict[int, "Snippet"]:
    """Marked subject and a snippet of the best-matching text: one query for the whole page.

    The subject is always marked whole; the snippet comes from the first text that
    matches, in the order preamble, questions, released answers.
    """
    ids = [inquiry.pk for inquiry in inquiries]
    if not ids:
        return {}
    query = SearchQuery(text, config="german", search_type="websearch")

    def texts(queryset, kind: int, field: str, inquiry: str, whole: bool = False):
        options: dict[str, Any]  # SearchHeadline's keyword options
        if whole:
            options = {"highlight_all": True}
        else:
            options = {"max_words": 35, "min_words": 15, "max_fragments": 2}
            queryset = queryset.annotate(vector=SearchVector(field, config="german")).filter(
                vector=query
            )
        headline = SearchHeadline(
            field, query, config="german", start_sel=_START, stop_sel=_STOP, **options
        )
        return queryset.annotate(
            text_of=F(inquiry), kind=Value(kind), position=F("pk"), headline=headline
        ).values_list("text_of", "kind", "position", "headline")

    own = Inquiry.objects.filter(pk__in=ids)
    rows = (
        texts(own, 0, "subject", "pk", whole=True)
        .union(
            texts(own, 1, "preamble", "pk"),
            texts(Question.objects.filter(inquiry_id__in=ids), 2, "text", "inquiry_id"),
            texts(Answer.objects.released().filter(inquiry_id__in=ids), 3, "text", "inquiry_id"),
            all=True,
        )
        .order_by("text_of", "kind", "position")
    )
    titles: dict[int, SafeString] = {}
    bodies: dict[int, SafeString] = {}
    for inquiry_id, kind, _position, headline in rows:
        if kind == 0:
            titles[inquiry_id] = _marked(headline)
        else:
            bodies.setdefault(inquiry_id, _marked(headline))
    return {pk: Snippet(titles.get(pk, ""), bodies.get(pk, "")) for pk in ids}


def _marked(headline: str) -> SafeString:
    html = escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)  # escaped above, only our own <mark> added


# --- SQLite ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [stem(word) for word in tokens(text)[:MAX_SQLITE_WORDS]]


def _sqlite_search(queryset, text: str):
    for word in _words(text):
        questions = Question.objects.filter(inquiry=OuterRef("pk"), text__icontains=word)
        answers = Answer.objects.released().filter(inquiry=OuterRef("pk"), text__icontains=word)
        queryset = queryset.filter(
            Q(subject__icontains=word)
            | Q(preamble__icontains=word)
            | Exists(questions)
            | Exists(answers)
        )
    # Subject hits first, then the newest.
    first = _words(text)[:1]
    subject_hit = Q(subject__icontains=first[0]) if first else Q(pk__in=[])

    return queryset.annotate(
        search_rank=Case(When(subject_hit, then=Value(1.0)), default=Value(0.0))
    )


def _sqlite_headlines(inquiries, text: str) -> dict[int, Snippet]:
    ids = [inquiry.pk for inquiry in inquiries]
    words = _words(text)
    if not ids or not words:
        return {}
    pattern = re.compile("|".join(rf"\w*{re.escape(word)}\w*" for word in words), re.IGNORECASE)
    texts: dict[int, list[str]] = {pk: [] for pk in ids}
    for inquiry in inquiries:
        texts[inquiry.pk].append(inquiry.preamble)
    rows = Question.objects.filter(inquiry_id__in=ids).values_list("inquiry_id", "text")
    answers = Answer.objects.released().filter(inquiry_id__in=ids).values_list("inquiry_id", "text")
    for inquiry_id, body in [*rows, *answers]:
        texts[inquiry_id].append(body)
    result = {}
    for inquiry in inquiries:
        title = _marked(pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", inquiry.subject))
        passage = ""
        for body in texts[inquiry.pk]:
            match = pattern.search(body or "")
            if match:
                passage = _window(body, match.start(), pattern)
                break
        result[inquiry.pk] = Snippet(title, passage)
    return result


def _window(body: str, at: int, pattern) -> SafeString:
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = body[start : start + SNIPPET_CHARS]
    marked = pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", piece)
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(body) else ""
    return _marked(f"{prefix}{marked}{suffix}")


# --- the interface ---------------------------------------------------------------------------


def search_for(queryset, raw: str | None):
    """``queryset`` narrowed to what a visitor typed, unchanged if nothing is left to search for.

    For feeds and digests, which show no hints; the public list explains an empty search itself.
    """
    text = clean(raw)
    if text and not only_stop_words(text.text):
        return search(queryset, text.text)
    return queryset


def search(queryset, text: str):
    """``queryset`` narrowed to inquiries matching ``text``, annotated with ``search_rank``."""
    if uses_postgres():
        return _postgres_search(queryset, text)
    return _sqlite_search(queryset, text)


def snippets(inquiries, text: str) -> dict[int, Snippet]:
    """Marked subjects and passages (safe HTML with <mark>) for the inquiries of one page."""
    if uses_postgres():
        return _postgres_headlines(inquiries, text)
    return _sqlite_headlines(inquiries, text)
