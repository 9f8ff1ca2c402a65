"""The page shown by django-axes while a login is locked."""

import math

from django.conf import settings
from django.shortcuts import render


def locked_out(request, credentials, *args, **kwargs):
    """429 with a German explanation and the waiting time in minutes."""
    minutes = math.ceil(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)
