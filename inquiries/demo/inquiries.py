"""The Herne demo's inquiries, in every state, moved there by ``inquiries.workflow``.

They are written as the demo users would (submitted by their authors, registered
and routed by the office, answered and approved by the departments), so the
audit trail looks like real use. An inquiry that exists already is left alone.
"""

import datetime

from django.contrib.auth.models import User

from inquiries import workflow
from inquiries.demo.master_data import MasterData, berlin
from inquiries.demo.seed import read_seed
from inquiries.models import CoSignature, Councillor, Department, Inquiry, Question, Topic

DEMO_NOTE = "[Demo-Antwort: Dieser Text ist ein Beispiel für die Vorführung des Portals.]"

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
    for name, slug, subjects in TOPICS:
        topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        topic.inquiries.add(*Inquiry.objects.filter(subject__in=subjects))


class DemoInquiries:
    def __init__(self, master: MasterData):
        self.master = master

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
                confirmed_at=self.master.now,
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
        office = self.master.users["Büro des Rates"]
        questions = {q.number: q for q in inquiry.questions.all()}
        departments = {d.code: d for d in Department.objects.filter(code__in=routing.values())}
        for number, code in routing.items():
            workflow.route(questions[number], office, departments[code], now=at)
        step = datetime.timedelta(hours=3)
        for numbers, text in answers.items():
            first = questions[numbers[0]]
            first.refresh_from_db()
            clerk, head = self.master.department_staff[routing[numbers[0]]]
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
            "Wind", seed.subject, seed.preamble, seed.questions, self.master.seed_meeting
        )
        if inquiry is None:
            return
        author, office = self._actor_for(inquiry), self.master.users["Büro des Rates"]
        workflow.submit(inquiry, author, now=berlin(2022, 2, 1, 9, 12))
        workflow.register(
            inquiry, office, datetime.date(2022, 2, 14), now=berlin(2022, 2, 1, 14, 30)
        )
        self._answer_all(inquiry, SEED_ROUTING, SEED_ANSWERS, berlin(2022, 2, 2, 9))
        workflow.publish(inquiry, office, now=berlin(2022, 2, 14, 11))

    def other_inquiries(self):
        office = self.master.users["Büro des Rates"]
        now = self.master.now

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
            self.master.seed_meeting,
            cosigners=["Demir"],
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=berlin(2022, 2, 3, 11))
            workflow.register(
                inquiry, office, datetime.date(2022, 2, 14), now=berlin(2022, 2, 3, 15)
            )
            self._answer_all(
                inquiry,
                {1: "FB 12", 2: "FB 12"},
                {
                    (1,): "38 von 42 Schulen sind flächendeckend mit WLAN ausgestattet.",
                    (2,): "Bisher wurden 6.120 Endgeräte ausgegeben.",
                },
                berlin(2022, 2, 4, 9),
            )
            workflow.publish(inquiry, office, now=berlin(2022, 2, 14, 11, 30))

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
            self.master.next_council,
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
            self.master.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.master.next_council.starts_at.date(), now=now)
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
            self.master.next_dim,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.master.next_dim.starts_at.date(), now=now)
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
            self.master.next_council,
        )
        if inquiry:
            workflow.submit(inquiry, self._actor_for(inquiry), now=now)
            workflow.register(inquiry, office, self.master.next_council.starts_at.date(), now=now)
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
            self.master.next_council,
        )

        # Withdrawn by its author, kept on record.
        inquiry = self._inquiry(
            "Schäfer",
            "Öffnungszeiten der Bürgerbüros",
            "",
            ["Plant die Verwaltung längere Öffnungszeiten der Bürgerbüros am Samstag?"],
            self.master.next_council,
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
            self.master.next_council,
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
            self.master.next_council,
        )
        if inquiry:
            self._actor_for(inquiry)
            CoSignature.objects.create(
                inquiry=inquiry, councillor=Councillor.objects.get(last_name="Wind")
            )
