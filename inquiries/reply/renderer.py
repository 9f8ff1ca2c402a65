"""The reply letter as PDF/A: ``templates/pdf/reply.html`` and ``reply.css`` through WeasyPrint.

A renderer takes content and returns ``(filename, mimetype, bytes)``. The HTML
is built from the payload (``inquiries.reply.payload``) only, so a stored
payload renders the same letter again. WeasyPrint fetches nothing from the
network: only ``file:`` URLs (the letterhead logo) are allowed. WeasyPrint
(and so Pango) is imported only when a letter is laid out, so the portal runs
even where the PDF libraries are missing.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from inquiries.markup import answer_html
from inquiries.reply.letterhead import Letterhead, current_letterhead
from inquiries.reply.payload import canonical_json

MIMETYPE = "application/pdf"
JSON_NAME = "antwort.json"
LANGUAGE = "de-DE"


@dataclass(frozen=True)
class PreparedReply:
    """Everything WeasyPrint needs, prepared by us (kept apart for the benchmark)."""

    html: str
    css: str
    json: bytes
    created: datetime.datetime
    filename: str


def _day(iso: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(iso) if iso else None


def german_date(iso: str | None) -> str:
    day = _day(iso)
    return date_format(day, "d.m.Y") if day else ""


def number_list(numbers: list[int]) -> str:
    """``[1, 2, 4]`` → "1, 2 and 4" (in the active language)."""
    text = [str(n) for n in numbers]
    if len(text) == 1:
        return text[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(text[:-1]), "last": text[-1]}


def css_string(value: str) -> str:
    """A CSS string literal that shows ``value`` as written."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def _answer_heading(answer: dict) -> str:
    if answer["is_holding_answer"]:
        return _("Interim reply")
    if len(answer["questions"]) > 1:
        return _("Answer to questions %(numbers)s") % {"numbers": number_list(answer["questions"])}
    return _("Answer")


def _blocks(payload: dict) -> list[dict]:
    """Questions in their order; each answer once, after the last question it answers."""
    answers = {a["id"]: a for a in payload["answers"]}
    questions = payload["questions"]
    blocks = []
    for index, question in enumerate(questions):
        block = {"number": question["number"], "text": question["text"]}
        answer = answers.get(question["answer"])
        if answer is None:
            block["pending"] = True
        elif question["number"] == answer["questions"][-1]:
            block["answer"] = {
                **answer,
                "heading": _answer_heading(answer),
                "holding_until_text": german_date(answer["holding_until"]),
                "corrections": [
                    {**c, "date_text": german_date(c["date"])} for c in answer["corrections"]
                ],
                "html": answer_html(answer["text"]),
            }
        else:
            following = questions[index + 1] if index + 1 < len(questions) else None
            if following is None or following["answer"] != answer["id"]:
                block["note"] = _(
                    "This question is answered together with question %(number)s (see below)."
                ) % {"number": answer["questions"][-1]}
        blocks.append(block)
    return blocks


def _attachments(payload: dict) -> list[dict]:
    listed = []
    for answer in payload["answers"]:
        for attachment in answer["attachments"]:
            listed.append({**attachment, "questions": number_list(answer["questions"])})
    return listed


def _subject_lines(payload: dict) -> tuple[str, str]:
    inquiry = payload["inquiry"]
    if inquiry["submitted_on"]:
        first = _("Inquiry “%(subject)s” of %(date)s") % {
            "subject": inquiry["subject"],
            "date": german_date(inquiry["submitted_on"]),
        }
    else:
        first = _("Inquiry “%(subject)s”") % {"subject": inquiry["subject"]}
    meeting = inquiry["meeting"]
    if meeting["committee_kind"] == "council":
        second = _("Your inquiry for the meeting of the council on %(date)s")
    else:
        second = _("Your inquiry for the meeting of “%(committee)s” on %(date)s")
    second %= {"committee": meeting["committee"], "date": german_date(meeting["date"])}
    return first, second


def filename_for(payload: dict, *, version: int | None, draft: bool) -> str:
    number = (payload["inquiry"]["number"] or str(payload["inquiry"]["id"])).replace("/", "-")
    if draft:
        return f"Entwurf-Antwort-Anfrage-{number}.pdf"
    return f"Antwort-Anfrage-{number}-v{version or 1}.pdf"


def prepare(
    payload: dict,
    *,
    version: int | None = None,
    draft: bool = False,
    created: datetime.datetime | None = None,
    letterhead: Letterhead | None = None,
) -> PreparedReply:
    """HTML, CSS and embedded JSON of the letter, in German whatever the request's language."""
    letterhead = letterhead or current_letterhead()
    created = created or timezone.now()
    inquiry = payload["inquiry"]
    with translation.override("de"):
        reference = inquiry["number"] or str(inquiry["id"])
        subject_line, meeting_line = _subject_lines(payload)
        title = _("Reply to inquiry no. %(number)s: %(subject)s") % {
            "number": reference,
            "subject": inquiry["subject"],
        }
        departments = sorted({a["department"]["code"] for a in payload["answers"]})
        context = {
            "payload": payload,
            "inquiry": inquiry,
            "letterhead": letterhead,
            "title": title,
            "description": _("Reply of the administration to the inquiry “%(subject)s”")
            % {"subject": inquiry["subject"]},
            "created_iso": timezone.localtime(created).isoformat(timespec="seconds"),
            "language": LANGUAGE,
            "reference": reference,
            "letter_date": german_date(payload["letter_date"]),
            "submitted_on": german_date(inquiry["submitted_on"]),
            "subject_line": subject_line,
            "meeting_line": meeting_line,
            "addressees": [inquiry["author"], *inquiry["cosigners"]],
            "departments": departments,
            "version": version,
            "draft": draft,
            "blocks": _blocks(payload),
            "attachments": _attachments(payload),
            "council_name": settings.PORTAL_COUNCIL_NAME,
            "attachments_label": ngettext("Attachment", "Attachments", len(_attachments(payload))),
        }
        html = render_to_string("pdf/reply.html", context)
        css = render_to_string(
            "pdf/reply.css",
            {
                "draft": draft,
                "running_left": css_string(f"{letterhead.city} · {letterhead.office}"),
                "running_right": css_string(
                    _("Reply to inquiry no. %(number)s of %(date)s")
                    % {"number": reference, "date": german_date(payload["letter_date"])}
                ),
                "page_label": css_string(_("Page")),
                "of_label": css_string(pgettext("page X of Y", "of")),
            },
        )
    document = {**payload, "version": version, "draft": draft}
    return PreparedReply(
        html=html,
        css=css,
        json=canonical_json(document),
        created=created,
        filename=filename_for(payload, version=version, draft=draft),
    )


def url_fetcher():
    """WeasyPrint's fetcher limited to ``file:`` URLs: nothing comes from the network."""
    # Imported here, not at the top: WeasyPrint loads Pango, a system library that may be
    # missing; the portal runs without it and only letters fail (see the module docstring).
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("file",))


def pdf_options(prepared: PreparedReply, fetcher, base_url: str) -> dict:
    from weasyprint import CSS, Attachment  # lazily, see url_fetcher

    created = prepared.created.astimezone(datetime.UTC).replace(tzinfo=None)
    with translation.override("de"):
        description = _("The inquiry and its answers as JSON")
    attachment = Attachment(
        string=prepared.json,
        name=JSON_NAME,
        description=description,
        relationship="Data",
        created=created,
        modified=created,
    )
    return {
        "stylesheets": [CSS(string=prepared.css, base_url=base_url, url_fetcher=fetcher)],
        "pdf_variant": settings.REPLY_PDF_VARIANT,
        "pdf_tags": True,
        "attachments": [attachment],
    }


def layout(prepared: PreparedReply):
    """Lay the letter out; returns the WeasyPrint document and the options to write it."""
    from weasyprint import HTML  # lazily, see url_fetcher

    fetcher = url_fetcher()
    base_url = settings.BASE_DIR.as_uri() + "/"
    options = pdf_options(prepared, fetcher, base_url)
    html = HTML(string=prepared.html, base_url=base_url, url_fetcher=fetcher)
    return html.render(**options), options


def write_pdf(prepared: PreparedReply, laid_out=None) -> bytes:
    """The PDF/A bytes of a prepared letter: tagged, with metadata and the embedded JSON."""
    document, options = laid_out or layout(prepared)
    return document.write_pdf(**options)


def render_payload(payload: dict, *, version: int | None = None, draft: bool = False):
    """Render ``payload``: returns ``(filename, mimetype, bytes)``."""
    prepared = prepare(payload, version=version, draft=draft)
    return prepared.filename, MIMETYPE, write_pdf(prepared)
