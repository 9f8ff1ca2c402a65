"""Demo data of the index: the shared Smart City Index files and the seed inquiry's context.

``load_rankings()`` is idempotent (the import changes nothing the second time).
"""

from pathlib import Path

from inquiries.demo.seed import read_seed
from inquiries.models import Inquiry
from rankings.importing.cities import import_cities
from rankings.importing.rows import EDITIONS_FILENAME
from rankings.importing.writing import ImportReport, import_rankings
from rankings.models import Area, City, Edition, InquiryContext

DATA_DIR = Path(__file__).with_name("data")
RANKINGS_FILE = DATA_DIR / "smart_city_index.csv"
EDITIONS_FILE = DATA_DIR / EDITIONS_FILENAME
CITIES_FILE = DATA_DIR / "cities.csv"

# The seed inquiry argues from Herne's ranks in 2021, in Verwaltung, beside its neighbours.
SEED_CONTEXT = {
    "edition": 2021,
    "cities": ["Herne", "Bochum", "Gelsenkirchen"],
    "areas": ["verwaltung"],
}


def load_rankings() -> ImportReport:
    report = import_rankings(
        RANKINGS_FILE.read_bytes(),
        EDITIONS_FILE.read_bytes(),
        filename=RANKINGS_FILE.name,
        editions_filename=EDITIONS_FILE.name,
    )
    import_cities_file()
    link_seed_inquiry()
    return report


def import_cities_file() -> int:
    """Federal states, AGS and peer cities of the cities in the index."""
    return import_cities(CITIES_FILE.read_bytes(), CITIES_FILE.name)


def link_seed_inquiry():
    inquiry = Inquiry.objects.filter(subject=read_seed().subject).order_by("pk").first()
    if inquiry is None:
        return None
    context, _created = InquiryContext.objects.get_or_create(
        inquiry=inquiry, defaults={"edition": Edition.objects.get(year=SEED_CONTEXT["edition"])}
    )
    if not context.cities.exists():
        context.cities.set(City.objects.filter(name__in=SEED_CONTEXT["cities"]))
        context.areas.set(Area.objects.filter(code__in=SEED_CONTEXT["areas"]))
    return context
