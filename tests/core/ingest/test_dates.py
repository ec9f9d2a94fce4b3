from datetime import UTC, datetime

import pytest

from tuireader.core.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26-FEB-1987 15:01:01.79", datetime(1987, 2, 26, 15, 1, 1, tzinfo=UTC)),
        ("Nov. 8, 2016", datetime(2016, 11, 8, tzinfo=UTC)),
        ("November 8th, 2016 3:30 pm", datetime(2016, 11, 8, 15, 30, tzinfo=UTC)),
        ("8 November 2016", datetime(2016, 11, 8, tzinfo=UTC)),
        ("Tue, 8 Nov 2016 10:00", datetime(2016, 11, 8, 10, 0, tzinfo=UTC)),
        ("2016-10-07", datetime(2016, 10, 7, tzinfo=UTC)),
        ("2016-10-07T12:30:00Z", datetime(2016, 10, 7, 12, 30, tzinfo=UTC)),
        ("2016/11/08", datetime(2016, 11, 8, tzinfo=UTC)),
    ],
)
def test_parses_iso_and_news_forms(text, expected):
    assert parse_date(text) == expected


def test_iso_dates_keep_their_offset_and_come_out_in_utc():
    parsed = parse_date("2016-10-07T12:00:00+02:00")
    assert parsed == datetime(2016, 10, 7, 10, 0, tzinfo=UTC)
    assert parsed.utcoffset().total_seconds() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, 08 Nov 2016 09:05:00 -0500", datetime(2016, 11, 8, 14, 5, tzinfo=UTC)),
        ("8 Nov 2016 09:05 +0200", datetime(2016, 11, 8, 7, 5, tzinfo=UTC)),
        ("Tue, 08 Nov 2016 09:05:00 GMT", datetime(2016, 11, 8, 9, 5, tzinfo=UTC)),
        ("Tue, 08 Nov 2016 09:05:00 +0000 (UTC)", datetime(2016, 11, 8, 9, 5, tzinfo=UTC)),
        ("2016-11-08T09:05:00-05:00", datetime(2016, 11, 8, 14, 5, tzinfo=UTC)),
    ],
)
def test_rfc2822_and_iso_offsets_are_stored_in_utc(text, expected):
    parsed = parse_date(text)
    assert parsed == expected and parsed.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("text", ["yesterday", "", "31-FEB-1987", None, "Smarch 3, 2016"])
def test_unreadable_dates_are_none(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20161108", datetime(2016, 11, 8, tzinfo=UTC)),
        ("20161108T1405", datetime(2016, 11, 8, 14, 5, tzinfo=UTC)),
        ("2016-11-08T14:05:00+0200", datetime(2016, 11, 8, 12, 5, tzinfo=UTC)),
        ("2016-11-08 14:05:00+02:00", datetime(2016, 11, 8, 12, 5, tzinfo=UTC)),
        ("2016-11-08T14:05:00Z", datetime(2016, 11, 8, 14, 5, tzinfo=UTC)),
    ],
)
def test_compact_iso_dates_and_offsets_without_a_colon(text, expected):
    """Forms Python 3.10 could not read (the articles came out undated there)."""
    parsed = parse_date(text)
    assert parsed == expected and parsed.utcoffset() is not None


@pytest.mark.parametrize(
    "text", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00", "0001-01-01T00:30:00+01:00"]
)
def test_dates_outside_the_utc_years_are_unusable(text):
    assert parse_date(text) is None
