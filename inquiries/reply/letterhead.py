"""The city's letterhead, read from ``settings.REPLY_LETTERHEAD`` (docs/configuration.md)."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Letterhead:
    city: str
    office: str
    unit: str
    address: tuple[str, ...]
    contact: tuple[str, ...]
    logo: Path | None
    signatory_name: str
    signatory_title: str

    @property
    def logo_url(self) -> str:
        return self.logo.as_uri() if self.logo else ""


def current_letterhead() -> Letterhead:
    data = settings.REPLY_LETTERHEAD
    logo = None
    if data.get("logo"):
        logo = Path(data["logo"])
        if not logo.is_absolute():
            logo = Path(settings.BASE_DIR) / logo
        if not logo.is_file():
            logo = None
    return Letterhead(
        city=data["city"],
        office=data.get("office", ""),
        unit=data.get("unit", ""),
        address=tuple(line.strip() for line in data.get("address", ()) if line.strip()),
        contact=tuple(line.strip() for line in data.get("contact", ()) if line.strip()),
        logo=logo,
        signatory_name=data.get("signatory_name", ""),
        signatory_title=data.get("signatory_title", ""),
    )
