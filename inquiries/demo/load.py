"""The Herne demo: master data, demo logins and inquiries in every state.

``load()`` is idempotent: everything is looked up by a natural key first and
created only when missing, so running it twice changes nothing. Inquiries are
moved through their states by ``inquiries.workflow`` as the demo users, so the
audit trail looks like real use.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from inquiries import workflow
from inquiries.deadlines import default_submission_deadline, is_working_day
from inquiries.demo.seed import read_seed
from inquiries.models import (
    Committee,
    CoSignature,
    Councillor,
    Department,
    Faction,
    Inquiry,
    LegislativeTerm,
    Meeting,
    Question,
    StaffMembership,
)
from inquiries.permissions import OFFICE_GROUP
from rankings.demo import load_rankings

DEMO_NOTE = "[Demo-Antwort: Dieser Text ist ein Beispiel für die Vorführung des Portals.]"


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

SEED_ROUTING = {1: "FB 12", 2: "FB 11", 3: "FB 01", 4: "FB 12", 5: "FB 33"}
SEED_ANSWERS = {
    (1, 4): (
        "Die Fragen 1 und 4 werden gemeinsam beantwortet.\n\n"
        "Die Verwaltung erarbeitet eine Digitalisierungsstrategie mit einem Maßnahmenplan "
        "für die Themenbereiche des Smart City Index. Der erste Bericht wird dem DIM in "
        "seiner nächsten Sitzung vorgelegt. Eine zentrale Stelle für Digitalisierung wird "
        "im Fachbereich Digitalisierung und Informationstechnik eingerichtet."
    ),
    (2,): (
        "Schwächen bestehen vor allem beim Angebot digitaler Verwaltungsleistungen und bei "
        "der elektronischen Akte. Die Verwaltung priorisiert die meistgenutzten Leistungen."
    ),
    (3,): (
        "Ja. Die Stadt tauscht sich im Rahmen der Metropole Ruhr regelmäßig mit den "
        "Nachbarstädten aus, unter anderem mit Bochum und Gelsenkirchen."
    ),
    (5,): (
        "Die Stadt setzt die Leistungen nach dem Onlinezugangsgesetz schrittweise um; "
        "der Stand wird im Bericht zu Frage 1 dargestellt."
    ),
}


def _ascii_address(address: str) -> str:
    """Demo addresses without umlauts: "jürgen.groß@…" becomes "juergen.gross@…"."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        address = address.lower().replace(umlaut, plain)
    return address


def _berlin(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


class DemoLoader:
    def __init__(self, today: datetime.date | None = None):
        self.now = timezone.now()
        self.today = today or timezone.localdate()
        self.users: dict[str, User] = {}

    # --- master data -------------------------------------------------------
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
        self.seed_meeting = self._meeting("Rat", _berlin(2022, 2, 15, 16))
        self._meeting("DIM", _berlin(2021, 11, 9, 16), "Raum 301, Rathaus Herne")
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
                self._meeting(short, _berlin(day.year, day.month, day.day, 16))
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

    # --- inquiries ---------------------------------------------------------
    def _inquiry(self, author_last, subject, preamble, questions, meeting, cosigners=()):
        """Create a draft (or return None if the inquiry exists already)."""
        author = Councillor.objects.get(last_name=author_last)
        if Inquiry.objects.filter(author=author, subject=subject).exists():
            return None
        inquiry = Inquiry.objects.create(
            meeting=meeting, author=author, subject=subject, preamble=preamble
        )
        Question.objects.bulk_create(
            Question(inquiry=inquiry, number=n, text=text)
            for n, text in enumerate(questions, start=1)
        )
        for last in cosigners:
            CoSignature.objects.create(
                inquiry=inquiry,
                councillor=Councillor.objects.get(last_name=last),
                confirmed_at=self.now,
            )
        return inquiry

    def _actor_for(self, inquiry):
        return inquiry.author.user or self._ensure_login(inquiry.author)

    def _ensure_login(self, councillor):
        username = f"{councillor.first_name}.{councillor.last_name}".lower()
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save()
        councillor.user = user
        councillor.save(update_fields=["user"])
        return user

    def _answer_all(self, inquiry, routing, answers, at, review_only=frozenset()):
        """Route, draft, review and approve; questions in ``review_only`` stop in review."""
        office = self.users["Büro des Rates"]
        questions = {q.number: q for q in inquiry.questions.all()}
        departments = {d.code: d for d in Department.objects.filter(code__in=routing.values())}
        for number, code in routing.items():
            workflow.route(questions[number], office, departments[code], now=at)
        step = datetime.timedelta(hours=3)
        for numbers, text in answers.items():
            first = questions[numbers[0]]
            first.refresh_from_db()
            clerk, head = self.department_staff[routing[numbers[0]]]
            workflow.draft_answer(
                first,
                clerk,
                f"{text}\n\n{DEMO_NOTE}",
                also=[questions[n] for n in numbers[1:]],
                now=at + step,
            )
            # A grouped answer is sent and approved once, for all of its questions.
            workflow.send_for_review(first, clerk, now=at + 2 * step)
            if not review_only.intersection(numbers):
                workflow.approve(first, head, now=at + 3 * step)

    def seed_inquiry(self):
        seed = read_seed()
        inquiry = self._inquiry(
            "Wind", seed.subject, seed.preamble, seed.questions, self.seed_meeting
        )
        if inquiry is None:
            return
        author, office = self._actor_for(inquiry), self.users["Büro des Rates"]
        workflow.submit(inquiry, author, now=_berlin(2022, 2, 1, 9, 12))
        workflow.register(
            inquiry, office, datetime.date(2022, 2, 14), now=_berlin(2022, 2, 1, 14, 30)
        )
        self._answer_all(inquiry, SEED_ROUTING, SEED_ANSWERS, _berlin(2022, 2, 2, 9))
        workflow.publish(inquiry, office, now=_berlin(2022, 2, 14, 11))

    def other_inquiries(self):
        office = self.users["Büro des Rates"]
        now = self.now

        # Published, co-signed, answered by two departments.
        inquiry = self._inquiry(
            "Kaminski",
            "WLAN und digitale Endgeräte an Herner Schulen",
            "Der Digitalpakt Schule stellt Mittel für die Ausstattung der Schulen bereit.\n\n"
            "Vor diesem Hintergrund frage ich die Verwaltung:",
            [
                "Wie viele Herner Schulen verfügen über flächendeckendes WLAN?",
                "Wie viele Endgeräte wurden bisher an Schülerinnen und Schüler ausgegeben?",
            ],
            self.seed_meeting,
            cosigners=["Demir"],
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=_berlin(2022, 2, 3, 11))
            workflow.register(
                inquiry, office, datetime.date(2022, 2, 14), now=_berlin(2022, 2, 3, 15)
            )
            self._answer_all(
                inquiry,
                {1: "FB 12", 2: "FB 12"},
                {
                    (1,): "38 von 42 Schulen sind flächendeckend mit WLAN ausgestattet.",
                    (2,): "Bisher wurden 6.120 Endgeräte ausgegeben.",
                },
                _berlin(2022, 2, 4, 9),
            )
            workflow.publish(inquiry, office, now=_berlin(2022, 2, 14, 11, 30))

        # Submitted, waiting for the council office.
        inquiry = self._inquiry(
            "Wind",
            "Stand der Umsetzung des Onlinezugangsgesetzes",
            "Die Verwaltung hat 2022 mitgeteilt, die Leistungen nach dem OZG schrittweise "
            "digital anzubieten.",
            [
                "Wie viele Verwaltungsleistungen der Stadt Herne sind heute vollständig "
                "digital beantragbar?",
                "Welche Leistungen sollen in den nächsten zwölf Monaten folgen?",
                "Wie hoch ist der Anteil der digital gestellten Anträge bei den fünf "
                "meistgenutzten Leistungen?",
            ],
            self.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)

        # Registered and routed, the departments are at work.
        inquiry = self._inquiry(
            "Oberhaus",
            "Tablets für die Ratsarbeit",
            "Viele Kommunen stellen ihren Ratsmitgliedern Tablets für die papierlose "
            "Ratsarbeit zur Verfügung.",
            [
                "Welche Kosten entstehen der Stadt heute für den Versand von Sitzungsunterlagen?",
                "Plant die Verwaltung, Ratsmitgliedern Tablets zur Verfügung zu stellen?",
            ],
            self.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.next_council.starts_at.date(), now=now)
            questions = list(inquiry.questions.order_by("number"))
            workflow.route(questions[0], office, Department.objects.get(code="FB 01"), now=now)
            workflow.route(questions[1], office, Department.objects.get(code="FB 12"), now=now)

        # One answer waits for the head of department.
        inquiry = self._inquiry(
            "Demir",
            "Offene Daten der Stadt Herne",
            "Offene Verwaltungsdaten ermöglichen Transparenz und neue Anwendungen.",
            [
                "Welche Datensätze veröffentlicht die Stadt bereits als offene Daten?",
                "Plant die Stadt ein eigenes Open-Data-Portal?",
            ],
            self.next_dim,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.next_dim.starts_at.date(), now=now)
            self._answer_all(
                inquiry,
                {1: "FB 12", 2: "FB 12"},
                {
                    (1,): "Die Stadt veröffentlicht Haushaltsdaten und Haltestellen des ÖPNV.",
                    (2,): "Ein Portal ist in Vorbereitung.",
                },
                now,
                review_only={2},
            )

        # Answered and approved, waiting for the office to publish it.
        inquiry = self._inquiry(
            "Kaminski",
            "Barrierefreiheit der städtischen Website",
            "Öffentliche Stellen müssen ihre Websites barrierefrei gestalten (BITV 2.0).",
            ["Wann wurde die Website der Stadt zuletzt auf Barrierefreiheit geprüft?"],
            self.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.next_council.starts_at.date(), now=now)
            self._answer_all(
                inquiry,
                {1: "FB 12"},
                {(1,): "Die letzte Prüfung fand im Frühjahr statt; der Bericht ist online."},
                now,
            )

        # A draft of the demo councillor.
        self._inquiry(
            "Wind",
            "Glasfaserausbau in Wanne-Eickel",
            "Der Ausbau von Glasfaseranschlüssen kommt in einigen Stadtteilen nur langsam voran.",
            ["Wie viele Haushalte in Wanne-Eickel haben heute einen Glasfaseranschluss?"],
            self.next_council,
        )

        # Withdrawn by its author, kept on record.
        inquiry = self._inquiry(
            "Schäfer",
            "Öffnungszeiten der Bürgerbüros",
            "",
            ["Plant die Verwaltung längere Öffnungszeiten der Bürgerbüros am Samstag?"],
            self.next_council,
        )
        if inquiry:
            actor = self._actor_for(inquiry)
            workflow.submit(inquiry, actor, now=now)
            workflow.withdraw(inquiry, actor, "Die Frage wurde im Ausschuss geklärt.", now=now)

        # Rejected by the office, with the reason the author sees.
        inquiry = self._inquiry(
            "Groß",
            "Parkgebühren in der Innenstadt",
            "",
            ["Wie haben sich die Einnahmen aus Parkgebühren entwickelt?"],
            self.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.reject(
                inquiry,
                office,
                "Die Frage wurde vor drei Monaten im Haupt- und Personalausschuss beantwortet.",
                now=now,
            )

    def cosigned_draft(self):
        """A draft of Petra Kaminski that waits for the demo councillor to co-sign it."""
        inquiry = self._inquiry(
            "Kaminski",
            "Digitale Sitzungsunterlagen für die Bezirksvertretungen",
            "Der Rat arbeitet bereits mit digitalen Sitzungsunterlagen. In den "
            "Bezirksvertretungen werden die Unterlagen weiterhin auf Papier verschickt.\n\n"
            "Wir fragen die Verwaltung:",
            [
                "Wann erhalten die Mitglieder der Bezirksvertretungen ihre Unterlagen digital?",
                "Welche Einsparungen an Papier und Porto erwartet die Verwaltung?",
            ],
            self.next_council,
        )
        if inquiry:
            self._actor_for(inquiry)
            CoSignature.objects.create(
                inquiry=inquiry, councillor=Councillor.objects.get(last_name="Wind")
            )


# (name, slug, subjects of demo inquiries tagged with it)
TOPICS = [
    (
        "Digitalisierung",
        "digitalisierung",
        [
            "Ergebnis der Stadt Herne beim Smart City Index",
            "WLAN und digitale Endgeräte an Herner Schulen",
        ],
    ),
    ("Smart City", "smart-city", ["Ergebnis der Stadt Herne beim Smart City Index"]),
    ("Schule und Bildung", "schule-und-bildung", ["WLAN und digitale Endgeräte an Herner Schulen"]),
    ("Verwaltung", "verwaltung", ["Ergebnis der Stadt Herne beim Smart City Index"]),
]


def tag_topics():
    """Topics for the public portal, tagged on the demo inquiries (idempotent)."""
    from inquiries.models import Topic

    for name, slug, subjects in TOPICS:
        topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        topic.inquiries.add(*Inquiry.objects.filter(subject__in=subjects))


@transaction.atomic
def load(today: datetime.date | None = None) -> list[Login]:
    loader = DemoLoader(today)
    loader.departments()
    loader.users_and_roles()
    loader.council()
    loader.legislative_terms()
    loader.meetings()
    loader.seed_inquiry()
    loader.other_inquiries()
    loader.cosigned_draft()
    load_rankings()
    tag_topics()
    return LOGINS
