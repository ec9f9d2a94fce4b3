"""A date that cannot be read is named once: "Cannot read 'soon' in 'soon'" named it twice
when it was the whole range; within a range, the range is named too."""

from __future__ import annotations

import pytest

from tuireader.core.search.meta_filter import DateRangeError, parse_date_range, read_date


def test_a_lone_date_is_named_once():
    with pytest.raises(DateRangeError) as raised:
        parse_date_range("soon")
    assert str(raised.value).startswith("Cannot read 'soon' as a date: try 2016")
    with pytest.raises(DateRangeError) as raised:
        read_date("soon")
    assert "in 'soon'" not in str(raised.value)


def test_a_date_within_a_range_names_the_range():
    with pytest.raises(DateRangeError, match="Cannot read 'soon' in '2016-10-01 to soon'"):
        parse_date_range("2016-10-01 to soon")
