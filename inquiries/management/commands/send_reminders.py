"""Remind departments of questions due soon or overdue (run daily from cron)."""

from django.core.management.base import BaseCommand

from inquiries.reminders import send_due_reminders, send_reminders


class Command(BaseCommand):
    help = "Email departments about questions due within a few days and overdue ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the job to the task worker instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            send_reminders.enqueue()
            self.stdout.write("Reminder job enqueued.")
            return
        count = send_due_reminders()
        self.stdout.write(f"{count} question(s) reminded.")
