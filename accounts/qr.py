"""QR codes drawn on the server as inline SVG (segno): nothing is loaded from elsewhere."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, title: str) -> SafeString:
    """An ``<svg>`` element for the page; dark modules on a white quiet zone."""
    code = segno.make(data, error="m")
    svg = code.svg_inline(
        scale=4, border=4, dark="#000", light="#fff", title=title, svgclass="qr-code", omitsize=True
    )
    # segno escapes the title; the modules are path data, never text from the input.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
