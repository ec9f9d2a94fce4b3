"""The hostile corpus indexed and browsed in Pilot: nothing crashes, nothing escapes."""

from __future__ import annotations

import asyncio

from tests.core.ingest.test_hostile_corpus import FORBIDDEN, make_hostile_corpus
from tests.ui.pilot_helpers import list_lines, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.core.ingest import loaders
from tuireader.ui.app import ReaderApp


def _rendered(widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def _browse(root, expected: int) -> None:
    async def main():
        app = ReaderApp(Corpus([root]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: not app.view.syncing and app.reader.shown is not None, 30)
            assert app.view.total == expected
            for _ in range(app.view.total):
                await pilot.press("j", "enter")
                await pilot.pause()
                shown = list_lines(app) + _rendered(app.reader)
                leaked = [c for c in FORBIDDEN if any(c in line for line in shown)]
                assert not leaked, (app.reader.shown.article.key, leaked)
            await pilot.resize_terminal(20, 6)
            await pilot.press("k", "enter")
            await pilot.resize_terminal(200, 60)
            await pilot.press("slash")
            assert app.is_running

    asyncio.run(main())


def test_browse_the_hostile_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "MAX_ARTICLE_BYTES", 32 * 1024)
    hostile = make_hostile_corpus(tmp_path / "corpus", many=5, long_line_bytes=50_000, depth=30)
    evil_name = next((hostile.root / "evil").glob("name*"))
    evil_name.unlink()  # file names: the next test
    _browse(hostile.root, len(hostile.valid) - 1)


def test_a_file_name_with_escapes_is_shown_inert(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "name\x1b[31mred\u202e.txt").write_text("plain body with no headline at all here")
    _browse(root, 1)
