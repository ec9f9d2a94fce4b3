"""Draw a keypress in the next frame: a frame timer that limits the rate, not the phase.

Textual draws each screen from a repeating timer (``Screen._update_timer``, 60 a second),
paused while nothing changes. Its ticks keep to a grid laid down when it started, and after a
late tick (a slow frame: a layout change, the message bar appearing) its skip arithmetic puts
the next one one to two intervals ahead. So a key pressed within ~30 ms of a slow frame waited
17-33 ms to be drawn even with the app idle, where one pressed after a quiet spell is drawn in
~4 ms (``benchmarks/bench_search.py``, keypress while a search runs).

``install()`` gives the screens' frame timers a loop that keeps Textual's limit (a frame at
most every interval) without the grid: a change made later than one interval after the last
frame is drawn at once. Other timers keep Textual's loop. It is installed only on the Textual
code it was written against (the source is compared first); elsewhere it does nothing.
"""

from __future__ import annotations

import hashlib
import inspect

from textual import _time
from textual.timer import EventTargetGone, Timer

# sha256 of ``inspect.getsource(Timer._run)`` in the Textual releases this fix was written
# for (8.2); another source means Textual changed the loop, so it is left alone.
_KNOWN_SOURCES = {"60c942a84c1a8765932ea4fe897d61a94d0a74dcd249ec0b4a6aad75757ade50"}


_ORIGINAL_RUN = Timer._run
SCREEN_UPDATE = "screen_update"  # the name Textual gives each screen's frame timer


async def _run(self: Timer) -> None:
    """Each screen's frame timer: a frame at most every interval, but at once when one is
    asked for and the last is older than that; every other timer: Textual's own loop."""
    if self.name != SCREEN_UPDATE or self._repeat is not None:
        await _ORIGINAL_RUN(self)
        return
    interval = self._interval
    count = 0
    self._active  # noqa: B018 (Textual makes the event in this thread)
    await self._active.wait()
    last = _time.get_time()
    while True:
        next_timer = last + interval
        await _time.sleep(max(0.0, next_timer - _time.get_time()))
        count += 1
        await self._active.wait()  # paused until something on the screen changes
        if self._reset:
            self._reset = False
            last = _time.get_time()
            continue
        last = _time.get_time()
        try:
            await self._tick(next_timer=next_timer, count=count)
        except EventTargetGone:
            break


def source_digest() -> str:
    return hashlib.sha256(inspect.getsource(Timer._run).encode()).hexdigest()


def install() -> bool:
    """Use the fixed loop; whether it is in use."""
    if Timer._run is _run:
        return True
    if source_digest() not in _KNOWN_SOURCES:
        return False
    Timer._run = _run  # type: ignore[method-assign]
    return True
