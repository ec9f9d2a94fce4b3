"""Parsing the many date forms news dumps use, without guessing wildly."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = (
    r"(?:[ T,]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
)
_PATTERNS = [
    # 26-FEB-1987 15:01:01.79, 8 Nov 2016, 8 November, 2016
    re.compile(rf"^(?P<day>\d{{1,2}})[- ]{_MONTH}[- ,]+(?P<year>\d{{4}}){_TIME}"),
    # Nov. 8, 2016; November 8 2016 10:00 AM
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}"),
    # 2016/11/08
    re.compile(rf"^(?P<year>\d{{4}})/(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}"),
]
# RFC 2822 (mail, RSS): "Tue, 08 Nov 2016 09:05:00 -0500", "8 Nov 2016 14:05 GMT".
_RFC2822 = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*(?:[+-]\d{4}|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?$"
)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def parse_date(value: object) -> datetime | None:
    """Parse a date from ISO 8601 or common news forms; None when it cannot be read.

    RFC 2822 dates (mail, RSS) and ISO 8601 dates keep their offset: the result is in UTC.
    Naive results are taken as UTC so that all dates compare. A date that cannot be used (one
    that leaves the years 1-9999 in UTC, such as 0001-01-01T00:00:00+01:00) is None too: the
    article is undated, its date kept as given (``Article.date_text``).
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return _usable(datetime.fromtimestamp(float(value), tz=UTC))
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    parsed = _parse_iso(text) or _parse_rfc2822(text) or _parse_news(_WEEKDAY.sub("", text))
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    usable = _usable(parsed)
    return usable.astimezone(UTC) if usable is not None else None


def _parse_rfc2822(text: str) -> datetime | None:
    if not _RFC2822.match(text):
        return None
    from email.utils import parsedate_to_datetime  # (the email package: only when needed)

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _usable(parsed: datetime) -> datetime | None:
    """The date, when it has a UTC time and a timestamp that turn back into a date (what the
    index and the article list store); else None."""
    try:
        datetime.fromtimestamp(parsed.astimezone(UTC).timestamp(), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return parsed


def _parse_iso(text: str) -> datetime | None:
    """Python >= 3.11 reads every ISO 8601 form: 20161108, 2016-11-08T10:00Z, +0200 offsets."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_news(text: str) -> datetime | None:
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("mnum"):
            month = int(groups["mnum"])
        else:
            month = _MONTHS.get(groups["month"].lower(), 0)
        hour = int(groups["h"] or 0)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            return datetime(
                int(groups["year"]),
                month,
                int(groups["day"]),
                hour,
                int(groups["mi"] or 0),
                int(groups["s"] or 0),
            )
        except ValueError:
            return None
    return None
