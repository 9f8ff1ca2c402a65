"""Requeue jobs of dead task workers; run it every few minutes (cron/systemd timer)."""

import time

from django.core.management.base import BaseCommand

from herne_portal.tasks import requeue_stale_tasks


class Command(BaseCommand):
    help = "Put jobs that have been 'running' longer than TASK_STALE_AFTER back in the queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after", type=int, default=None, help="seconds (default TASK_STALE_AFTER)"
        )
        parser.add_argument(
            "--every", type=int, default=0, help="repeat every N seconds instead of once"
        )

    def handle(self, *args, stale_after=None, every=0, **options):
        while True:
            count = requeue_stale_tasks(stale_after)
            self.stdout.write(f"{count} job(s) requeued")
            if not every:
                return
            time.sleep(every)
