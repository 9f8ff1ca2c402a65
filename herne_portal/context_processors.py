from django.conf import settings


def portal(request):
    """Names of the city and its council, for the page header and footer."""
    return {
        "PORTAL_CITY_NAME": settings.PORTAL_CITY_NAME,
        "PORTAL_COUNCIL_NAME": settings.PORTAL_COUNCIL_NAME,
    }
