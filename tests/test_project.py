"""The project is consistent: system checks clean, nothing loaded from other hosts."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


def test_system_checks_are_clean():
    out = StringIO()
    call_command("check", stdout=out, fail_level="WARNING")
    assert "no issues" in out.getvalue()


def test_templates_and_static_files_load_nothing_from_other_hosts():
    pattern = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.IGNORECASE)
    css_import = re.compile(r"""(@import|url\()\s*["']?(https?:)?//""", re.IGNORECASE)
    offenders = []
    for path in [*ROOT.joinpath("templates").rglob("*"), *ROOT.joinpath("static").rglob("*")]:
        if path.suffix in {".html", ".css", ".js", ".svg"}:
            text = path.read_text(encoding="utf-8")
            if pattern.search(text) or css_import.search(text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
