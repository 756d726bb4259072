"""Figures from hand-built frames: palette, totals, axis titles, click filters, escaping,
and empty frames."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from indexer.analytics import figures, frames
from indexer.enrich.partners import PARTNER_TYPES
from indexer.analytics.figures import CATEGORY_COLORS, CATEGORY_LABELS
from indexer.item import Item
from indexer.analytics.palette import PARTNER_TYPE_COLORS, category_pattern

PARTNER_TYPES_OF = {"UNICEF": "UN agency", "Council of Europe": "international organisation",
                    "<b>x</b>": "civil society", "<script>alert(1)</script>": "media"}


def make_item(n: int, day: date, category: str, partners: tuple[str, ...] = (),
              themes: tuple[str, ...] = ()) -> Item:
    start = day.replace(day=1)
    return Item(id=f"i{n}", source="bulletin.txt", period_start=start, period_end=start, date=day,
                date_precision="day", title=f"Title {n}", body="Body.", category=category,
                partners=partners, themes=themes)


@pytest.fixture(scope="module")
def fr() -> frames.Frames:
    items = [
        make_item(1, date(2024, 1, 5), "monitoring_visit", ("UNICEF",), ("children", "detention")),
        make_item(2, date(2024, 1, 9), "event", ("UNICEF", "Council of Europe"), ("children",)),
        make_item(3, date(2024, 1, 20), "monitoring_visit", (), ("detention",)),
        make_item(4, date(2024, 3, 2), "meeting", ("<b>x</b>",), ("women",)),
        make_item(5, date(2024, 3, 30), "event", ("<script>alert(1)</script>", "UNICEF")),
        make_item(6, date(2025, 2, 14), "other", ("UNICEF",), ("children",)),
    ]
    return frames.frames_from_items(items, PARTNER_TYPES_OF)


@pytest.fixture(scope="module")
def empty() -> frames.Frames:
    return frames.frames_from_items([])


def theme_table(fr: frames.Frames) -> pd.DataFrame:
    # frames.theme_by_month raises on a frame with no items at all (pandas cannot map an
    # empty id column to periods); the figure must cope with the empty table it should give.
    if fr.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="month"))
    return frames.theme_by_month(fr)


def all_figures(fr: frames.Frames) -> dict:
    month_by_category = frames.month_by_category(fr)
    return {
        "activity_by_month": figures.activity_by_month(month_by_category),
        "category_share": figures.category_share(frames.by_category(fr)),
        "top_partners": figures.top_partners(frames.by_partner(fr)),
        "themes_over_time": figures.themes_over_time(theme_table(fr)),
        "month_category_heatmap": figures.month_category_heatmap(month_by_category),
        "year_over_year": figures.year_over_year(frames.year_over_year(fr)),
    }


def bars(fig) -> list:
    return [t for t in fig.data if t.type == "bar"]


# --------------------------------------------------------------------------- palette


def test_palette_has_one_distinct_colour_and_label_per_category():
    assert tuple(CATEGORY_COLORS) == frames.CATEGORY_ORDER
    assert len(set(CATEGORY_COLORS.values())) == len(frames.CATEGORY_ORDER)
    assert set(CATEGORY_LABELS) == set(frames.CATEGORY_ORDER)
    assert CATEGORY_LABELS["monitoring_visit"] == "Monitoring visit"
    assert all(label.strip() for label in CATEGORY_LABELS.values())


def test_every_partner_type_has_a_colour():
    assert set(PARTNER_TYPES) | {frames.UNKNOWN_TYPE} == set(PARTNER_TYPE_COLORS)


# --------------------------------------------------------------------------- every figure


@pytest.mark.parametrize("kind", ["activity_by_month", "category_share", "top_partners", "themes_over_time",
                                  "month_category_heatmap", "year_over_year"])
def test_figure_has_kind_size_axis_titles_and_click_filters(fr, kind):
    fig = all_figures(fr)[kind]
    assert fig.layout.meta == {"kind": kind}
    assert (fig.layout.width, fig.layout.height) == (1000, 560)
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    assert fig.layout.template.layout.plot_bgcolor == "white"
    clickable = [t for t in fig.data if t.type in ("bar", "heatmap", "scatter")]
    assert clickable and all(t.customdata is not None for t in clickable)
    json.loads(fig.to_json())  # serialisable as the dashboard will send it


def test_activity_by_month_stacks_categories_in_their_colours_with_row_totals(fr):
    table = frames.month_by_category(fr)
    fig = figures.activity_by_month(table)
    assert fig.layout.barmode == "stack"
    for trace in bars(fig):
        category = trace.customdata[0]["category"]
        assert trace.marker.color == CATEGORY_COLORS[category]
        assert trace.marker.pattern.shape == category_pattern(category)
        assert trace.name == CATEGORY_LABELS[category]
        assert list(trace.y) == table[category].tolist()
    assert [b.customdata[0]["category"] for b in bars(fig)] == list(table.columns)
    total = next(t for t in fig.data if t.name == "Total")
    assert list(total.y) == table.sum(axis=1).tolist()
    assert list(total.text) == [str(n) for n in table.sum(axis=1)]
    assert total.mode == "text"  # 14 months: printed above each bar


def test_activity_by_month_click_filter_is_month_and_category(fr):
    fig = figures.activity_by_month(frames.month_by_category(fr))
    visits = next(b for b in bars(fig) if b.customdata[0]["category"] == "monitoring_visit")
    assert visits.customdata[0] == {"month": "2024-01", "category": "monitoring_visit"}
    assert visits.customdata[2] == {"month": "2024-03", "category": "monitoring_visit"}


def test_activity_by_month_draws_a_total_line_beyond_36_months(fr):
    table = frames.month_by_category(fr, date(2021, 1, 1), date(2025, 2, 1))
    total = next(t for t in figures.activity_by_month(table).data if t.name == "Total")
    assert total.mode == "lines" and len(total.y) == 50
    assert list(total.y) == table.sum(axis=1).tolist()


def test_category_share_colours_and_labels_each_bar(fr):
    table = frames.by_category(fr)
    (trace,) = bars(figures.category_share(table))
    ids = [c["category"] for c in trace.customdata]
    assert ids == table["category"].tolist()
    assert list(trace.marker.color) == [CATEGORY_COLORS[c] for c in ids]
    assert list(trace.y) == [CATEGORY_LABELS[c] for c in ids]
    assert trace.text[0] == f"{table['share'][0]:.1f}% ({table['count'][0]})"


def test_top_partners_colours_by_type_and_keeps_the_raw_name_for_the_click(fr):
    fig = figures.top_partners(frames.by_partner(fr), top=3)
    shown = [c["partner"] for t in bars(fig) for c in t.customdata]
    assert sorted(shown) == sorted(frames.by_partner(fr, top=3)["partner"])
    for trace in bars(fig):
        types = {PARTNER_TYPES_OF.get(c["partner"], frames.UNKNOWN_TYPE) for c in trace.customdata}
        assert len(types) == 1 and trace.marker.color == PARTNER_TYPE_COLORS[types.pop()]
    assert fig.layout.legend.title.text == "Partner type"
    unicef = next(t for t in bars(fig) if t.customdata[0]["partner"] == "UNICEF")
    assert list(unicef.x) == [4]


def test_themes_over_time_has_one_panel_per_theme_on_one_scale(fr):
    table = frames.theme_by_month(fr)
    fig = figures.themes_over_time(table)
    assert [t.customdata[0]["theme"] for t in fig.data] == list(table.columns)
    assert fig.data[0].customdata[0] == {"theme": table.columns[0], "month": "2024-01"}
    assert [list(t.y) for t in fig.data] == [table[c].tolist() for c in table.columns]
    assert {fig.layout[a].matches for a in ("yaxis2", "yaxis3")} == {"y"}


def test_heatmap_cells_hold_the_counts_and_the_filter(fr):
    table = frames.month_by_category(fr)
    (trace,) = figures.month_category_heatmap(table).data
    assert [list(row) for row in trace.z] == table.T.to_numpy().tolist()
    assert trace.customdata[1][2] == {"month": "2024-03", "category": table.columns[1]}
    assert trace.y[0] == f"{CATEGORY_LABELS[table.columns[0]]} ({int(table.iloc[:, 0].sum())})"


def test_year_over_year_labels_counts_and_change(fr):
    (trace,) = bars(figures.year_over_year(frames.year_over_year(fr)))
    assert list(trace.x) == ["2024", "2025"] and list(trace.y) == [5, 1]
    assert list(trace.text) == ["5", "1<br>-80.0%"]
    assert [c["year"] for c in trace.customdata] == ["2024", "2025"]


def _two_month_bulletin() -> frames.Frames:
    """A May-June bulletin: three items with no stated day (dated May 1), one on June 3;
    and a one-month July bulletin with no stated day, which needs no note."""
    def item(n: int, day: date, precision: str, end: date) -> Item:
        return Item(id=f"m{n}", source="b.txt", period_start=day.replace(day=1), period_end=end, date=day,
                    date_precision=precision, title="T", body="B.", category="event", themes=("children",))
    may_june = [item(n, date(2024, 5, 1), "month", date(2024, 6, 30)) for n in range(3)]
    return frames.frames_from_items([*may_june, item(3, date(2024, 6, 3), "day", date(2024, 6, 30)),
                                     item(4, date(2024, 7, 1), "month", date(2024, 7, 31))])


def test_multi_month_periods_lists_items_dated_only_to_a_two_month_bulletin():
    table = frames.multi_month_periods(_two_month_bulletin())
    assert table.to_dict("records") == [{"start": pd.Timestamp(2024, 5, 1), "end": pd.Timestamp(2024, 6, 1),
                                         "items": 3}]
    assert frames.multi_month_periods(_two_month_bulletin(), date(2024, 6, 1), date(2024, 12, 1)).empty
    assert frames.multi_month_periods(frames.frames_from_items([])).empty


@pytest.mark.parametrize("kind", figures.MONTHLY_FIGURES)
def test_monthly_figures_say_where_items_count_in_the_first_month_of_their_period(kind):
    fig = figures.build_figure(_two_month_bulletin(), kind)
    assert "count in its first month: May–Jun 2024 (3)" in fig.layout.title.subtitle.text
    plain = figures.build_figure(frames.frames_from_items([make_item(1, date(2024, 5, 2), "event", (), ("children",))]), kind)
    assert "<br>" not in plain.layout.title.subtitle.text


def test_activity_by_month_shades_the_months_of_a_two_month_bulletin():
    fig = figures.build_figure(_two_month_bulletin(), "activity_by_month")
    (shade,) = fig.layout.shapes
    assert (pd.Timestamp(shade.x0), pd.Timestamp(shade.x1)) == (pd.Timestamp(2024, 5, 1), pd.Timestamp(2024, 7, 1))


# --------------------------------------------------------------------------- empty and hostile


@pytest.mark.parametrize("kind", ["activity_by_month", "category_share", "top_partners", "themes_over_time",
                                  "month_category_heatmap", "year_over_year"])
def test_empty_frames_give_a_figure_saying_no_items(empty, kind):
    fig = all_figures(empty)[kind]
    assert fig.layout.meta == {"kind": kind}
    assert [a.text for a in fig.layout.annotations] == ["No items"]
    assert not fig.data
    json.loads(fig.to_json())


def test_months_without_items_also_say_no_items(empty):
    table = frames.month_by_category(empty, date(2024, 1, 1), date(2024, 6, 1))
    fig = figures.activity_by_month(table)
    assert [a.text for a in fig.layout.annotations] == ["No items"]


def test_items_without_themes_give_no_items():
    fr = frames.frames_from_items([make_item(1, date(2024, 1, 5), "event")])
    fig = figures.themes_over_time(frames.theme_by_month(fr))
    assert [a.text for a in fig.layout.annotations] == ["No items"]


def test_markup_in_data_and_titles_is_shown_literally(fr):
    fig = figures.top_partners(frames.by_partner(fr), title="Partners <i>2024</i> & after")
    labels = [y for t in bars(fig) for y in t.y]
    assert "&lt;b&gt;x&lt;/b&gt;" in labels
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in labels
    assert not any("<b>" in y or "<script" in y for y in labels)
    assert fig.layout.title.text == "Partners &lt;i&gt;2024&lt;/i&gt; &amp; after"
    assert "&lt;script&gt;" in fig.to_json()


def test_long_partner_names_wrap_on_two_lines_at_most():
    name = "Office of the United Nations High Commissioner for Human Rights in the South Caucasus Region"
    label = figures._partner_label(name)
    assert label.count("<br>") == 1 and label.endswith("…")
    assert figures._unique(["a", "a", "b"]) == ["a", "a (2)", "b"]
