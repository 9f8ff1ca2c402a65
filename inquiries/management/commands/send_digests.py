from django.core.management.base import BaseCommand

from inquiries.following.digests import send_digests


class Command(BaseCommand):
    help = "Enqueues the daily email digest for subscribers (run once a day, e.g. from cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Send right here instead of through the queue."
        )

    def handle(self, *args, **options):
        if options["now"]:
            sent = send_digests.call()
            self.stdout.write(f"{sent} digest(s) sent.")
        else:
            result = send_digests.enqueue()
            self.stdout.write(f"Digest job enqueued: {result.id}")
