"""What the launch defers until the first frame is drawn, and gets back after it."""

from __future__ import annotations

import asyncio
import gc

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader import cli
from tuireader.ui.app import ReaderApp

PONDS = [
    {"id": "p1", "title": "Heron counts frogs", "text": "A heron stood.", "date": "2021-05-02"},
    {"id": "p2", "title": "Lilies close at dusk", "text": "It went quiet.", "date": "2021-05-01"},
]


def test_garbage_collection_waits_for_the_first_frame_and_comes_back(tmp_path, monkeypatch):
    """cli.run_open holds the cyclic collector off while the reader starts; the app turns it
    on once its first frame is drawn, and it is on again when the command returns."""
    corpus = write_jsonl(tmp_path / "ponds.jsonl", PONDS)
    seen: dict[str, bool] = {}
    real_compose = ReaderApp.compose
    real_run = ReaderApp.run

    def compose(self):
        seen["composing"] = gc.isenabled()
        return real_compose(self)

    def headless_run(self, **kwargs):
        async def script(pilot):
            await wait_for(pilot, lambda: self.reader.shown is not None and not self.view.syncing)
            seen["reading"] = gc.isenabled()
            await self.action_quit()

        return real_run(self, headless=True, size=(100, 30), auto_pilot=script)

    monkeypatch.setattr(ReaderApp, "compose", compose)
    monkeypatch.setattr(ReaderApp, "run", headless_run)
    assert gc.isenabled()
    assert cli.run_open([str(corpus)]) == 0
    assert seen == {"composing": False, "reading": True}
    assert gc.isenabled()


def _footer_keys(compact: bool, footer_class) -> list[tuple[str, bool, bool]]:
    """The keys a footer shows: their text, whether each is drawn compact, and whether it
    is the palette's (Textual draws that one compact)."""
    from textual.app import App
    from textual.widgets import Static

    class Keys(App[None]):
        BINDINGS = [("w", "water", "Water the ferns"), ("h", "harvest", "Harvest")]

        def compose(self):
            yield Static("A greenhouse.")
            yield footer_class(compact=compact)

    keys: list[tuple[str, bool, bool]] = []

    async def main():
        app = Keys()
        async with app.run_test(size=(80, 10)) as pilot:
            await pilot.pause()
            for key in app.query("FooterKey"):
                palette = key.has_class("-command-palette")
                keys.append((key.render().plain, key.has_class("-compact"), palette))

    asyncio.run(main())
    return keys


def test_the_footer_shows_its_keys_as_textuals_own_does():
    """ReaderFooter makes its keys in the footer's style at once (not compact, then compact
    or not as the footer is): what it shows is Textual's footer's."""
    from textual.widgets import Footer

    from tuireader.ui.widgets.footer import ReaderFooter

    for compact in (False, True):
        shown = _footer_keys(compact, ReaderFooter)
        assert shown == _footer_keys(compact, Footer)
        assert any("Water the ferns" in text for text, _, _ in shown)
        assert {small for _, small, palette in shown if not palette} == {compact}


def test_the_indexing_bar_makes_its_label_and_bar_when_progress_first_comes():
    from types import SimpleNamespace

    from textual.app import App
    from textual.widgets import Label, ProgressBar

    from tuireader.ui.widgets.indexing_bar import IndexingBar

    class Bar(App[None]):
        def compose(self):
            yield IndexingBar(id="indexing")

    progress = SimpleNamespace(
        phase="text",
        articles=30,
        articles_total=120,
        known_total=120,
        bytes_done=0,
        bytes_total=0,
        eta=None,
    )

    async def main():
        app = Bar()
        async with app.run_test(size=(80, 5)) as pilot:
            bar = app.query_one(IndexingBar)
            assert not bar.children  # nothing to draw at the first frame
            bar.show_progress(progress)
            bar.show_progress(progress)  # made once
            await pilot.pause()
            assert bar.has_class("active")
            assert "Indexing text: 30 of 120 articles" in str(app.query_one(Label).render())
            assert app.query_one(ProgressBar).progress == 30
            assert len(bar.children) == 2
            bar.done()
            assert not bar.has_class("active")

    asyncio.run(main())


def test_opening_the_reader_leaves_out_what_its_first_frame_does_not_need():
    """What `tuireader PATH` imports before its first frame (a fresh interpreter): not the
    dialogs, the export formats, the argument parser, nor the standard library's parts that
    only a config file, a named time zone, a mail date or the log need."""
    import subprocess
    import sys

    code = (
        "import sys, tuireader.cli, tuireader.ui.app\n"
        "from tuireader.core.library.opening import choose_corpus\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "tuireader.ui.app" in loaded
    left_out = {
        "argparse",
        "email.utils",
        "logging.handlers",
        "tomllib",
        "zoneinfo",
        "textual.widgets._progress_bar",
        "tuireader.core.present.export",
        "tuireader.core.investigate.timeline",
        "tuireader.ui.screens.help",
        "tuireader.ui.screens.quote_sources",
        "tuireader.ui.screens.skipped",
    }
    assert not left_out & loaded


def test_the_store_is_read_ahead_after_the_first_frame(tmp_path, monkeypatch):
    """The thread reading the store into the kernel's cache starts once the first frame is
    drawn, not while the list is being drawn."""
    from tuireader.core.cache import store as store_module
    from tuireader.core.cache.corpus import Corpus

    corpus = write_jsonl(tmp_path / "ponds.jsonl", PONDS)
    Corpus([str(corpus)]).open_store(read_ahead=False).close()  # made, as by an earlier run
    reads: list[str] = []
    monkeypatch.setattr(store_module, "_read_through", lambda path: reads.append(str(path)))
    seen: dict[str, list[str]] = {}
    real_compose = ReaderApp.compose

    def compose(self):
        seen["composing"] = list(reads)
        return real_compose(self)

    monkeypatch.setattr(ReaderApp, "compose", compose)

    async def main():
        app = ReaderApp(Corpus([str(corpus)]))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: bool(reads))
            assert reads == [str(app.library.store.path)]
        app.release()

    asyncio.run(main())
    assert seen["composing"] == []
