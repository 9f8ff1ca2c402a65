"""A harvesting client for the tests: walks the API from System as importers do.

Every object met on the way, embedded ones too, is validated against the
official OParl 1.1 JSON schemas (copied into ``oparl/schema/``) and
against the rules the specification text adds (``schema/README.md``).
"""

import datetime
import json
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "oparl" / "schema"
OPARL = "https://schema.oparl.org/1.1/"
BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "legislativeTermList",
    "agendaItem",
    "consultation",
    "file",
    "membership",
    "locationList",
)
LIST_FILTERS = ("created_since", "created_until", "modified_since", "modified_until", "limit")


def _schemas() -> dict[str, dict]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.json"))
    }


def registry() -> Registry:
    """All twelve schemas, keyed by their ``$id`` and by their file name."""
    resources = []
    for name, schema in _schemas().items():
        resource = Resource.from_contents(schema, default_specification=DRAFT7)
        for uri in (schema["$id"], f"{schema['$id']}.json", f"{OPARL}{name}.json", f"{name}.json"):
            resources.append((uri, resource))
    return Registry().with_resources(resources)


format_checker = FormatChecker()


@format_checker.checks("url")
def _is_url(value) -> bool:
    parts = urlparse(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    moment = datetime.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"{value} has no time zone")
    return True


VALIDATORS = {
    name: Draft7Validator(schema, registry=registry(), format_checker=format_checker)
    for name, schema in _schemas().items()
}


def type_name(obj: dict) -> str:
    assert obj["type"].startswith(OPARL), obj["type"]
    return obj["type"].removeprefix(OPARL)


def check_object(obj: dict) -> None:
    """Schema plus the rules of the specification text, for ``obj`` and what it embeds."""
    name = type_name(obj)
    errors = sorted(VALIDATORS[name].iter_errors(obj), key=str)
    assert not errors, f"{obj['id']}: {[e.message for e in errors]}"
    for embedded in embedded_objects(obj):
        assert "created" in embedded, embedded["id"]
        assert "modified" in embedded, embedded["id"]
        created = datetime.datetime.fromisoformat(embedded["created"])
        modified = datetime.datetime.fromisoformat(embedded["modified"])
        assert created.tzinfo, embedded["id"]
        assert modified.tzinfo, embedded["id"]
        assert created <= modified, embedded["id"]


def embedded_objects(value):
    """``value`` and every OParl object inside it."""
    if isinstance(value, dict):
        if isinstance(value.get("type"), str) and value["type"].startswith(OPARL):
            yield value
        for item in value.values():
            yield from embedded_objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from embedded_objects(item)


class Harvester:
    def __init__(self, client, query: str = ""):
        self.client = client
        self.query = query  # e.g. "limit=3": added to the first page of every list
        self.bodies: list[dict] = []
        self.lists: dict[str, list[dict]] = {}
        self.pages: dict[str, int] = {}
        self.raw: list[str] = []

    def get(self, url: str) -> dict:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        assert response["Content-Type"] == "application/json; charset=utf-8"
        text = response.content.decode("utf-8")
        self.raw.append(text)
        return json.loads(text)

    def walk(self) -> "Harvester":
        system = self.get("/oparl/v1/")
        check_object(system)
        assert type_name(system) == "System"
        self.system = system
        self.bodies = self.walk_list(system["body"], first_query="")
        for body in self.bodies:
            assert type_name(body) == "Body"
            for prop in BODY_LISTS:
                assert prop in body, f"Body has no {prop}"
                self.lists[prop] = self.walk_list(body[prop])
        return self

    def walk_list(self, url: str, first_query: str | None = None) -> list[dict]:
        query = self.query if first_query is None else first_query
        next_url = f"{url}?{query}" if query else url
        seen: list[dict] = []
        pages = 0
        while next_url:
            page = self.get(next_url)
            pages += 1
            assert set(page) >= {"data", "pagination", "links"}, next_url
            assert isinstance(page["data"], list)
            assert isinstance(page["pagination"], dict)
            for obj in page["data"]:
                check_object(obj)
            seen.extend(page["data"])
            following = page["links"].get("next")
            if following:
                assert page["data"], "a page with a next link must not be empty"
                _keeps_filters(next_url, following)
            next_url = following
        ids = [obj["id"] for obj in seen]
        assert len(ids) == len(set(ids)), f"{url} repeats objects"
        self.pages[url] = pages
        return seen

    def objects(self):
        """Every object met, embedded ones included, by id."""
        found: dict[str, dict] = {}
        for obj in [
            self.system,
            *self.bodies,
            *(o for items in self.lists.values() for o in items),
        ]:
            for item in embedded_objects(obj):
                found.setdefault(item["id"], item)
        return found


def _keeps_filters(url: str, following: str) -> None:
    from urllib.parse import parse_qs

    before, after = parse_qs(urlparse(url).query), parse_qs(urlparse(following).query)
    for name in LIST_FILTERS:
        assert before.get(name) == after.get(name), f"{name} lost in {following}"
