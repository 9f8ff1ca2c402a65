"""The staff preview of a reply letter: rendered on demand, watermarked "Entwurf"."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from inquiries.reply.documents import draft_reply
from inquiries.views.access import get_inquiry_for


@login_required
def reply_preview(request, pk: int):
    """The letter as it would be released now; open questions are marked as such."""
    inquiry = get_inquiry_for(request.user, pk, "inquiries.preview_reply")
    filename, mimetype, pdf = draft_reply(inquiry)
    response = HttpResponse(pdf, content_type=mimetype)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    add_never_cache_headers(response)
    return response
