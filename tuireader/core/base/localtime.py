"""Dates are stored in UTC; people read them in their own time zone (``[reading] timezone``)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

LOCAL = ("", "local")


def zone_problem(name: object) -> str:
    """Why a ``[reading] timezone`` value cannot be used ("" when it can)."""
    if not isinstance(name, str):
        return "must be a time zone name"
    if name.strip().lower() in LOCAL or name.strip().upper() == "UTC":
        return ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for a named zone

    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return f"is not a known time zone: {name!r}"
    return ""


def zone_of(name: str | None) -> tzinfo | None:
    """The zone a name gives; None for the machine's own (``"local"``, empty, or unknown)."""
    if not name or name.strip().lower() in LOCAL:
        return None
    if name.strip().upper() == "UTC":
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for a named zone

    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def shown(date: datetime, zone: tzinfo | None = None) -> datetime:
    """A stored (UTC) date in the reader's time zone (``zone`` None: the machine's).

    A date at exactly midnight UTC is taken as a day without a time ("2016-11-08"), and is
    kept on its day rather than moved to the evening before west of Greenwich.
    """
    if date.tzinfo is None:
        date = date.replace(tzinfo=UTC)
    utc = date.astimezone(UTC)
    if (utc.hour, utc.minute, utc.second, utc.microsecond) == (0, 0, 0, 0):
        return utc
    try:
        return utc.astimezone(zone) if zone is not None else utc.astimezone()
    except (OverflowError, ValueError, OSError):  # the first or last days of the calendar
        return utc
