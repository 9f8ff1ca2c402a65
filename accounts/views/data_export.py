"""A user's own data as a JSON download (GDPR: right of access and portability)."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from accounts.personal_data import personal_data


@never_cache
@login_required
def my_data(request):
    payload = {
        "exported_at": timezone.now().isoformat(),
        **personal_data(request.user),
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"ratsportal-daten-{request.user.username}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
