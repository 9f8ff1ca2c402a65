from django.core.management.base import BaseCommand

from inquiries.demo.load import load


class Command(BaseCommand):
    help = "Loads the Herne demo (idempotent) and prints the demo logins."

    def handle(self, *args, **options):
        logins = load()
        self.stdout.write("Demo-Zugänge:")
        for login in logins:
            self.stdout.write(f"{login.role}: {login.username} / {login.password}")
