"""City master data from ``data/cities.csv``: federal state, AGS, population, peers."""

from django.db import transaction
from django.utils.translation import gettext as _

from rankings.importing.files import ImportRefused, RowChecker, RowError, decode, records
from rankings.importing.writing import unique_slug
from rankings.models import City, FederalState

CITY_COLUMNS = ["city", "federal_state", "ags", "population", "peers"]


def import_cities(data: bytes, filename: str = "cities.csv") -> int:
    """Set federal state, AGS, population and peers of cities; returns how many changed."""
    text = decode(data, filename)
    errors: list[RowError] = []
    rows = []
    for row, values in records(text, filename, CITY_COLUMNS, errors):
        check = RowChecker(filename, row, errors)
        if values["federal_state"] and values["federal_state"] not in FederalState.values:
            check.fail("federal_state", _("Unknown federal state “%(value)s”.") % {
                "value": values["federal_state"]})  # fmt: skip
        if values["ags"] and not (values["ags"].isdigit() and len(values["ags"]) == 8):
            check.fail("ags", _("The AGS has eight digits."))
        population = check.integer(values, "population")
        peers = [name.strip() for name in values["peers"].split("|") if name.strip()]
        rows.append((values, population, peers))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
    changed = 0
    with transaction.atomic():
        taken = set(City.objects.values_list("slug", flat=True))
        cities = {city.name: city for city in City.objects.prefetch_related("peers")}
        for values, _population, _peers in rows:
            if values["city"] not in cities:
                city = City.objects.create(
                    name=values["city"], slug=unique_slug(values["city"], taken)
                )
                cities[city.name] = city
        for values, population, peers in rows:
            city = cities[values["city"]]
            new = (values["federal_state"], values["ags"], population)
            if (city.federal_state, city.ags, city.population) != new:
                city.federal_state, city.ags, city.population = new
                city.save(update_fields=["federal_state", "ags", "population"])
                changed += 1
            wanted = {cities[name].pk for name in peers if name in cities}
            if wanted != {peer.pk for peer in city.peers.all()}:
                city.peers.set(wanted)
                changed += 1
    return changed
