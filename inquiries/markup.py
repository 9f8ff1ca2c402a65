"""Answer texts to HTML for the web page and the letter: paragraphs, lists, tables.

Departments write plain text. Blank lines separate paragraphs, line breaks are
kept, lines starting with "-" or "1." form lists, and pipe tables
(``| a | b |`` with a ``|---|---|`` line) form tables, as in Markdown. Anything
that looks like HTML or an entity (``<script>``, ``&amp;``) is shown as written.
Images and headings are not interpreted: a letter fetches nothing and keeps
its own outline.
"""

from functools import cache

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})
    parser.enable("table")
    parser.disable(
        [
            "entity",  # "&amp;" stays "&amp;"
            "escape",  # backslashes stay
            "image",  # nothing is fetched
            "heading",
            "lheading",
            "code",  # indented lines are not code
            "fence",
            "html_block",
            "html_inline",
            "reference",
            "hr",
        ]
    )
    return parser


def answer_html(text: str) -> SafeString:
    """The answer ``text`` as HTML (escaped; see the module docstring)."""
    return mark_safe(_parser().render(text))  # markdown-it escapes every text
