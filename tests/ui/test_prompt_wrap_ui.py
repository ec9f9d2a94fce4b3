"""A prompt's question wraps in a narrow terminal instead of being cut (the tag prompt's hint
came after the article's title and was lost at 80 columns)."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.widgets import Label

from tuireader.ui.screens.prompt import PromptScreen

QUESTION = (
    "Tags for “A rather long headline about the harbour plan and the new ferry timetable” "
    "(separated by spaces; → completes a tag you used before)"
)


def test_a_long_question_wraps_in_the_prompt():
    async def main():
        app = App()
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(PromptScreen(QUESTION))
            await pilot.pause(0.2)
            label = app.screen.query_one(Label)
            assert label.size.height >= 2
            lines = [label.render_line(y).text.strip() for y in range(label.size.height)]
            assert " ".join(" ".join(lines).split()) == QUESTION

    asyncio.run(main())
