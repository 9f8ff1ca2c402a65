"""Forms, one module per audience: ``councillor``, ``office``, ``department``, ``public``
and ``admin``; ``accessible`` ties error messages to their fields for screen readers."""
