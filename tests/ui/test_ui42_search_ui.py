"""Searching as an investigator would: words left out only (-word), hyphened words."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import type_text, wait_for
from tests.ui.test_search_ui import run
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp


def test_a_minus_word_alone_lists_the_articles_without_it(tmp_path):
    """ "-storm" said "Nothing to search for" while "NOT storm" listed the articles without
    the word: the README gives them as the same."""

    async def scenario(app, pilot):
        for query in ("NOT storm", "-storm"):
            await pilot.press("slash")
            await pilot.press("ctrl+u")
            await type_text(pilot, query)
            await pilot.press("enter")
            await wait_for(
                pilot, lambda q=query: app.view.results is not None and app.view.results.query == q
            )
            titles = sorted(app.library.article(i).article.title for i in app.article_list.ids)
            assert titles == ["Budget vote", "Peskov speaks"], (query, titles)

    run(tmp_path, scenario)


HYPHENED = [
    {"id": "a", "title": "Harbor Trust vote", "text": "Marta Jonsby-Quillon chaired the vote."},
    {"id": "b", "title": "Jonsby resigns", "text": "Edvin Jonsby left the Harbor Trust."},
    {"id": "c", "title": "Anti-war march", "text": "An anti-war march crossed Quillon."},
    {"id": "d", "title": "Anti-theft tags", "text": "Shops in Quillon fitted anti-theft tags."},
]


def test_a_hyphened_word_finds_itself_not_its_first_half_without_the_rest(tmp_path):
    """whoosh read the "-" inside a word as NOT: "Jonsby-Quillon" listed the articles with
    "Jonsby" and without "Quillon" (never the one naming her), "anti-war" those with "anti"
    and without "war"."""
    dump = write_jsonl(tmp_path / "d.jsonl", HYPHENED)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            for query, expected in (
                ("Jonsby-Quillon", ["Harbor Trust vote"]),
                ("anti-war", ["Anti-war march"]),
                ("title:anti-war", ["Anti-war march"]),
                ("anti -war", ["Anti-theft tags"]),  # a word's own "-" still leaves out
            ):
                await pilot.press("slash")
                await pilot.press("ctrl+u")
                await type_text(pilot, query)
                await pilot.press("enter")
                await wait_for(
                    pilot,
                    lambda q=query: app.view.results is not None and app.view.results.query == q,
                )
                titles = sorted(app.library.article(i).article.title for i in app.article_list.ids)
                assert titles == expected, (query, titles)

    asyncio.run(main())
