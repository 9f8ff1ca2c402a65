"""The background jobs of the reply letter: built by a worker, never in a reader's request."""

from django.core.cache import cache
from django_tasks import task

from herne_portal.tasks import enqueue_on_commit
from inquiries.reply.documents import build_reply_document, ensure_reply_file

# A reader's download that finds a missing file asks for a rebuild at most this often.
REQUEST_DEBOUNCE_SECONDS = 60


@task()
def build_reply(inquiry_id: int) -> int | None:
    """Build (or restore) the released reply of the current content; returns its version."""
    document = build_reply_document(inquiry_id)
    return document.version if document else None


@task()
def restore_reply(inquiry_id: int, version: int) -> None:
    """Rebuild the lost file of a released version from its stored content."""
    ensure_reply_file(inquiry_id, version)


def schedule_reply_build(inquiry) -> None:
    """Build the reply of ``inquiry`` once the current transaction commits.

    Called by the workflow when an inquiry becomes answered or is published and
    whenever an approved answer changes (a correction). Safe to call often: the
    job does nothing when the stored reply already matches the content.
    """
    enqueue_on_commit(build_reply, inquiry.pk)


def request_rebuild(inquiry_id: int, version: int | None = None) -> None:
    """Ask a worker for a missing or stale reply, at most once a minute per reply."""
    if not cache.add(f"reply-rebuild:{inquiry_id}:{version}", True, REQUEST_DEBOUNCE_SECONDS):
        return
    if version is None:
        enqueue_on_commit(build_reply, inquiry_id)
    else:
        enqueue_on_commit(restore_reply, inquiry_id, version)


def freshness_check_due(inquiry_id: int) -> bool:
    """Whether a download should compare the reply with the current content (once a minute)."""
    return cache.add(f"reply-checked:{inquiry_id}", True, REQUEST_DEBOUNCE_SECONDS)
