"""``date:`` clauses read as the palette's date filter reads dates, before whoosh sees them.

whoosh's date parser reads ``date:198703`` as March 1987, but ``date:1987-03`` as a number
range that matched nearly every article, and ``date:[2020 to 2010]`` as an empty range. Here
each ``date:`` value written with digits (a year, month or day, ISO or compact) becomes the
whole days it means, in whoosh's compact form (``date:[19870301 to 19870331]``): a year or a
month is all its days, a range of months covers both, a reversed range or an unreadable date is
a QueryError. Other values (``date:yesterday``) are left to whoosh.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tuireader.core.search.engine import QueryError
from tuireader.core.search.meta_filter import DateRangeError, read_date

EXAMPLES = "date:2016, date:2016-10, date:2016-10-01, date:[2016-03 to 2016-04], date:>2016-10"
# a date value: digits and dashes (checked by read_date)
_VALUE = r"\d[\d-]*"
_CLAUSE = re.compile(
    r"(?i)(?<![\w:])date:"
    r"(?:"
    rf"(?P<open>[\[{{])\s*(?P<first>{_VALUE})?\s*(?:to\s*(?P<last>{_VALUE})?)?\s*(?P<close>[\]}}])"
    rf"|(?P<op>[<>]=?)(?P<bound>{_VALUE})"
    rf"|(?P<value>{_VALUE})"
    r")(?![\w-])"
)


def rewrite_dates(query: str) -> str:
    """The query with its ``date:`` clauses as whole-day ranges whoosh reads exactly."""
    pieces = re.split(r'("[^"]*")', query)  # leave quoted phrases alone
    return "".join(
        piece if piece.startswith('"') else _CLAUSE.sub(_rewrite, piece) for piece in pieces
    )


def _day(text: str, end: bool) -> date:
    try:
        return read_date(text, end=end)
    except DateRangeError as exc:
        if str(exc).startswith("Cannot read"):
            raise QueryError(f"date:{text} is not a date: write e.g. {EXAMPLES}") from exc
        raise QueryError(f"date: {exc}") from exc


def _compact(day: date | None) -> str:
    return "" if day is None else f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _rewrite(match: re.Match) -> str:
    clause = match.group(0)
    if match.group("value"):
        value = match.group("value")
        start, end = _day(value, end=False), _day(value, end=True)
    elif match.group("op"):
        op, bound = match.group("op"), match.group("bound")
        start = end = None
        if op == ">":  # after the whole period
            start = _day(bound, end=True) + timedelta(days=1)
        elif op == ">=":
            start = _day(bound, end=False)
        elif op == "<":  # before the whole period
            end = _day(bound, end=False) - timedelta(days=1)
        else:
            end = _day(bound, end=True)
    else:
        first, last = match.group("first"), match.group("last")
        if first is None and last is None:
            raise QueryError(f"{clause}: give a date at one end at least (e.g. {EXAMPLES})")
        if first is not None and last is None and "to" not in clause.lower():
            last = first  # date:[2016-10]: that month
        start = end = None
        if first is not None:
            start = _day(first, end=False)
            if match.group("open") == "{":  # after the whole period
                start = _day(first, end=True) + timedelta(days=1)
        if last is not None:
            end = _day(last, end=True)
            if match.group("close") == "}":  # before the whole period
                end = _day(last, end=False) - timedelta(days=1)
        if start is not None and end is not None and end < start:
            raise QueryError(
                f"{clause}: the range ends ({end.isoformat()}) before it starts "
                f"({start.isoformat()})"
            )
    return f"date:[{_compact(start)} to {_compact(end)}]"
