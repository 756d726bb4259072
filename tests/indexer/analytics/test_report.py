"""The annual-report pack of the sample corpus's 2024, and the export/stats commands."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import openpyxl
import pytest

from indexer.analytics.report import SHEETS

from ..conftest import run_cli


@pytest.fixture(scope="module")
def pack(chromium, built_index, tmp_path_factory):  # the pack's figures are drawn in Chromium
    out = tmp_path_factory.mktemp("report") / "report-2024.zip"
    proc = run_cli("report", "--year", "2024", "--out", str(out), "--index", str(built_index))
    assert proc.returncode == 0, proc.stderr
    return zipfile.ZipFile(out)


FIGURES = ("activity_by_month", "category_share", "top_partners", "themes_over_time", "month_category_heatmap",
           "year_over_year")


def test_the_pack_holds_every_file(pack):
    names = set(pack.namelist())
    assert {"tables.xlsx", "summary.md", "summary.html"} <= names
    for fig in FIGURES:
        assert {f"figures/{fig}.svg", f"figures/{fig}.png"} <= names
        assert pack.read(f"figures/{fig}.png").startswith(b"\x89PNG")


def _sheets(pack):
    return openpyxl.load_workbook(io.BytesIO(pack.read("tables.xlsx")), read_only=True)


def test_workbook_has_a_sheet_per_aggregate_and_the_items(pack):
    book = _sheets(pack)
    assert set(book.sheetnames) >= {"items", *SHEETS}
    items = list(book["items"].iter_rows(values_only=True))
    months = list(book["by_month"].iter_rows(values_only=True))
    assert items[0][:3] == ("Date", "Title", "Category") and len(items) - 1 == sum(r[1] for r in months[1:])
    assert [r[0] for r in months[1:]] == [f"2024-{m:02d}" for m in range(1, 13)]


def test_summary_numbers_equal_the_workbook(pack):
    book, summary = _sheets(pack), pack.read("summary.md").decode("utf-8")
    total = sum(r[1] for r in list(book["by_month"].iter_rows(values_only=True))[1:])
    assert f"In 2024 the bulletins report {total} activities" in summary
    yoy = {r[0]: r[1] for r in list(book["year_over_year"].iter_rows(values_only=True))[1:]}
    assert f"on 2023 ({yoy[2023]})" in summary and yoy[2024] == total
    for category, count, share in list(book["by_category"].iter_rows(values_only=True))[1:]:
        assert re.search(rf"{count} \({share:g}%\)", summary), (category, count, share)
    busiest = max(list(book["by_month"].iter_rows(values_only=True))[1:], key=lambda r: r[1])
    assert f"with {busiest[1]} activities" in summary
    top = list(book["by_partner"].iter_rows(values_only=True))[1]
    assert f"{top[0]} ({top[2]})" in summary


def test_the_pack_says_what_it_was_built_from(pack):
    summary = pack.read("summary.md").decode("utf-8")
    assert "GENERATED SAMPLE DATA" in summary and "bulletin-2024-12" in summary
    assert "GENERATED SAMPLE DATA" in pack.read("summary.html").decode("utf-8")


def test_svg_export_holds_the_title(chromium, built_index, tmp_path):
    out = tmp_path / "months.svg"
    proc = run_cli("export", "--out", str(out), "--figure", "activity_by_month", "--year", "2024", "--index", str(built_index))
    assert proc.returncode == 0, proc.stderr
    root = ET.fromstring(out.read_bytes())
    assert root.tag.endswith("svg")
    assert "Items by month and category" in "".join(root.itertext())


def test_items_export_matches_the_search(built_index, tmp_path):
    out = tmp_path / "icrc.csv"
    assert run_cli("export", "--out", str(out), "--partner", "ICRC", "--index", str(built_index)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    search = json.loads(run_cli("search", "--partner", "ICRC", "--json", "--per-page", "1", "--index", str(built_index)).stdout)
    assert len(rows) == search["total"] > 0


def test_stats_json_and_usage_errors(built_index):
    proc = run_cli("stats", "--by", "month", "--year", "2023", "--format", "json", "--index", str(built_index))
    months = json.loads(proc.stdout)
    assert [m["month"] for m in months] == [f"2023-{n:02d}" for n in range(1, 13)]
    bad = run_cli("export", "--out", "x.png", "--index", str(built_index))
    assert bad.returncode == 2 and "use one of .csv, .xlsx, .json" in bad.stderr
    missing = run_cli("stats", "--by", "year", "--index", str(built_index) + "-nothing")
    assert missing.returncode == 1 and "no index" in missing.stderr and "bulletins ingest" in missing.stderr


def test_the_pack_says_where_a_two_month_bulletin_dates_items_only_to_its_period(pack):
    # The sample's May-June 2024 bulletin states no day for most items: they count in May, and
    # June looks like a dip. The sheet, the summary and the figures say so, with one number.
    rows = list(_sheets(pack)["multi_month_periods"].iter_rows(values_only=True))
    assert rows[0] == ("First month", "Last month", "Items") and [r[:2] for r in rows[1:]] == [("2024-05", "2024-06")]
    count = rows[1][2]
    assert count > 0
    summary = pack.read("summary.md").decode("utf-8")
    assert f"One bulletin covers May 2024 to June 2024; {count} of its activities state no day" in summary
    svg = pack.read("figures/activity_by_month.svg").decode("utf-8")
    assert f"May–Jun 2024 ({count})" in svg


def test_summary_html_is_a_document_to_send(pack, sample_dir, built_index):
    page = pack.read("summary.html").decode("utf-8")
    assert page.startswith("<!doctype html>") and "<style>" in page and "<main>" in page
    assert page.count("<svg") == len(FIGURES) and "<img" not in page  # every figure inline
    assert "<table><caption>Activities by category</caption>" in page and "Monitoring visit" in page
    assert "<table><caption>Activities by month</caption>" in page and "<td>December 2024</td>" in page
    for local in (str(sample_dir), str(built_index), "/tmp/", "/home/"):
        assert local not in page and local not in pack.read("summary.md").decode("utf-8")


def test_pack_tables_have_headers_and_names_people_read(pack):
    book = _sheets(pack)
    category = list(book["by_category"].iter_rows(values_only=True))
    assert category[0] == ("Category", "Items", "Share (%)") and "Monitoring visit" in {r[0] for r in category[1:]}
    months = list(book["month_by_category"].iter_rows(values_only=True))
    assert months[0][0] == "Month" and "Monitoring visit" in months[0] and "monitoring_visit" not in months[0]
    themes = list(book["by_theme"].iter_rows(values_only=True))
    assert themes[0] == ("Theme", "Items") and not any("_" in r[0] for r in themes[1:])


def test_the_pack_lists_each_bulletin_once_pdf_and_text_together(pack):
    summary = pack.read("summary.md").decode("utf-8")
    sources = [line for line in summary.splitlines() if line.startswith("- ")]
    assert "- December 2024: bulletin-2024-12.pdf, bulletin-2024-12.txt" in sources
    assert "- May to June 2024: bulletin-2024-05.pdf, bulletin-2024-05.txt" in sources
    sample = [line for line in sources if "bulletin-2024-" in line]
    assert len(sample) == 11  # 12 months, one bulletin of two
    names = [name for line in sources for name in line.split(": ", 1)[1].split(", ")]
    assert len(names) == len(set(names))


def test_the_pack_year_defaults_to_the_latest_full_year(chromium, built_index, tmp_path):
    out = tmp_path / "pack.zip"
    proc = run_cli("report", "--out", str(out), "--index", str(built_index))
    assert proc.returncode == 0, proc.stderr
    assert "year: 2024 (the latest full year" in proc.stdout
    assert "Activities of 2024" in zipfile.ZipFile(out).read("summary.md").decode("utf-8")


def test_items_export_into_a_folder_is_named_by_the_query_and_in_search_order(built_index, tmp_path):
    proc = run_cli("export", "--out", str(tmp_path), "--partner", "ICRC", "--year", "2024", "rights",
                   "--index", str(built_index))
    assert proc.returncode == 0, proc.stderr
    (path,) = tmp_path.iterdir()
    assert path.name == "bulletins-rights-icrc-2024.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["About", "Items"]
    about = dict(list(book["About"].iter_rows(values_only=True))[1:])
    assert about["Query"] == "rights" and about["Partner"] == "ICRC" and about["Year"] == "2024"
    rows = list(book["Items"].iter_rows(values_only=True))
    ids = [r[rows[0].index("Item id")] for r in rows[1:]]
    search = json.loads(run_cli("search", "rights", "--partner", "ICRC", "--year", "2024", "--json",
                                "--per-page", "100", "--index", str(built_index)).stdout)
    assert ids == [h["id"] for h in search["hits"]] and int(about["Items"]) == search["total"] > 1


def test_table_export_reads_as_a_report_table(built_index, tmp_path):
    out = tmp_path / "categories.csv"
    proc = run_cli("export", "--out", str(out), "--table", "category", "--year", "2024", "--index", str(built_index))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["Category", "Items", "Share (%)"] and "Monitoring visit" in {r[0] for r in rows[1:]}
