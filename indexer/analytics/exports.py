"""Files users open in Excel, Word and the browser: items and aggregate tables as CSV, XLSX
and JSON, figures as SVG and PNG.

Each format has one implementation returning bytes (what a web download sends); the path
variants write those bytes. Every text cell of a CSV or XLSX passes through `neutralise`,
so a value from a bulletin can never run as a spreadsheet formula.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import xlsxwriter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from . import palette
from .readable import ITEM_HEADERS, ExportInfo, about_rows, headers, item_values
from ..item import ITEM_FIELDS, Item


class ExportError(Exception):
    """A file could not be produced; `str()` says what to install or change."""


NO_BROWSER = "PNG/SVG export needs Chromium: apt-get install chromium"
NO_KALEIDO = "PNG/SVG export needs kaleido: pip install 'kaleido>=1.5,<2'"

# OWASP CSV injection: cells starting with these are formulas (or become one) in Excel,
# LibreOffice and Google Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ITEM_COLUMNS = tuple(name for name, _ in ITEM_HEADERS)  # the record fields, in the column order
_XLSX_CELL_MAX = 32_767  # characters; Excel refuses longer cells
_SHEET_NAME_MAX = 31
_SHEET_BAD_CHARS = re.compile(r"[\[\]:*?/\\]")
_WIDTH_MIN, _WIDTH_MAX, _WIDTH_SAMPLE = 8, 60, 200
assert set(ITEM_COLUMNS) == set(ITEM_FIELDS)


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula gets a leading apostrophe;
    numbers, dates and other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# --------------------------------------------------------------------------- items


def items_table(items: Iterable[Item]) -> pd.DataFrame:
    """The items as a table with the same columns as the item exports (for a workbook sheet)."""
    return pd.DataFrame([item_values(i) for i in items], columns=headers())


def items_csv_bytes(items: Iterable[Item]) -> bytes:
    """UTF-8 with a BOM (so Excel reads the accents), one header row, then one row per item
    in the order given. No block of notes above the header: every CSV reader takes the
    first row as the column names (what the export holds is in its file name, and in the
    workbook's About sheet)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers())
    for item in items:
        writer.writerow([_csv_cell(v) for v in item_values(item)])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else neutralise(value)


def items_xlsx_bytes(items: Iterable[Item], info: ExportInfo | None = None) -> bytes:
    """Sheet "Items": bold frozen header, set widths, dates as Excel dates; with `info`, a
    first sheet "About" states the query, filters, dates, item count and export time."""
    book = _Book()
    if info is not None:
        _write_sheet(book, "About", ["What", "Value"], (list(row) for row in about_rows(info)))
    _write_sheet(book, "Items", headers(), (item_values(item) for item in items))
    return book.saved()


def items_json_bytes(items: Iterable[Item]) -> bytes:
    """A JSON array of the contract records (`Item.to_dict`)."""
    records = [item.to_dict() for item in items]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def items_csv(items: Iterable[Item], path: str | os.PathLike[str]) -> Path:
    return _write(path, items_csv_bytes(items))


def items_xlsx(items: Iterable[Item], path: str | os.PathLike[str], info: ExportInfo | None = None) -> Path:
    return _write(path, items_xlsx_bytes(items, info))


def items_json(items: Iterable[Item], path: str | os.PathLike[str]) -> Path:
    return _write(path, items_json_bytes(items))


# --------------------------------------------------------------------------- aggregate tables


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """The table as written: a meaningful index (month, partner) becomes the first column;
    an unnamed row number (0..n, or what is left of it after filtering) does not."""
    if df.index.name is None and df.index.nlevels == 1 and pd.api.types.is_integer_dtype(df.index):
        flat = df.reset_index(drop=True)
    else:
        flat = df.reset_index(names=[n or "index" for n in df.index.names])
    flat.columns = [str(c) for c in flat.columns]
    return flat


def table_csv_bytes(df: pd.DataFrame) -> bytes:
    flat = _flat(df)
    text_columns = [c for c in flat.columns if not pd.api.types.is_numeric_dtype(flat[c])
                    and not pd.api.types.is_datetime64_any_dtype(flat[c])]
    for column in text_columns:
        flat[column] = flat[column].map(neutralise)
    flat.columns = [neutralise(c) for c in flat.columns]
    return flat.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def tables_xlsx_bytes(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """One sheet per table, named after its key (trimmed to 31 characters, made unique)."""
    book = _Book()
    for name, df in zip(sheet_names(list(tables)), tables.values()):
        flat = _flat(df)
        rows = ([_plain(v) for v in row] for row in flat.itertuples(index=False, name=None))
        _write_sheet(book, name, list(flat.columns), rows)
    if not tables:
        _write_sheet(book, "Empty", [], [])  # a workbook needs one sheet to open
    return book.saved()


def table_csv(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    return _write(path, table_csv_bytes(df))


def tables_xlsx(tables: Mapping[str, pd.DataFrame], path: str | os.PathLike[str]) -> Path:
    return _write(path, tables_xlsx_bytes(tables))


def sheet_names(names: Sequence[str]) -> list[str]:
    """Valid, distinct Excel sheet names: no []:*?/\\, at most 31 characters."""
    out: list[str] = []
    taken: set[str] = set()
    for raw in names:
        base = _SHEET_BAD_CHARS.sub("_", str(raw)).strip("' ") or "Sheet"
        name, n = base[:_SHEET_NAME_MAX], 1
        while name.casefold() in taken:  # Excel compares sheet names ignoring case
            n += 1
            suffix = f" ({n})"
            name = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.casefold())
        out.append(name)
    return out


def _plain(value: Any) -> Any:
    """A pandas/numpy cell as a value the workbook writes: None for missing, dates as dates."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value


# --------------------------------------------------------------------------- xlsx sheets


class _Book:
    """An XLSX workbook written with xlsxwriter in constant-memory mode: each row goes to
    disk as it is written (openpyxl's write-only mode took 1.8 CPU-s for 10k items, most
    of it building an XML element per cell; this takes a fraction of that)."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        # Text stays text: no formulas, links or numbers guessed from a bulletin's words.
        self.book = xlsxwriter.Workbook(self.buffer, {
            "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False, "tmpdir": tempfile.gettempdir()})
        self.bold = self.book.add_format({"bold": True})
        self.dates = {fmt: self.book.add_format({"num_format": fmt}) for fmt in ("yyyy-mm-dd", "yyyy-mm")}

    def saved(self) -> bytes:
        self.book.close()
        return self.buffer.getvalue()


def _write_sheet(book: _Book, title: str, header: list[str], rows: Iterable[list[Any]]) -> None:
    """A sheet streamed row by row; widths come from the first rows."""
    sheet = book.book.add_worksheet(title)
    sheet.freeze_panes(1, 0)
    rows = iter(rows)
    sample = list(islice(rows, _WIDTH_SAMPLE))
    for n, width in enumerate(_widths(header, sample)):
        sheet.set_column(n, n, width)
    for n, text in enumerate(header):
        sheet.write_string(0, n, _xlsx_text(text), book.bold)
    date_format = [book.dates["yyyy-mm" if h.casefold() == "month" else "yyyy-mm-dd"] for h in header]
    for r, row in enumerate(chain(sample, rows), start=1):
        for n, value in enumerate(row):
            _write_cell(sheet, r, n, value, date_format[n])


def _write_cell(sheet: Any, r: int, n: int, value: Any, date_format: Any) -> None:
    if isinstance(value, str):
        sheet.write_string(r, n, _xlsx_text(value))
    elif isinstance(value, datetime | date):
        sheet.write_datetime(r, n, value if isinstance(value, datetime) else datetime(value.year, value.month, value.day),
                             date_format)
    elif value is not None:
        sheet.write(r, n, value)


def _xlsx_text(text: str) -> str:
    # Control characters from PDF text are not allowed in the file's XML. A carriage return
    # becomes a line feed, the line break of a cell (XML readers did that to the CR that
    # openpyxl wrote raw; xlsxwriter would write it escaped, as "_x000D_").
    text = neutralise(ILLEGAL_CHARACTERS_RE.sub("", text)[:_XLSX_CELL_MAX])
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _widths(header: list[str], rows: list[list[Any]]) -> list[float]:
    """Column widths in characters: the longest of header and sampled cells, bounded."""
    widths = []
    for n, name in enumerate(header):
        longest = max([len(str(name))] + [_shown_length(row[n]) for row in rows])
        widths.append(float(min(max(longest + 2, _WIDTH_MIN), _WIDTH_MAX)))
    return widths


def _shown_length(value: Any) -> int:
    if isinstance(value, datetime | date):
        return 10
    return len(str(value)) if value is not None else 0


# --------------------------------------------------------------------------- figures


# kaleido's sync server takes one request at a time and its queue pairs answers with
# callers by order only: concurrent dashboard threads must take turns.
_RENDER_LOCK = threading.Lock()
_server = {"started": False}
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def figure_bytes(fig: go.Figure, fmt: str = "png", scale: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes, rendered by kaleido in headless Chromium.

    PNG defaults to scale 2 (2000 x 1120 px for our 1000 x 560 figures: 300 dpi at 17 cm)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"figure format must be png or svg, not {fmt!r}")
    kaleido = _kaleido()
    if not _browser_path():
        raise ExportError(NO_BROWSER)
    width = fig.layout.width or palette.WIDTH
    height = fig.layout.height or palette.HEIGHT
    scale = (scale or palette.PNG_SCALE) if fmt == "png" else 1
    with _RENDER_LOCK:
        data = _render(kaleido, fig, dict(format=fmt, width=width, height=height, scale=scale))
        _start_server(kaleido)
    return data


def figure_svg(fig: go.Figure, path: str | os.PathLike[str]) -> Path:
    return _write(path, figure_bytes(fig, "svg"))


def figure_png(fig: go.Figure, path: str | os.PathLike[str], scale: float = palette.PNG_SCALE) -> Path:
    return _write(path, figure_bytes(fig, "png", scale))


def _kaleido() -> Any:
    try:
        import kaleido
    except ImportError:
        raise ExportError(NO_KALEIDO) from None
    return kaleido


def _browser_path() -> str | None:
    """Where kaleido will find Chromium ($BROWSER_PATH, PATH, or its own download)."""
    try:
        from choreographer.browsers.chromium import Chromium

        return Chromium.find_browser(skip_local=False)
    except (ImportError, AttributeError, TypeError):  # the helper moved between releases; PATH still tells
        return os.environ.get("BROWSER_PATH") or next(filter(None, map(shutil.which, _BROWSERS)), None)


# kaleido 1.5 may run its script in the blank page a new tab starts on, before its own page has
# loaded (it takes the first script context Chromium reports): on a busy machine the first
# export of a browser then failed with this. The tab is loaded again after every render.
_PAGE_NOT_READY = "kaleido_scopes is not defined"


def _render(kaleido: Any, fig: go.Figure, opts: dict[str, Any]) -> bytes:
    """One render; once more when kaleido's page was not ready (the race above), which a
    user would otherwise see as a failed export and a second click would mend."""
    try:
        return _render_once(kaleido, fig, opts)
    except ExportError as exc:
        if _PAGE_NOT_READY not in str(exc.__cause__):
            raise
    return _render_once(kaleido, fig, opts)


def _render_once(kaleido: Any, fig: go.Figure, opts: dict[str, Any]) -> bytes:
    try:
        if not hasattr(kaleido, "calc_fig_sync"):
            return fig.to_image(**opts)
        if _server["started"]:
            return kaleido.calc_fig_sync(fig, opts=opts)
        # No MathJax: we print no formulas, and fetching it from its CDN stalls offline.
        return kaleido.calc_fig_sync(fig, opts=opts, kopts={"mathjax": False})
    except _browser_errors() as exc:
        raise ExportError(f"{NO_BROWSER} ({_first_line(exc)})") from exc
    except Exception as exc:  # kaleido reports page errors and timeouts with several types
        raise ExportError(f"figure export failed: {_first_line(exc)}") from exc


def _browser_errors() -> tuple[type[BaseException], ...]:
    try:
        from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError
    except ImportError:
        return ()
    return (ChromeNotFoundError, BrowserFailedError, BrowserClosedError)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _start_server(kaleido: Any) -> None:
    """After one export has proved the browser works, keep one running: later exports
    take about 0.15 s instead of about 2 s. Started only then because a server whose
    browser fails to start makes kaleido wait forever."""
    if _server["started"] or not hasattr(kaleido, "start_sync_server"):
        return  # kaleido before 1.1: every export starts its own browser
    try:
        kaleido.start_sync_server(silence_warnings=True, mathjax=False)
    except Exception:  # noqa: BLE001  speed-up only; one-shot exports keep working
        return
    _server["started"] = True


# --------------------------------------------------------------------------- files


def _write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write through a temporary file and rename, so a reader never sees half a file.
    (Not `tempfile.mkstemp`: its files are private, 0600; these follow the umask.)"""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        with open(temp, "xb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
