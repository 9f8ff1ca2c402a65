"""Every URL pattern of a URL configuration, by name."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the route itself for an unnamed pattern
    route: str
    params: tuple[str, ...]
    callback: object = None  # the view function


def all_routes(urlconf=None) -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}{pattern.name}" if pattern.name else route
                params = tuple(pattern.pattern.regex.groupindex)
                routes.append(Route(name, route, params, pattern.callback))

    resolver = get_resolver(urlconf)
    walk(resolver.url_patterns, "", "")
    # Parameters of including resolvers (none so far) would be missed by
    # pattern.regex alone; the full route string is kept for the message.
    return routes
