"""Colours, hatch patterns, display names and page sizes shared by every figure.

Category colours are fixed per category id, so a category looks the same in every chart,
filter and report. The twelve colours come from Paul Tol's bright/vibrant/light/dark
sets and Okabe-Ito, chosen so that any two stay at least 16 CIELAB units apart for normal,
protan, deutan and tritan vision (Machado 2009 simulation). Twelve colours cannot all
differ in greyscale, so bar charts also carry a hatch pattern per category, spread so that
categories of similar lightness get different patterns.
"""
from __future__ import annotations

from ..enrich.taxonomy import load_taxonomy
from ..enrich.vocab import VocabularyError
from .frames import CATEGORY_ORDER, UNKNOWN_TYPE

# Sized for an A4 page: 1000 x 560 px exported at scale 2 gives 2000 x 1120 px, i.e.
# 300 dpi at 16.9 cm wide (A4 text width with 2 cm margins is 17 cm). A 15 px font
# then prints at about 7 pt, the smallest size we want on paper.
WIDTH = 1000
HEIGHT = 560
PNG_SCALE = 2
FONT_FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif"
FONT_SIZE = 15
TEXT_COLOR = "#222222"
GRID_COLOR = "#E5E5E5"
OUTLINE_COLOR = "#333333"

# id: (colour, CIELAB lightness L*, hatch). Consecutive categories alternate dark and
# light so adjacent segments of a stacked bar separate even in greyscale.
_CATEGORY_STYLE: dict[str, tuple[str, int, str]] = {
    "monitoring_visit": ("#0077BB", 48, ""),
    "event": ("#E69F00", 71, "/"),
    "awareness": ("#332288", 22, ""),
    "cooperation": ("#99DDFF", 85, "x"),
    "agreement": ("#EE3377", 54, "."),
    "meeting": ("#F0E442", 89, "+"),
    "case": ("#663333", 28, "/"),
    "statement": ("#77AADD", 68, "-"),
    "publication": ("#AA3377", 42, "\\"),
    "humanitarian": ("#D55E00", 54, "|"),
    "institutional": ("#666633", 42, "x"),
    "other": ("#BBBBBB", 76, ""),
}
assert tuple(_CATEGORY_STYLE) == CATEGORY_ORDER

CATEGORY_COLORS: dict[str, str] = {cid: style[0] for cid, style in _CATEGORY_STYLE.items()}
CATEGORY_PATTERNS: dict[str, str] = {cid: style[2] for cid, style in _CATEGORY_STYLE.items()}
FALLBACK_COLOR = CATEGORY_COLORS["other"]

# Okabe-Ito, one per partner type of data/partners.toml; greys for the vague ones.
PARTNER_TYPE_COLORS: dict[str, str] = {
    "UN agency": "#0072B2",
    "international organisation": "#56B4E9",
    "foreign ombudsman/NHRI": "#009E73",
    "national state body": "#D55E00",
    "diplomatic mission": "#882255",  # Tol's wine: Okabe-Ito has no ninth hue
    "civil society": "#E69F00",
    "academic": "#CC79A7",
    "media": "#F0E442",
    "private sector": "#555555",
    "other": "#999999",
    UNKNOWN_TYPE: "#DDDDDD",
}
PARTNER_TYPE_PATTERNS: dict[str, str] = dict(zip(PARTNER_TYPE_COLORS, ("", "/", "x", "", "+", ".", "\\", "-", "+", "|", "/")))

# Sequential, light to dark (monotonic in greyscale): zero cells stay white.
HEATMAP_SCALE = [[0.0, "#FFFFFF"], [0.15, "#DEEBF7"], [0.5, "#6BAED6"], [1.0, "#08306B"]]
SINGLE_COLOR = "#0077BB"  # charts of one series (year over year, themes)

_FALLBACK_CATEGORY_LABELS = {
    "monitoring_visit": "Monitoring visit", "event": "Event", "awareness": "Awareness-raising",
    "cooperation": "International cooperation", "agreement": "Agreement", "meeting": "Meeting",
    "case": "Case", "statement": "Statement", "publication": "Publication",
    "humanitarian": "Humanitarian", "institutional": "Institutional", "other": "Other",
}


def _taxonomy_names() -> tuple[dict[str, str], dict[str, str]]:
    # Staff rename categories in data/taxonomy.toml; a broken file must not break charts.
    try:
        taxonomy = load_taxonomy()
    except (VocabularyError, OSError):
        return {}, {}
    return {c.id: c.name for c in taxonomy.categories}, {t.id: t.name for t in taxonomy.themes}


_CATEGORY_NAMES, THEME_LABELS = _taxonomy_names()
CATEGORY_LABELS: dict[str, str] = {cid: _CATEGORY_NAMES.get(cid) or name for cid, name in _FALLBACK_CATEGORY_LABELS.items()}


def category_color(cid: str) -> str:
    return CATEGORY_COLORS.get(cid, FALLBACK_COLOR)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(int(color[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def badge_colors(cid: str) -> tuple[str, str]:
    """(text, background) of a category's badge on screen: the category's own colour behind
    black or white text, whichever contrasts more (one of them always reaches 4.58:1, above
    WCAG AA's 4.5:1 for normal text). Figures keep their colour-blind palette as it is."""
    background = category_color(cid)
    text = max(("#000000", "#FFFFFF"), key=lambda t: contrast_ratio(t, background))
    return text, background


def category_pattern(cid: str) -> str:
    return CATEGORY_PATTERNS.get(cid, "")


def category_label(cid: str) -> str:
    return CATEGORY_LABELS.get(cid) or _humanise(cid)


def theme_label(tid: str) -> str:
    return THEME_LABELS.get(tid) or _humanise(tid)


def partner_type_color(ptype: str) -> str:
    return PARTNER_TYPE_COLORS.get(ptype, PARTNER_TYPE_COLORS[UNKNOWN_TYPE])


def hatch_color(fill: str) -> str:
    """Hatch lines that show on the fill: dark on light colours, white on dark ones."""
    red, green, blue = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    return "#222222" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#FFFFFF"


def _humanise(identifier: str) -> str:
    return identifier.replace("_", " ").strip().capitalize() or "(none)"
