"""Filters on an article's metadata: one source, a date range. They narrow every query (and the
full list) until cleared.

They are applied through the metadata store, not as query clauses: ``source:`` matches words
of a source (``source:"Reuters"`` also finds "Reuters Africa") and a name may hold quotes,
colons or brackets the query language cannot carry; the store compares the whole name. Dates
are compared as the list shows them (UTC days); undated articles fall outside any range.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from tuireader.core.base.text import visible

# 2016, 2016-10, 2016-10-01, 201610, 20161001 (the query language's compact forms)
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?|(\d{2})(\d{2})?)?")
_SEPARATOR = re.compile(r"\s+to\s+|\s*\.\.\s*|\s*[–—]\s*|\s+-\s+", re.IGNORECASE)
_OPEN_END = re.compile(r"^(.*?)(?:\s+to|\s*\.\.|\s*[–—])$", re.IGNORECASE)
_OPEN_START = re.compile(r"^(?:to\s+|until\s+|\.\.\s*|[–—]\s*)(.*)$", re.IGNORECASE)
EXAMPLES = "2016, 2016-10, 2016-10-01, 2016-10-01 to 2016-10-31"


class DateRangeError(ValueError):
    """A date range that cannot be read; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class DateRange:
    """Whole days, both ends included; None leaves that end open."""

    start: date | None = None
    end: date | None = None

    def label(self) -> str:
        if self.start and self.end:
            if self.start == self.end:
                return self.start.isoformat()
            return f"{self.start.isoformat()}–{self.end.isoformat()}"
        if self.start:
            return f"from {self.start.isoformat()}"
        return f"until {self.end.isoformat()}" if self.end else "any date"

    def bounds(self) -> tuple[float | None, float | None]:
        """[start, end) as UTC timestamps, as the metadata store keeps dates."""
        start = _timestamp(self.start) if self.start else None
        end = _timestamp(self.end + timedelta(days=1)) if self.end else None
        return start, end


class ArticleScope(Protocol):
    """The articles a filter keeps, found each time it is applied (an entity filter: the
    articles naming its entities as the entity table has them now, so that articles a later
    sync adds are in it)."""

    def ids(self) -> Collection[int]: ...


@dataclass(frozen=True, slots=True)
class MetaFilter:
    """The filters in force: a source (compared whole), a date range, and entities (each
    article kept must name them all: ``within`` finds those articles when applied)."""

    source: str | None = None
    dates: DateRange | None = None
    entities: tuple[str, ...] = ()
    within: ArticleScope | None = None

    @property
    def empty(self) -> bool:
        return self.source is None and self.dates is None and self.within is None

    def label(self) -> str:
        """For the list's header: "source: Reuters · 2016-10-01–2016-10-31" ("" if none)."""
        parts = []
        if self.source is not None:
            parts.append(f"source: {visible(self.source)}")
        if self.dates is not None:
            parts.append(self.dates.label())
        parts.extend(f"with {visible(name)}" for name in self.entities)
        return " · ".join(parts)

    def ids(self, store) -> list[int]:
        """The articles passing, newest first (a MetaStore)."""
        start, end = self.dates.bounds() if self.dates else (None, None)
        found = store.filtered_ids(self.source, start, end)
        if self.within is not None:
            within = self.within.ids()
            found = [i for i in found if i in within]
        return found


def from_options(
    source: str | None = None, first: str | None = None, last: str | None = None
) -> MetaFilter:
    """The filter asked for by ``--source``, ``--from`` and ``--to`` (DateRangeError if a
    date cannot be read)."""
    first, last = (first or "").strip(), (last or "").strip()
    dates = None
    if first or last:
        dates = DateRange(
            _read_date(first, first, end=False) if first else None,
            _read_date(last, last, end=True) if last else None,
        )
        if dates.start and dates.end and dates.end < dates.start:
            raise DateRangeError(f"--to {last} is before --from {first}.")
    return MetaFilter(source if source else None, dates)


def parse_date_range(text: str) -> DateRange:
    """Read "2016", "2016-10", "2016-10-01", "2016-10-01 to 2016-10-31" (also "..", "–"),
    or an open range: "2016-10 to", "from 2016-10", "to 2016-10-31", "until 2016-10-31". A
    year or month stands for all its days. ``DateRange.label()`` reads back as the same range.
    """
    raw = " ".join(text.split())
    since = raw.lower().startswith("from ")
    if since:
        raw = raw[5:].strip()
    if not raw:
        raise DateRangeError(f"Type a date or a range, e.g. {EXAMPLES}.")
    parts = _SEPARATOR.split(raw)
    if len(parts) == 2:
        first, last = parts
    elif since:
        first, last = raw, ""
    elif len(parts) == 1 and (match := _OPEN_START.match(raw)):
        first, last = "", match.group(1)
    elif len(parts) == 1 and (match := _OPEN_END.match(raw)):
        first, last = match.group(1), ""
    elif len(parts) == 1:
        first = last = raw
    else:
        raise DateRangeError(f"Cannot read {raw!r} as a date range: try {EXAMPLES}.")
    start = _read_date(first, raw, end=False) if first.strip() else None
    end = _read_date(last, raw, end=True) if last.strip() else None
    if start is None and end is None:
        raise DateRangeError(f"Type a date or a range, e.g. {EXAMPLES}.")
    if start and end and end < start:
        raise DateRangeError(
            f"The range ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )
    return DateRange(start, end)


def read_date(part: str, end: bool = False) -> date:
    """The first (``end``: the last) day of a year, month or day ("2016", "2016-10",
    "2016-10-01", "201610", "20161001"); DateRangeError if it cannot be read."""
    return _read_date(part, part, end)


def _read_date(part: str, whole: str, end: bool) -> date:
    """The first (or, for ``end``, the last) day a date written as a year, month or day means."""
    part = part.strip()
    match = _DATE.fullmatch(part)
    if match is None:
        where = f" in {whole!r}" if whole.strip() != part else ""  # ("'x' in 'x'": once)
        raise DateRangeError(f"Cannot read {part!r}{where} as a date: try {EXAMPLES}.")
    year = int(match.group(1))
    if year < 1:
        raise DateRangeError(f"{part}: there is no year 0.")
    month_text = match.group(2) or match.group(4)
    day_text = match.group(3) or match.group(5)
    if month_text is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = int(month_text)
    if not 1 <= month <= 12:
        raise DateRangeError(f"{part}: there is no month {month} (months are 1 to 12).")
    last_day = calendar.monthrange(year, month)[1]
    if day_text is None:
        return date(year, month, last_day if end else 1)
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise DateRangeError(f"{part}: {calendar.month_name[month]} {year} has {last_day} days.")
    return date(year, month, day)


def _timestamp(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
