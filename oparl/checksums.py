"""SHA-512 of stored files, as OParl's ``File.sha512Checksum`` wants it.

The reply documents store only their SHA-256. The SHA-512 is computed from
the file once and kept in the cache under the document's SHA-256, so a new
file never gets an old checksum.
"""

import hashlib

from django.core.cache import cache

from inquiries.models import ReplyDocument


def sha512_of(document: ReplyDocument) -> str | None:
    """The SHA-512 (hex) of ``document.file``, or None when the file cannot be read."""
    key = f"oparl:sha512:{document._meta.label_lower}:{document.pk}:{document.sha256}"
    value: str | None = cache.get(key)
    if value is None:
        try:
            with document.file.open("rb") as handle:
                value = hashlib.file_digest(handle, "sha512").hexdigest()
        except (OSError, ValueError):
            return None
        cache.set(key, value, None)
    return value
