"""The date histogram over the results: its bars, its slider's handles for the page's dates,
and the dates a move of the handles writes to the URL."""
from __future__ import annotations

import base64
from datetime import date

from dashboard.views.callbacks import next_search
from dashboard.views import ids
from dashboard.views.histogram import histogram, month_list, range_dates
from dashboard.common.state import State, state_from_url

MONTHS = {"2023-11": 3, "2023-12": 0, "2024-01": 5, "2024-02": 1}


def test_month_list_runs_across_years():
    assert month_list("2023-11", 4) == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_the_histogram_draws_a_bar_per_month_and_sets_the_handles_to_the_dates():
    out = histogram(MONTHS, State(date_from=date(2023, 12, 5), date_to=date(2024, 1, 31)))
    svg = base64.b64decode(out["src"].split(",", 1)[1]).decode("ascii")
    assert svg.count("h8V48") == 3 and 'viewBox="0 0 40 48"' in svg  # four months, December empty
    assert svg.count("<path") == 2 and "M20 0h8" in svg  # two colours; January the tallest
    assert out["max"] == 3 and out["value"] == [1, 2]
    assert out["months"] == {"first": "2023-11", "n": 4, "shown": out["value"]}
    assert "November 2023 to February 2024: 9 items" in out["alt"]
    assert histogram(MONTHS, State())["value"] == [0, 3]
    assert histogram({}, State())["max"] == 0


def test_moving_the_handles_writes_whole_months_and_the_ends_open_the_range():
    months = {"first": "2023-11", "n": 4}
    assert range_dates(months, [1, 2], State()) == (date(2023, 12, 1), date(2024, 1, 31))
    assert range_dates(months, [0, 3], State(date_from=date(2024, 1, 1))) == (None, None)
    # handles showing the months of typed dates leave those dates as typed
    typed = State(date_from=date(2023, 12, 5), date_to=date(2024, 1, 20))
    assert range_dates(months, [1, 2], typed) == (typed.date_from, typed.date_to)
    assert range_dates(None, [1, 2], typed) == (typed.date_from, typed.date_to)


def test_the_slider_writes_the_url_like_every_other_control():
    span = [{"id": ids.DATE_RANGE, "prop": "value", "value": [2, 3]}]
    months = {"first": "2023-11", "n": 4}
    new = next_search("?q=visit&page=3", span, {"range": (months, [2, 3])}, [])
    assert new == "?q=visit&from=2024-01-01"
    assert state_from_url(new).date_to is None


def test_months_sent_back_by_a_browser_are_checked_before_a_list_is_built():
    """The slider's months come back from the browser: a hostile `n` must not make the
    server build a list of a billion months, and a malformed `first` changes nothing."""
    state = State(date_from=date(2024, 1, 1), date_to=date(2024, 3, 31))
    for months in ({"first": "2023-11", "n": 10**9}, {"first": "2023-11", "n": -4}, {"first": "2023-11", "n": "4"},
                   {"first": "2023-13", "n": 4}, {"first": "x-y", "n": 4}, {"first": 2023, "n": 4}, ["2023-11", 4], None):
        assert range_dates(months, [1, 2], state) == (state.date_from, state.date_to), months
    assert range_dates({"first": "2023-11", "n": 4}, [1, 2], state) == (date(2023, 12, 1), date(2024, 1, 31))


def test_handles_where_the_server_put_them_change_no_date():
    """The server sets the handles for the URL it answered; when that answer arrives after
    the user cleared a date, the handles still show it, and must not write it back."""
    months = {"first": "2023-11", "n": 4, "shown": [1, 3]}  # the answer for ?from=2023-12-01
    assert range_dates(months, [1, 3], State()) == (None, None)
    assert range_dates(months, [2, 3], State()) == (date(2024, 1, 1), None)  # moved by the user
