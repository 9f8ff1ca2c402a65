"""Reads the seed inquiry (the Herne case of 15.02.2022) from its original text."""

import re
from dataclasses import dataclass
from pathlib import Path

SEED_FILE = Path(__file__).with_name("anfrage-herne-smart-city-index-2022-02-15.txt")
_QUESTION = re.compile(r"^(\d+)\.\s+(.*)$")


@dataclass(frozen=True)
class SeedInquiry:
    heading: str
    subject: str
    preamble: str
    questions: list[str]


def read_seed(path: Path = SEED_FILE) -> SeedInquiry:
    """Split the letter into heading, subject, preamble and numbered questions.

    Paragraphs of the preamble are separated by one blank line; the text of
    each question is kept exactly as written.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = subject = ""
    preamble: list[str] = []
    questions: list[str] = []
    for line in lines:
        stripped = line.strip()
        match = _QUESTION.match(stripped)
        if not heading:
            heading = stripped
        elif not subject and stripped.startswith("Betreff:"):
            subject = stripped.removeprefix("Betreff:").strip()
        elif match and int(match.group(1)) == len(questions) + 1:
            questions.append(match.group(2))
        elif subject and not questions:
            preamble.append(stripped)
    paragraphs = "\n".join(preamble).strip()
    paragraphs = re.sub(r"\n{2,}", "\n\n", paragraphs)
    return SeedInquiry(heading, subject, paragraphs, questions)
