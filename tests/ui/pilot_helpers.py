"""Helpers for driving the app headless."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the app run until the condition holds (workers report back by messages). The
    timeout is generous: on a loaded machine a sync and its workers took over 10 s, and a
    condition met returns at once."""
    waited = 0.0
    while not condition():
        if waited >= timeout:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.05)
        waited += 0.05


def list_lines(app) -> list[str]:
    """The text of the visible list rows."""
    lst = app.article_list
    return [lst.render_line(y).text.rstrip() for y in range(min(len(lst.ids), lst.size.height))]


async def type_text(pilot: Pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


_NOTICES: dict[int, list[str]] = {}


def record_notices(app) -> list[str]:
    """Keep the message of every notification ``app`` shows (through its public ``notify``,
    wrapped on this instance), from now on; ``notices(app)`` reads them."""
    seen = _NOTICES.setdefault(id(app), [])
    notify = app.notify

    def recording(message, *args, **kwargs):
        seen.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return seen


def notices(app) -> list[str]:
    """The notifications shown since ``record_notices(app)``."""
    return _NOTICES.get(id(app), [])
