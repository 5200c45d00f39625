"""The Unicode font embedded in the brief (DejaVu Sans, shipped in dashboard/resources/fonts)."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dashboard import RESOURCES

FONT_DIR = RESOURCES / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


def register_fonts() -> None:
    """Register the faces once per process; reportlab embeds the glyphs a PDF uses."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    # Paragraph markup <b> and <i> then pick the right face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
