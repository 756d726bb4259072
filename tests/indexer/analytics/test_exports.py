"""Exports: CSV/XLSX/JSON of items and tables that open cleanly and cannot run formulas,
and figures as SVG/PNG through kaleido (those need Chromium)."""
from __future__ import annotations

import io
import json
import os
import struct
import xml.etree.ElementTree as ET
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from indexer.analytics import exports, figures, frames
from indexer.analytics.exports import ExportError, neutralise
from indexer.analytics.readable import ExportInfo, about_rows, file_name, headers
from indexer.item import Item

MALICIOUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd"]


def make_item(n: int, day: date, **fields) -> Item:
    start = day.replace(day=1)
    base = dict(id=f"i{n}", source="2024-01.txt", period_start=start, period_end=date(day.year, day.month, 28),
                date=day, date_precision="day", title=f"Title {n}", body="Body, with \"quotes\"\nand lines.",
                category="event", themes=("children", "women"), partners=("UNICEF",), places=("Baku",),
                people=("Sabina Aliyeva",), links=("https://ombudsman.az/x",))
    return Item(**{**base, **fields})


@pytest.fixture(scope="module")
def items() -> list[Item]:
    plain = [make_item(1, date(2024, 1, 5), title="Visit to Ganja – ə, ş, ğ"),
             make_item(2, date(2024, 2, 10), date_precision="month", category="monitoring_visit")]
    hostile = [make_item(10 + n, date(2024, 3, 1 + n), title=text, partners=(text,), body=text)
               for n, text in enumerate(MALICIOUS)]
    return plain + hostile


def inert_in_xlsx(texts: list[str]) -> list[str]:
    # XML turns a carriage return into a line feed on reading; the apostrophe is what counts.
    return ["'" + text.replace("\r", "\n") for text in texts]


# --------------------------------------------------------------------------- neutralise


@pytest.mark.parametrize("value", MALICIOUS)
def test_neutralise_prefixes_formula_starts(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Visit", "", " =1", "a=b", 5, -3, 2.5, date(2024, 1, 1), None])
def test_neutralise_leaves_everything_else(value):
    assert neutralise(value) is value or neutralise(value) == value


# --------------------------------------------------------------------------- items


def test_items_csv_has_bom_and_round_trips_through_pandas(items, tmp_path):
    path = exports.items_csv(items, tmp_path / "items.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data == exports.items_csv_bytes(items)
    table = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(table.columns) == headers() and len(table) == len(items)
    first = table.iloc[0]
    assert first["Title"] == "Visit to Ganja – ə, ş, ğ"
    assert first["Themes"] == "Children; Women" and first["Date"] == "2024-01-05"
    assert first["Text"] == items[0].body and first["Bulletin file"] == "2024-01.txt"
    assert table.iloc[1]["Date from"] == "the bulletin's period"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_written_files_follow_the_umask(items, tmp_path):
    old = os.umask(0o022)
    try:
        path = exports.items_json(items, tmp_path / "items.json")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644  # readable by a web server, unlike mkstemp's 0600


def test_items_csv_cells_cannot_run_formulas(items):
    table = pd.read_csv(io.BytesIO(exports.items_csv_bytes(items)), encoding="utf-8-sig", dtype=str)
    for column in ("Title", "Partners", "Text"):
        hostile = table[column].iloc[2:].tolist()
        assert hostile == ["'" + text for text in MALICIOUS]


def test_items_xlsx_opens_with_header_dates_and_frozen_row(items, tmp_path):
    path = exports.items_xlsx(items, tmp_path / "items.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Items"]
    sheet = book["Items"]
    header = [cell.value for cell in sheet[1]]
    assert header == headers()
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == len(items) + 1
    for name in ("Date", "Bulletin from", "Bulletin to"):
        cell = sheet.cell(row=2, column=header.index(name) + 1)
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert sheet.cell(row=2, column=header.index("Date") + 1).value == datetime(2024, 1, 5)
    assert sheet.cell(row=3, column=header.index("Category") + 1).value == "Monitoring visit"
    assert sheet.column_dimensions["B"].width > 8  # title column sized to its text


def test_items_xlsx_cells_cannot_run_formulas(items):
    sheet = openpyxl.load_workbook(io.BytesIO(exports.items_xlsx_bytes(items)))["Items"]
    header = [cell.value for cell in sheet[1]]
    for column in ("Title", "Partners", "Text"):
        values = [row[header.index(column)] for row in sheet.iter_rows(min_row=4, values_only=True)]
        assert values == inert_in_xlsx(MALICIOUS)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_items_xlsx_survives_control_characters_from_pdfs():
    item = make_item(1, date(2024, 1, 5), body="page\x0cbreak\x00 and \x07bell")
    sheet = openpyxl.load_workbook(io.BytesIO(exports.items_xlsx_bytes([item])))["Items"]
    assert sheet.cell(row=2, column=len(headers())).value == "pagebreak and bell"


def test_items_json_is_the_contract_records(items, tmp_path):
    path = exports.items_json(items, tmp_path / "items.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    assert records == [item.to_dict() for item in items]
    assert [Item.from_dict(r) for r in records] == items


def test_items_xlsx_opens_on_a_sheet_saying_what_it_holds(items):
    info = ExportInfo(count=len(items), query="visit", filters={"category": ("monitoring_visit",), "partner": ("ICRC",)},
                      date_from=date(2024, 1, 1), date_to=date(2024, 12, 31), sort="newest",
                      made=datetime(2026, 3, 4, 5, 6), notice="GENERATED SAMPLE DATA")
    book = openpyxl.load_workbook(io.BytesIO(exports.items_xlsx_bytes(items, info)))
    assert book.sheetnames == ["About", "Items"]
    about = dict(list(book["About"].iter_rows(values_only=True))[1:])
    assert about == {"Exported from": "Bulletin Explorer", "Query": "visit", "Category": "Monitoring visit",
                     "Partner": "ICRC", "Dates": "2024-01-01 to 2024-12-31", "Items": str(len(items)),
                     "Order": "newest first", "Exported on": "2026-03-04 05:06 UTC", "Note": "GENERATED SAMPLE DATA"}
    assert dict(about_rows(ExportInfo(count=3)))["Query"] == "(none: every item)"


@pytest.mark.parametrize("info, name", [
    (ExportInfo(count=1, filters={"partner": ("ICRC",)}, date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)),
     "bulletins-icrc-2024.xlsx"),
    (ExportInfo(count=1, filters={"year": ("2024",), "partner": ("ICRC",)}), "bulletins-icrc-2024.xlsx"),
    (ExportInfo(count=1, query='"plane crash" OR Gəncə/../*', filters={"category": ("monitoring_visit",)}),
     "bulletins-plane-crash-or-gence-monitoring-visit.xlsx"),
    (ExportInfo(count=1, date_from=date(2023, 3, 5)), "bulletins-20230305.xlsx"),
    (ExportInfo(count=1), "bulletins-all.xlsx"),
    (ExportInfo(count=1, query="x" * 200), "bulletins-" + "x" * 50 + ".xlsx"),
])
def test_export_files_are_named_by_what_they_hold_in_safe_characters(info, name):
    assert file_name(info, "xlsx") == name


# --------------------------------------------------------------------------- aggregate tables


@pytest.fixture(scope="module")
def fr(items) -> frames.Frames:
    return frames.frames_from_items(items, {"UNICEF": "UN agency"})


def test_table_csv_writes_a_meaningful_index_as_a_column(fr, tmp_path):
    path = exports.table_csv(frames.month_by_category(fr), tmp_path / "months.csv")
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert list(table.columns) == ["month", "monitoring_visit", "event"]
    assert table["month"].tolist() == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert table.drop(columns="month").sum(axis=1).tolist() == [1, 1, len(MALICIOUS)]
    by_year = pd.read_csv(io.BytesIO(exports.table_csv_bytes(frames.year_over_year(fr))), encoding="utf-8-sig")
    assert list(by_year.columns) == ["year", "count", "change", "change_pct"]  # no 0..n index column
    busy = frames.by_partner(fr).query("count > 0").iloc[1:]
    assert list(pd.read_csv(io.BytesIO(exports.table_csv_bytes(busy)), encoding="utf-8-sig").columns) == \
        ["partner", "partner_type", "count"]


def test_table_csv_neutralises_text_cells(fr):
    table = pd.read_csv(io.BytesIO(exports.table_csv_bytes(frames.by_partner(fr))), encoding="utf-8-sig")
    hostile = set(table["partner"]) - {"UNICEF"}
    assert hostile == {"'" + text for text in MALICIOUS}


def test_tables_xlsx_writes_one_sheet_per_table(fr, tmp_path):
    long_name = "Items by month and category for the annual report"
    tables = {long_name: frames.month_by_category(fr), long_name + " (copy)": frames.by_month(fr),
              "partners": frames.by_partner(fr), "year/over:year?": frames.year_over_year(fr)}
    book = openpyxl.load_workbook(exports.tables_xlsx(tables, tmp_path / "tables.xlsx"))
    assert book.sheetnames == [long_name[:31], long_name[:27] + " (2)", "partners", "year_over_year_"]
    months = book[book.sheetnames[0]]
    assert [c.value for c in months[1]][:1] == ["month"] and all(c.font.b for c in months[1])
    assert months.freeze_panes == "A2" and months.max_row == 4
    assert months["A2"].is_date and months["A2"].value == datetime(2024, 1, 1)
    partners = [row[0] for row in book["partners"].iter_rows(min_row=2, values_only=True)]
    assert set(partners) - {"UNICEF"} == set(inert_in_xlsx(MALICIOUS))
    years = list(book["year_over_year_"].iter_rows(min_row=2, values_only=True))
    assert years == [(2024, len(MALICIOUS) + 2, None, None)]


def test_sheet_names_are_valid_and_distinct():
    names = exports.sheet_names(["a" * 40, "A" * 40, "x[1]", "", "Data", "data"])
    assert names == ["a" * 31, "A" * 27 + " (2)", "x_1_", "Sheet", "Data", "data (2)"]


def test_an_empty_workbook_still_opens(tmp_path):
    book = openpyxl.load_workbook(exports.tables_xlsx({}, tmp_path / "empty.xlsx"))
    assert book.sheetnames == ["Empty"]


# --------------------------------------------------------------------------- figures


@pytest.fixture(scope="module")
def figure(fr):
    return figures.activity_by_month(frames.month_by_category(fr), title="Activity <b>2024</b> & after")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_svg_export_is_valid_svg_with_the_title(chromium, figure, tmp_path):
    path = exports.figure_svg(figure, tmp_path / "activity.svg")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = ["".join(el.itertext()) for el in root.iter() if el.tag.endswith("}text")]
    assert "Activity <b>2024</b> & after" in texts  # markup in the title shown literally


def test_png_export_is_300_dpi_at_a4_width(chromium, figure, tmp_path):
    path = exports.figure_png(figure, tmp_path / "activity.png")
    assert png_size(path.read_bytes()) == (2000, 1120)
    assert png_size(exports.figure_bytes(figure, "png", scale=1)) == (1000, 560)


def test_export_without_a_browser_says_what_to_install(monkeypatch, figure):
    monkeypatch.setattr(exports, "_browser_path", lambda: None)
    with pytest.raises(ExportError, match="apt-get install chromium"):
        exports.figure_bytes(figure, "png")


class _RacingKaleido:
    """kaleido whose first renders fail as kaleido 1.5 does when its page was not ready."""

    def __init__(self, failures: int) -> None:
        self.failures, self.calls = failures, 0

    def calc_fig_sync(self, fig, opts=None, kopts=None):
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("{'result': {'className': 'ReferenceError', 'description': "
                               "'ReferenceError: kaleido_scopes is not defined'}}")
        return b"<svg/>"


@pytest.mark.parametrize("failures, answered", [(1, True), (2, False)])
def test_an_export_is_tried_again_once_when_kaleidos_page_was_not_ready(monkeypatch, figure, failures, answered):
    kaleido = _RacingKaleido(failures)
    monkeypatch.setattr(exports, "_kaleido", lambda: kaleido)
    monkeypatch.setattr(exports, "_browser_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(exports, "_server", {"started": True})  # no sync server started for the fake
    if answered:
        assert exports.figure_bytes(figure, "svg") == b"<svg/>" and kaleido.calls == 2
    else:
        with pytest.raises(ExportError, match="kaleido_scopes is not defined"):
            exports.figure_bytes(figure, "svg")
        assert kaleido.calls == 2  # tried again once, not forever


def test_unknown_figure_format_is_refused(figure):
    with pytest.raises(ValueError, match="png or svg"):
        exports.figure_bytes(figure, "gif")


def _tick_values(root: ET.Element, axis: str) -> list[float]:
    """The numbers printed on an axis of a plotly SVG (`ytick` groups hold the y labels)."""
    values = []
    for group in root.iter():
        if group.tag.endswith("}g") and axis in (group.get("class") or "").split():
            values += [float(t.text.replace("\u2212", "-")) for t in group.iter() if t.tag.endswith("}text")]
    return values


def test_themes_over_time_svg_scale_reaches_the_highest_count(chromium, tmp_path):
    # A theme with 9 items in one month: the exported panel must be scaled to show it, not
    # cut at plotly's empty-axis default of 4 (the bug staff saw on screen and in the pack).
    months = pd.date_range("2024-01-01", periods=12, freq="MS", name="month")
    table = pd.DataFrame({"children": [1, 2, 9, 3, 1, 0, 2, 5, 4, 1, 2, 3],
                          "detention": [0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2],
                          "women": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}, index=months)
    root = ET.parse(exports.figure_svg(figures.themes_over_time(table), tmp_path / "themes.svg")).getroot()
    ticks = _tick_values(root, "ytick")
    assert ticks and max(ticks) >= 8, ticks  # the y scale runs past the peak of 9 (ticks every 2)
    full = figures.themes_over_time(table).full_figure_for_development(warn=False)
    assert all(full.layout[f"yaxis{s}"].range[1] >= 9 for s in ("", "2", "3"))
