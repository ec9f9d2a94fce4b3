"""Tags and notes typed (or pasted) with control characters: none reaches the screen."""

from __future__ import annotations

import html
import re

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_marks_ui import RECORDS, run
from tuireader.ui.screens.prompt import PromptScreen

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


async def paste(app, pilot, text):
    """Answer the prompt with ``text`` as pasted (escape characters and all)."""
    await wait_for(
        pilot, lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input")
    )
    app.screen.query_one("#prompt-input").value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, PromptScreen))


def test_tags_and_notes_never_put_controls_on_screen(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        app.reader.focus()
        await pilot.press("a")
        await paste(app, pilot, "call Quillon\x1b[2J back \u202eJonsby\u202c soon\x07")
        await pilot.press("t")
        await paste(app, pilot, "harbor\x1b[31mtrust pier")
        await pilot.pause(0.3)
        marks = app.marks.marks.get(app.library.get(app.view.open_id).key)
        assert marks.note == "call Quillon back Jonsby soon"
        assert marks.tags == ("harbortrust", "pier")
        screen = app.export_screenshot()
        assert not CONTROLS.search(screen)
        assert "✎ call Quillon back Jonsby soon" in html.unescape(screen).replace("\u00a0", " ")

    run(dump, scenario)


def test_pasted_controls_never_reach_the_search_bar_or_the_palette(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        bar = app.search_input
        await pilot.press("slash")
        bar.insert_text_at_cursor("storm\x1b[2J \u202ecoast\t")  # as a paste inserts it
        assert bar.value == "storm coast "
        app.searching.saved.save("harbor\x1b[31m watch", "quillon\x1b]0;x\x07 pier")
        assert app.searching.saved.items == {"harbor watch": "quillon pier"}
        await pilot.press("escape", "ctrl+p")
        await pilot.pause(0.3)
        for char in "saved":
            await pilot.press(char)
        await pilot.pause(1.0)
        assert not CONTROLS.search(app.export_screenshot())

    run(dump, scenario)
