"""Reading the period a bulletin covers from its header."""
from __future__ import annotations

from datetime import date

import pytest

from indexer.parse.period import PeriodError, find_period, period_from_filename

D = date


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("This issue ... covered the period December 01-31, 2024.", D(2024, 12, 1), D(2024, 12, 31)),
        ("covered the period 1-31 December 2024", D(2024, 12, 1), D(2024, 12, 31)),
        ("The bulletin covers November 2024.", D(2024, 11, 1), D(2024, 11, 30)),
        ("covered the period January 01 - February 29, 2024", D(2024, 1, 1), D(2024, 2, 29)),
        ("covered the period 01 January - 29 February 2024", D(2024, 1, 1), D(2024, 2, 29)),
        ("period December 1, 2023 – January 15, 2024", D(2023, 12, 1), D(2024, 1, 15)),
        ("covered the period January-February 2023", D(2023, 1, 1), D(2023, 2, 28)),
        ("covered the period Sept. 2022", D(2022, 9, 1), D(2022, 9, 30)),
        ("for the period from 3rd to 25th March 2023", D(2023, 3, 3), D(2023, 3, 25)),
    ],
)
def test_period_forms(text, start, end):
    period = find_period(text)
    assert period is not None and (period.start, period.end) == (start, end)


def test_text_without_a_period():
    assert find_period("The Ombudsman visited a school in 2024") is None


@pytest.mark.parametrize("text", ["the period February 01-30, 2023", "the period March 31 - February 01, 2024"])
def test_impossible_periods_are_errors(text):
    with pytest.raises(PeriodError):
        find_period(text)


def test_period_from_file_name():
    period = period_from_filename("bulletin-2023-02.txt")
    assert (period.start, period.end) == (D(2023, 2, 1), D(2023, 2, 28))
    assert period_from_filename("notes.txt") is None
