"""Reading PDFs back in tests (pypdf): text, metadata and embedded files."""

import io
import json

from pypdf import PdfReader


def read_pdf(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-"), data[:20]
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Whitespace collapsed: line breaks of the layout do not matter."""
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


def full_text(reader: PdfReader) -> str:
    return " ".join(page_texts(reader))


def embedded_json(reader: PdfReader, name: str = "antwort.json") -> dict:
    (content,) = reader.attachments[name]
    return json.loads(content)


def body_text(reader: PdfReader, furniture: str = "Stadt Herne · Der Oberbürgermeister") -> str:
    """The letter's text without page furniture (footer, running header, page numbers).

    WeasyPrint writes the page margin boxes last, so each page's text is cut
    where the furniture starts: a paragraph split by a page break reads whole.
    """
    return " ".join(text.split(furniture)[0].strip() for text in page_texts(reader))
