"""What the launch defers until the first frame is drawn, and gets back after it."""

from __future__ import annotations

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
