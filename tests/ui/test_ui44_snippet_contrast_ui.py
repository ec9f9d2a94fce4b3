"""The result list's highlights (the words matched in each snippet, a near-duplicate's badge,
the open article's title) read at 4.5:1 on every theme Textual ships: they were in the
theme's warning colour as it is, 3:1 on textual-light, and the open title in the accent,
1.4:1 there."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_reading_contrast import THEMES, _ratio, _rgb
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

RECORDS = [
    {
        "id": f"h{i}",
        "title": f"Council note {i}",
        "text": f"The harbour levy was debated for the {i}th time on a quiet evening.",
    }
    for i in range(8)
]


def test_snippet_matches_and_badges_read_on_every_theme(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search("harbour")
            lst = app.article_list
            await wait_for(pilot, lambda: len(lst.ids) == 8)
            await wait_for(pilot, lambda: len(lst.snippets or {}) >= 4)
            lst.set_badges({lst.ids[2]: "≈ +1 copy (= expands)"})
            app.open_article(lst.ids[1])
            await wait_for(pilot, lambda: lst.open_id == lst.ids[1])
            lst.cursor = 6
            open_title = app.library.get(lst.ids[1]).title
            low, seen = {}, set()
            for theme in THEMES:
                app.theme = theme
                await pilot.pause(0.05)
                for y in range(2, 12):  # rows without the cursor
                    for segment in lst.render_line(y):
                        text = segment.text.strip(" ▶")
                        if text in ("harbour", "≈ +1 copy (= expands)", open_title):
                            seen.add(text)
                            style = segment.style
                            ratio = _ratio(_rgb(style.color), _rgb(style.bgcolor))
                            if ratio < 4.5:
                                low[f"{theme} {text}"] = round(ratio, 2)
            assert seen == {"harbour", "≈ +1 copy (= expands)", open_title}
            assert not low, low

    asyncio.run(main())
