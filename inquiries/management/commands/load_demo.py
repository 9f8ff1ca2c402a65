from django.core.management.base import BaseCommand

from inquiries.demo.load import load
from inquiries.models import Inquiry
from inquiries.reply.documents import build_reply_document


class Command(BaseCommand):
    help = "Loads the Herne demo (idempotent) and prints the demo logins."

    def handle(self, *args, **options):
        logins = load()
        # The reply letters of the published demo inquiries, built right here so
        # that a newcomer sees them at once (normally a worker builds them).
        for inquiry_id in Inquiry.objects.published().values_list("pk", flat=True):
            build_reply_document(inquiry_id)
        self.stdout.write("Demo-Zugänge:")
        for login in logins:
            self.stdout.write(f"{login.role}: {login.username} / {login.password}")
