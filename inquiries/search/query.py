"""What a visitor typed into the search box, made safe to search for.

Control characters are removed, whitespace collapsed, the text cut to
``MAX_QUERY_LENGTH``. The query parser (``websearch_to_tsquery``) accepts any
input, so quotes, operators or SQL-looking text never raise.
"""

import re
from dataclasses import dataclass

from django.db import connection

from inquiries.search.words import tokens

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


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


def only_stop_words(text: str) -> bool:
    """True if nothing of ``text`` is left to search for (such as "und die der")."""
    if not uses_postgres():
        return not tokens(text)
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('german'::regconfig, %s))", [text])
        return cursor.fetchone()[0] == 0
