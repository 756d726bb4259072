"""Every component id of the dashboard, in one place (callbacks and tests import them)."""
from __future__ import annotations

URL = "url"
PUSHED = "pushed-search"  # the query string the controls last wrote (tells our own writes from navigation)
URL_RULES = "url-rules"  # what the browser needs to write the URL as state.py does

NOTICES = "notices"
VIEW_TABS = "view-tabs"
QUERY = "query"
QUERY_HELP_BUTTON = "query-help-button"
QUERY_HELP = "query-help"
SORT = "sort"
DATE_FROM = "date-from"
DATE_TO = "date-to"
CLEAR_ALL = "clear-all"
FILTERS_OPEN = "filters-open"  # the phone's filter drawer
FILTERS_CLOSE = "filters-close"
DATE_PRESETS = "date-presets"
HISTOGRAM = "date-histogram"  # items per month of the results, an SVG image
DATE_RANGE = "date-range"  # the slider under it: two handles, whole months
HISTOGRAM_MONTHS = "histogram-months"  # {"first": "2020-03", "n": 58}: the slider's months
CHIPS = "chips"  # the active filters, each removable, above the results

SIDEBAR = "sidebar"
FACETS = "facets"
FACET = "facet"  # pattern-matching type: {"type": FACET, "facet": name, "group": str}

SEARCH_VIEW = "search-view"
STATUS = "status"
RESULTS = "results"
RESULT_MESSAGE = "result-message"  # no results, or why a query cannot be answered
RESULT_LIST = "result-list"  # the cards, drawn in the browser from its data-hits (assets/25-results.js)
PAGER = "pager"

ITEM_VIEW = "item-view"
ITEM = "item"

TRENDS_VIEW = "trends-view"
KEY_NUMBERS = "key-numbers"
TRENDS_GRID = "trends-grid"  # the figures' cards, mounted the first time Trends is shown
TRENDS_MOUNTED = "trends-mounted"
TRENDS_DRAWN = "trends-drawn"  # the trends_key of the figures on screen
GRAPH = "graph"  # pattern-matching type: {"type": GRAPH, "figure": name}
SUBTITLE = "figure-subtitle"  # pattern-matching type: {"type": SUBTITLE, "figure": name}
NARROW = "narrow"  # true on a phone-sized window (figures tighten their type)
FIGURE_EXPORT = "figure-export"  # pattern-matching type: {"type": ..., "figure": name, "fmt": "svg"|"png"}

EXPORT_CSV = "export-csv"
EXPORT_XLSX = "export-xlsx"
REPORT_YEAR = "report-year"
REPORT_BUTTON = "report-button"
REPORT_NOTE = "report-note"
DOWNLOAD = "download"
EXPORT_STATUS = "export-status"


def facet_card(facet: str) -> str:
    """The plain id of a facet's card (for tests and styles)."""
    return f"facet-card-{facet}"
