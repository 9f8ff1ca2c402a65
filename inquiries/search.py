"""Full-text search of published inquiries: subjects, preambles, questions and answers.

On PostgreSQL the German text-search configuration stems words ("Verwaltungen"
finds "Verwaltung"), ranks the hits and marks the matches in a snippet; the
expressions below equal the GIN indexes of migration 0003. On SQLite (the
demo) every word must occur somewhere, matched with LIKE.

Whatever a visitor types is cleaned first: control characters removed,
whitespace collapsed, cut to ``MAX_QUERY_LENGTH``. The query parser
(``websearch_to_tsquery``) accepts any input, so quotes, operators or
SQL-looking text never raise.
"""

import re
from dataclasses import dataclass

from django.db import connection
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

MAX_QUERY_LENGTH = 200
MAX_SQLITE_WORDS = 8
SNIPPET_CHARS = 220
# Sentinels that ts_headline puts around matches; replaced by <mark> after escaping.
_START, _STOP = "\u0002", "\u0003"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Snippet:
    """Safe HTML: the subject with the matches marked, and a passage of the best-matching text."""

    title: SafeString | str
    text: SafeString | str


@dataclass(frozen=True)
class SearchText:
    text: str
    truncated: bool

    def __bool__(self):
        return bool(self.text)


def clean(raw: str | None) -> SearchText:
    """The visitor's input made safe to search for: never raises, never empty of meaning."""
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    return SearchText(text[:MAX_QUERY_LENGTH].strip(), truncated)


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


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
        Answer.objects.filter(approved_at__isnull=False)
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


def only_stop_words(text: str) -> bool:
    """True if nothing of ``text`` is left to search for (such as "und die der")."""
    if not uses_postgres():
        return not re.findall(r"\w+", text)
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('german'::regconfig, %s))", [text])
        return cursor.fetchone()[0] == 0


def _postgres_headlines(inquiries, text: str) -> dict[int, "Snippet"]:
    """Marked subject and a snippet of the best-matching text: one query for the whole page."""
    ids = [inquiry.pk for inquiry in inquiries]
    if not ids:
        return {}
    options = f"StartSel={_START}, StopSel={_STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
    sql = """
        SELECT inquiry_id, kind, ts_headline('german'::regconfig, body, q,
               CASE WHEN kind = 0 THEN %(whole)s ELSE %(options)s END)
        FROM (
            SELECT id AS inquiry_id, 0 AS kind, subject AS body
            FROM inquiries_inquiry WHERE id = ANY(%(ids)s)
            UNION ALL
            SELECT id, 1, COALESCE(preamble, '')
            FROM inquiries_inquiry WHERE id = ANY(%(ids)s)
            UNION ALL
            SELECT inquiry_id, 2, text FROM inquiries_question
            WHERE inquiry_id = ANY(%(ids)s)
            UNION ALL
            SELECT inquiry_id, 3, text FROM inquiries_answer
            WHERE inquiry_id = ANY(%(ids)s) AND approved_at IS NOT NULL
        ) AS texts, websearch_to_tsquery('german'::regconfig, %(text)s) AS q
        WHERE kind = 0 OR to_tsvector('german'::regconfig, body) @@ q
        ORDER BY inquiry_id, kind
    """
    titles: dict[int, SafeString] = {}
    bodies: dict[int, SafeString] = {}
    whole = f"StartSel={_START}, StopSel={_STOP}, HighlightAll=TRUE"
    with connection.cursor() as cursor:
        cursor.execute(sql, {"options": options, "whole": whole, "ids": ids, "text": text})
        for inquiry_id, kind, headline in cursor.fetchall():
            if kind == 0:
                titles[inquiry_id] = _marked(headline)
            else:
                bodies.setdefault(inquiry_id, _marked(headline))
    return {pk: Snippet(titles.get(pk, ""), bodies.get(pk, "")) for pk in ids}


def _marked(headline: str) -> SafeString:
    html = escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)  # escaped above, only our own <mark> added


# --- SQLite ------------------------------------------------------------------------------


# A crude stand-in for stemming on SQLite: "Verwaltungen" searches "Verwaltung".
_ENDINGS = ("en", "er", "es", "e", "n", "s")


def _stem(word: str) -> str:
    if len(word) > 5:
        for ending in _ENDINGS:
            if word.lower().endswith(ending):
                return word[: -len(ending)]
    return word


def _words(text: str) -> list[str]:
    return [_stem(word) for word in re.findall(r"\w+", text)[:MAX_SQLITE_WORDS]]


def _sqlite_search(queryset, text: str):
    for word in _words(text):
        questions = Question.objects.filter(inquiry=OuterRef("pk"), text__icontains=word)
        answers = Answer.objects.filter(
            inquiry=OuterRef("pk"), approved_at__isnull=False, text__icontains=word
        )
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
    answers = Answer.objects.filter(inquiry_id__in=ids, approved_at__isnull=False).values_list(
        "inquiry_id", "text"
    )
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
