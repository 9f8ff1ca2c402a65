"""The Herne demo: master data, demo logins and inquiries in every state.

``load()`` is idempotent: everything is looked up by a natural key first and
created only when missing, so running it twice changes nothing.
"""

import datetime

from django.db import transaction

from inquiries.demo.inquiries import DemoInquiries, tag_topics
from inquiries.demo.master_data import LOGINS, Login, MasterData
from rankings.demo import load_rankings


@transaction.atomic
def load(today: datetime.date | None = None) -> list[Login]:
    master = MasterData(today)
    master.departments()
    master.users_and_roles()
    master.council()
    master.legislative_terms()
    master.meetings()
    inquiries = DemoInquiries(master)
    inquiries.seed_inquiry()
    inquiries.other_inquiries()
    inquiries.cosigned_draft()
    load_rankings()
    tag_topics()
    return LOGINS
