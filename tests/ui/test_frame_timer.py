"""The screen's frame timer draws a change at once when the last frame is over an interval old
(Textual's own waited for a grid point up to two intervals ahead after a slow frame)."""

from __future__ import annotations

import asyncio

import pytest
import textual.timer
from textual import _time
from textual.timer import Timer

from tuireader.ui import frame_timer


class Target:
    """What a timer is bound to (only referenced here)."""


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def drive(name: str, slow_frame: float, change_at: float) -> list[float]:
    """Frames drawn (times) when the first frame takes ``slow_frame`` and something changes
    on the screen at ``change_at``; the interval is 1."""
    clock = FakeClock()
    frames: list[float] = []

    async def main() -> None:
        target = Target()
        timer = Timer(target, 1.0, name=name)

        async def tick(*, next_timer: float, count: int) -> None:
            frames.append(clock.now)
            timer.pause()  # as the screen does: paused until something changes
            if len(frames) == 1:
                clock.now += slow_frame

        timer._tick = tick  # type: ignore[method-assign]
        task = asyncio.create_task(timer._run())
        while len(frames) < 1:
            await asyncio.sleep(0)
        for _ in range(5):
            await asyncio.sleep(0)
        clock.now = max(clock.now, change_at)
        timer.resume()
        while len(frames) < 2:
            await asyncio.sleep(0)
        task.cancel()

    patch = pytest.MonkeyPatch()
    patch.setattr(_time, "get_time", lambda: clock.now)
    patch.setattr(_time, "sleep", clock.sleep)
    patch.setattr(textual.timer, "sleep", clock.sleep)  # Textual's loop imported it by name
    try:
        asyncio.run(main())
    finally:
        patch.undo()
    return frames


def test_it_is_installed_on_this_textual():
    assert frame_timer.install()
    assert Timer._run is frame_timer._run


def test_after_a_slow_frame_a_later_change_is_drawn_at_once():
    frame_timer.install()
    # a frame at 1 that took 2.5 intervals; a key at 4 is drawn at 4 (Textual's loop: at 5)
    assert drive(frame_timer.SCREEN_UPDATE, slow_frame=2.5, change_at=4.0) == [1.0, 4.0]


def test_frames_still_come_at_most_one_interval_apart():
    frame_timer.install()
    assert drive(frame_timer.SCREEN_UPDATE, slow_frame=0.1, change_at=1.3) == [1.0, 2.0]


def test_other_timers_keep_textuals_loop():
    frame_timer.install()
    assert drive("blink", slow_frame=2.5, change_at=4.0) == [1.0, 5.0]
