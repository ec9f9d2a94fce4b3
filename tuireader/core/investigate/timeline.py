"""Articles per day, week (ISO, from Monday) or month: every period from the first dated
article to the last, empty ones included, so that a chart of it has a true time axis."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

PERIODS = ("day", "week", "month")
# Said where a corpus has no date to chart: where dates come from, so that one can add them.
HOW_TO_DATE = (
    "Dates are read from a dump's date field, the date of a page, feed item or mail, or a "
    "date column in a manifest.csv or metadata.jsonl beside the files (README: Sidecar "
    "metadata); an edited file or sidecar is read again at the next start."
)


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # the last day in it
    count: int

    def label(self, by: str) -> str:
        if by == "month":
            return self.start.strftime("%Y-%m")
        if by == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        return self.start.isoformat()

    def to_dict(self, by: str) -> dict:
        return {
            "period": self.label(by),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "articles": self.count,
        }


def period_start(day: date, by: str) -> date:
    if by == "month":
        return day.replace(day=1)
    if by == "week":
        return day - timedelta(days=day.weekday())
    return day


def next_start(start: date, by: str) -> date:
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if by == "week" else 1)


def timeline(dates: Iterable[float], by: str = "day") -> list[Period]:
    """Periods with their article counts from UTC timestamps (undated articles left out)."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}")
    counts: Counter[date] = Counter()
    for ts in dates:
        try:
            day = datetime.fromtimestamp(ts, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            continue
        counts[period_start(day, by)] += 1
    if not counts:
        return []
    periods = []
    start, last = min(counts), max(counts)
    while start <= last:
        following = next_start(start, by)
        periods.append(Period(start, following - timedelta(days=1), counts.get(start, 0)))
        start = following
    return periods
