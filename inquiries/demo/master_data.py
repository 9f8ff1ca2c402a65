"""The Herne demo's master data: departments, logins and roles, the council, meetings.

Everything is looked up by a natural key first and created only when missing,
so loading it twice changes nothing.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.utils import timezone

from inquiries.deadlines import default_submission_deadline, is_working_day
from inquiries.models import (
    Committee,
    Councillor,
    Department,
    Faction,
    LegislativeTerm,
    Meeting,
    StaffMembership,
)
from inquiries.permissions import OFFICE_GROUP


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    password: str


LOGINS = [
    Login("Ratsmitglied", "lars.wind", "demo-ratsmitglied"),
    Login("Büro des Rates", "buero.rat", "demo-buero"),
    Login("Sachbearbeitung", "sb.digital", "demo-sachbearbeitung"),
    Login("Fachbereichsleitung", "fbl.digital", "demo-fachbereichsleitung"),
    Login("Administration", "admin", "demo-admin"),
]
# Staff of the other answering departments, so that every routed question of
# the demo has someone to answer it. They share the clerk and head passwords.
OTHER_STAFF = {
    "FB 11": ("sb.organisation", "fbl.organisation"),
    "FB 01": ("sb.ob-buero", "fbl.ob-buero"),
    "FB 33": ("sb.buergerdienste", "fbl.buergerdienste"),
}

COMMITTEES = [
    ("Rat der Stadt Herne", "Rat", Committee.Kind.COUNCIL, 10),
    (
        "Ausschuss für Digitalisierung, Innovation und Modernisierung",
        "DIM",
        Committee.Kind.COMMITTEE,
        None,
    ),
    ("Haupt- und Personalausschuss", "HPA", Committee.Kind.COMMITTEE, None),
    ("Ausschuss für Umweltschutz", "AfU", Committee.Kind.COMMITTEE, None),
    ("Bezirksvertretung Herne-Mitte", "BV Mitte", Committee.Kind.DISTRICT, None),
]
COUNCIL_CHAMBER = "Ratssaal, Rathaus Herne, Friedrich-Ebert-Platz 2, 44623 Herne"

FACTIONS = [
    ("SPD-Fraktion", "SPD", Faction.Kind.FACTION),
    ("CDU-Fraktion", "CDU", Faction.Kind.FACTION),
    ("Fraktion Bündnis 90/Die Grünen", "GRÜNE", Faction.Kind.FACTION),
    ("Fraktion Die Linke", "LINKE", Faction.Kind.FACTION),
    ("FDP", "FDP", Faction.Kind.GROUP),
    ("Piratenpartei", "PIRATEN", Faction.Kind.INDIVIDUAL),
]

# (title, first name, last name, faction short name); all but Lars Wind are invented.
COUNCILLORS = [
    ("Stadtverordneter", "Lars", "Wind", "PIRATEN"),
    ("Stadtverordnete", "Petra", "Kaminski", "SPD"),
    ("Stadtverordneter", "Jürgen", "Oberhaus", "CDU"),
    ("Stadtverordnete", "Aylin", "Demir", "GRÜNE"),
    ("Stadtverordneter", "Michael", "Schäfer", "LINKE"),
    ("Stadtverordnete", "Sabine", "Groß", "FDP"),
]

DIRECTORATES = [
    ("Dez. I", "Dezernat I – Oberbürgermeister"),
    ("Dez. II", "Dezernat II – Finanzen, Personal und Digitalisierung"),
    ("Dez. III", "Dezernat III – Bildung, Kultur und Soziales"),
    ("Dez. IV", "Dezernat IV – Ordnung, Bürgerdienste und Gesundheit"),
    ("Dez. V", "Dezernat V – Planen, Bauen, Umwelt"),
]
DEPARTMENTS = [
    ("FB 01", "Büro des Oberbürgermeisters und Rat", "Dez. I", Department.Kind.DEPARTMENT),
    ("FB 02", "Kommunikation", "Dez. I", Department.Kind.STAFF_UNIT),
    ("FB 11", "Personal und Organisation", "Dez. II", Department.Kind.DEPARTMENT),
    ("FB 12", "Digitalisierung und Informationstechnik", "Dez. II", Department.Kind.DEPARTMENT),
    ("FB 20", "Finanzen", "Dez. II", Department.Kind.DEPARTMENT),
    ("FB 40", "Schule und Weiterbildung", "Dez. III", Department.Kind.DEPARTMENT),
    ("FB 41", "Kultur", "Dez. III", Department.Kind.DEPARTMENT),
    ("FB 50", "Soziales", "Dez. III", Department.Kind.DEPARTMENT),
    ("FB 51", "Kinder, Jugend und Familie", "Dez. III", Department.Kind.DEPARTMENT),
    ("FB 32", "Öffentliche Sicherheit und Ordnung", "Dez. IV", Department.Kind.DEPARTMENT),
    ("FB 33", "Bürgerdienste", "Dez. IV", Department.Kind.DEPARTMENT),
    ("FB 53", "Gesundheit", "Dez. IV", Department.Kind.DEPARTMENT),
    ("FB 61", "Stadtplanung und Stadterneuerung", "Dez. V", Department.Kind.DEPARTMENT),
    ("FB 66", "Tiefbau und Verkehr", "Dez. V", Department.Kind.DEPARTMENT),
    ("FB 67", "Umwelt und Stadtgrün", "Dez. V", Department.Kind.DEPARTMENT),
]

LEGISLATIVE_TERMS = [
    ("Wahlperiode 2020–2025", datetime.date(2020, 11, 1), datetime.date(2025, 10, 31)),
    ("Wahlperiode 2025–2030", datetime.date(2025, 11, 1), datetime.date(2030, 10, 31)),
]


def _ascii_address(address: str) -> str:
    """Demo addresses without umlauts: "jürgen.groß@…" becomes "juergen.gross@…"."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        address = address.lower().replace(umlaut, plain)
    return address


def berlin(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


class MasterData:
    def __init__(self, today: datetime.date | None = None):
        self.now = timezone.now()
        self.today = today or timezone.localdate()
        self.users: dict[str, User] = {}

    def users_and_roles(self):
        office_group, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
        for login in LOGINS:
            user, created = User.objects.get_or_create(
                username=login.username, defaults={"email": f"{login.username}@herne.example"}
            )
            if created:
                user.set_password(login.password)
                user.save()
            self.users[login.role] = user
        admin = self.users["Administration"]
        if not (admin.is_staff and admin.is_superuser):
            admin.is_staff = admin.is_superuser = True
            admin.save(update_fields=["is_staff", "is_superuser"])
        self.users["Büro des Rates"].groups.add(office_group)

        fb12 = Department.objects.get(code="FB 12")
        StaffMembership.objects.get_or_create(
            user=self.users["Sachbearbeitung"],
            department=fb12,
            defaults={"role": StaffMembership.Role.CLERK},
        )
        StaffMembership.objects.get_or_create(
            user=self.users["Fachbereichsleitung"],
            department=fb12,
            defaults={"role": StaffMembership.Role.HEAD},
        )
        self.department_staff = {
            "FB 12": (self.users["Sachbearbeitung"], self.users["Fachbereichsleitung"])
        }
        clerk_pw = next(x.password for x in LOGINS if x.role == "Sachbearbeitung")
        head_pw = next(x.password for x in LOGINS if x.role == "Fachbereichsleitung")
        for code, (clerk_name, head_name) in OTHER_STAFF.items():
            department = Department.objects.get(code=code)
            pair = []
            for name, password, role in (
                (clerk_name, clerk_pw, StaffMembership.Role.CLERK),
                (head_name, head_pw, StaffMembership.Role.HEAD),
            ):
                user, created = User.objects.get_or_create(
                    username=name, defaults={"email": f"{name}@herne.example"}
                )
                if created:
                    user.set_password(password)
                    user.save()
                StaffMembership.objects.get_or_create(
                    user=user, department=department, defaults={"role": role}
                )
                pair.append(user)
            self.department_staff[code] = tuple(pair)

    def council(self):
        for name, short, kind, days in COMMITTEES:
            Committee.objects.get_or_create(
                short_name=short,
                defaults={"name": name, "kind": kind, "submission_deadline_days": days},
            )
        for name, short, kind in FACTIONS:
            Faction.objects.get_or_create(short_name=short, defaults={"name": name, "kind": kind})
        factions = {f.short_name: f for f in Faction.objects.all()}
        council = Committee.objects.get(short_name="Rat")
        for title, first, last, faction in COUNCILLORS:
            councillor, _ = Councillor.objects.get_or_create(
                first_name=first,
                last_name=last,
                defaults={
                    "title": title,
                    "faction": factions[faction],
                    "email": _ascii_address(f"{first}.{last}@rat-herne.example"),
                },
            )
            councillor.committees.add(council)
        wind = Councillor.objects.get(first_name="Lars", last_name="Wind")
        wind.committees.add(Committee.objects.get(short_name="DIM"))
        if wind.user_id is None:
            wind.user = self.users["Ratsmitglied"]
            wind.save(update_fields=["user"])

    def legislative_terms(self):
        """The council's terms (Wahlperioden in NRW start on 1 November after the election)."""
        for name, start, end in LEGISLATIVE_TERMS:
            LegislativeTerm.objects.get_or_create(
                name=name, defaults={"start_date": start, "end_date": end}
            )

    def departments(self):
        for code, name in DIRECTORATES:
            Department.objects.get_or_create(
                code=code, defaults={"name": name, "kind": Department.Kind.DIRECTORATE}
            )
        parents = {d.code: d for d in Department.objects.filter(kind=Department.Kind.DIRECTORATE)}
        for code, name, parent, kind in DEPARTMENTS:
            Department.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "parent": parents[parent],
                    "kind": kind,
                    "email": f"{code.lower().replace(' ', '')}@herne.example",
                },
            )

    def _meeting(self, short_name, starts_at, location=COUNCIL_CHAMBER):
        committee = Committee.objects.get(short_name=short_name)
        meeting, _ = Meeting.objects.get_or_create(
            committee=committee,
            starts_at=starts_at,
            defaults={
                "location": location,
                "submission_deadline": default_submission_deadline(
                    starts_at, committee.submission_deadline_days
                ),
            },
        )
        return meeting

    def meetings(self):
        self.seed_meeting = self._meeting("Rat", berlin(2022, 2, 15, 16))
        self._meeting("DIM", berlin(2021, 11, 9, 16), "Raum 301, Rathaus Herne")
        # Upcoming meetings relative to today, so that one is always open for
        # new inquiries. Created only where a committee has none open.
        plan = [
            ("Rat", [21, 63]),
            ("DIM", [14, 56]),
            ("HPA", [28]),
            ("AfU", [35]),
            ("BV Mitte", [42]),
        ]
        for short, offsets in plan:
            open_meetings = Meeting.objects.open_for_inquiries(self.now).filter(
                committee__short_name=short
            )
            missing = len(offsets) - open_meetings.count()
            for offset in offsets[len(offsets) - missing :] if missing > 0 else []:
                day = self.today + datetime.timedelta(days=offset)
                # Councils meet on working days, and not on Christmas or New Year's Eve.
                while not is_working_day(day) or (day.month, day.day) in {(12, 24), (12, 31)}:
                    day += datetime.timedelta(days=1)
                self._meeting(short, berlin(day.year, day.month, day.day, 16))
        self.next_council = (
            Meeting.objects.open_for_inquiries(self.now)
            .filter(committee__short_name="Rat")
            .earliest("starts_at")
        )
        self.next_dim = (
            Meeting.objects.open_for_inquiries(self.now)
            .filter(committee__short_name="DIM")
            .earliest("starts_at")
        )
