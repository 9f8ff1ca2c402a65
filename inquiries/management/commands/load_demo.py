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
        try:
            for inquiry_id in Inquiry.objects.published().values_list("pk", flat=True):
                build_reply_document(inquiry_id)
        except OSError as error:  # WeasyPrint cannot load Pango on this machine
            self.stderr.write(
                "Die Antwortschreiben (PDF) konnten nicht erzeugt werden, weil Pango fehlt "
                f"({error}). Unter Debian/Ubuntu: apt install libpango-1.0-0 "
                "libpangoft2-1.0-0 libharfbuzz-subset0; danach make run erneut starten."
            )
        self.stdout.write("Demo-Zugänge:")
        for login in logins:
            self.stdout.write(f"{login.role}: {login.username} / {login.password}")
