"""Template filters for answer texts: the same rendering on the web page as in the letter."""

from django import template

from inquiries.markup import answer_html

register = template.Library()


@register.filter(name="answer_html")
def answer_html_filter(text: str):
    """Paragraphs, lists and tables of an answer as HTML; any markup in it shown as text."""
    return answer_html(text or "")
