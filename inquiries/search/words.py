"""The one tokenizer of the portal: how a text falls apart into words.

``tokens`` splits a text into words (letters, digits, underscores; umlauts
included) and is used by every search on SQLite and by the similarity of
inquiries. ``words`` keeps only the meaningful ones (for similarity),
``stem`` is the crude stand-in for German stemming on SQLite (PostgreSQL's
German text-search configuration stems properly).
"""

import re

WORD = re.compile(r"\w+")
# Words shorter than this carry no meaning of their own ("der", "und", "wie").
MIN_WORD_LENGTH = 4
STOPWORDS = frozenset(
    """aber alle allem allen aller alles also andere anderen auch auf aus bei beim bereits
    bisher damit dann darauf daran darüber dass dem den denen der des dessen deshalb die dies
    diese diesem diesen dieser dieses doch durch eine einem einen einer eines für gegen hat
    haben hatte hier ihre ihrem ihren ihrer inwieweit jede jedem jeden jeder jedes jetzt kann
    keine können könnte mehr muss nach nicht noch oder ohne schon sein seine seit sich sind
    soll sollen sowie über unter viele vom von vor wann warum was weil welche welchem welchen
    welcher welches wenn werden wie wieder wieso wird wurde wurden zum zur zwischen frage
    fragen verwaltung stadt""".split()
)
# Endings cut off by ``stem``: "Verwaltungen" searches "Verwaltung".
ENDINGS = ("en", "er", "es", "e", "n", "s")


def tokens(text: str) -> list[str]:
    """The words of ``text`` as written, in order."""
    return WORD.findall(text)


def words(text: str) -> list[str]:
    """Meaningful lower-case words of ``text``, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in tokens(text.lower()):
        if len(word) >= MIN_WORD_LENGTH and word not in STOPWORDS and not word.isdigit():
            seen.setdefault(word, None)
    return list(seen)


def stem(word: str) -> str:
    """``word`` without a common German ending, if it is long enough to have one."""
    if len(word) > 5:
        for ending in ENDINGS:
            if word.lower().endswith(ending):
                return word[: -len(ending)]
    return word
