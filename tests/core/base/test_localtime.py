"""Dates kept in UTC are shown in the reader's time zone; a day without a time stays its day."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from tuireader.core.base.localtime import shown, zone_of
from tuireader.core.user.config import load_config


def test_a_utc_date_is_shown_in_the_chosen_zone():
    stored = datetime(2016, 11, 8, 14, 5, tzinfo=UTC)
    assert shown(stored, zone_of("America/New_York")).strftime("%H:%M") == "09:05"
    assert shown(stored, zone_of("UTC")).strftime("%H:%M") == "14:05"
    assert shown(stored, zone_of("local")) == stored  # the same instant, in the machine's zone


def test_a_date_without_a_time_keeps_its_day_west_of_greenwich():
    day = datetime(2016, 11, 8, tzinfo=UTC)
    assert shown(day, ZoneInfo("America/Los_Angeles")).strftime("%Y-%m-%d") == "2016-11-08"


def test_the_config_gives_the_zone(tmp_path, monkeypatch):
    from tuireader.core.base import paths

    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[reading]\ntimezone = "Asia/Tokyo"\n', encoding="utf-8")
    assert load_config().timezone == "Asia/Tokyo"
