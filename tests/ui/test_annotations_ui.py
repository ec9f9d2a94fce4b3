"""Entities, quotations and the names panel in the running app (sample corpus)."""

from __future__ import annotations

import asyncio

from textual.widgets import OptionList

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.quote_sources import QuoteSourcesScreen
from tuireader.ui.widgets.entity_panel import EntityPanel
from tuireader.ui.widgets.reading_pane import SHARED_MARK


def run(sample_corpus, scenario, size=(150, 45)):
    async def main():
        app = ReaderApp(Corpus([sample_corpus]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            # after the first sync the open article is refreshed with what the index knows
            await wait_for(pilot, lambda: app.reader.shown.shared)
            await scenario(app, pilot)

    asyncio.run(main())


def styled_words(app, word: str) -> list:
    """The styles the reading pane draws ``word`` with, wherever it appears."""
    styles = []
    for strip in app.reader._lines:
        for segment in strip:
            if word in segment.text:
                styles.append(segment.style)
    return styles


def rendered_text(app) -> str:
    return "\n".join(strip.text for strip in app.reader._lines)


def test_entities_and_quotes_are_highlighted_by_type(sample_corpus):
    async def scenario(app, pilot):
        reader = app.reader
        person = reader._style("reading-pane--person")  # the theme's, made readable
        org = reader._style("reading-pane--org")
        assert person.color != org.color
        assert any(s and s.color == person.color for s in styled_words(app, "Vladimir Putin"))
        assert any(s and s.color == org.color for s in styled_words(app, "Kremlin"))
        text = rendered_text(app)
        assert "↔1" in text  # the joint statement is quoted in the other article too
        assert "‹" in text  # speakers are named after their quotations
        await pilot.press("e")
        await wait_for(pilot, lambda: not reader.show_entities)
        assert not any(s and s.color == person.color for s in styled_words(app, "Vladimir Putin"))
        await pilot.press("quotation_mark")
        await wait_for(pilot, lambda: "↔1" not in rendered_text(app))

    run(sample_corpus, scenario)


def test_sasse_quote_is_attributed_in_the_second_article(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: "Ben Sasse" in rendered_text(app))
        assert "‹Ben Sasse›" in rendered_text(app)

    run(sample_corpus, scenario)


def test_peskov_and_the_joint_statement_are_attributed_by_name(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: "Ben Sasse" in rendered_text(app))
        text = " ".join(rendered_text(app).split())  # labels may wrap
        assert "‹Dmitry Peskov, reported›" in text
        assert (
            "‹Office of the Director of National Intelligence and Department of Homeland "
            "Security›" in text
        )

    run(sample_corpus, scenario)


def test_panel_lists_entities_and_searches_for_the_chosen_one(sample_corpus):
    async def scenario(app, pilot):
        panel = app.query_one("#panel", EntityPanel)
        assert not panel.display
        await pilot.press("p")
        await wait_for(pilot, lambda: panel.display and app.focused is panel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert "People" in prompts and "Quotes by speaker" in prompts
        putin = next(i for i, p in enumerate(prompts) if p.endswith(" Vladimir Putin"))
        panel.highlighted = putin
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.view.results.query == 'person:"Vladimir Putin"'
        assert app.view.results.total == 2

    run(sample_corpus, scenario)


def test_shared_quote_lists_the_other_article_and_opens_it(sample_corpus):
    async def scenario(app, pilot):
        first = app.reader.shown.article.key
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteSourcesScreen))
        copies = app.screen.copies
        assert len(copies) == 1 and copies[0].title.startswith("The United States government")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.shown.article.key != first)
        assert app.reader.shown.article.title.startswith("The United States government")

    run(sample_corpus, scenario)


Q1 = (
    '"We will never accept the sanctions imposed on our country by the foreign ministers," '
    "said John Smith, the spokesman."
)
Q2 = (
    'He added: "The talks have failed because nobody was willing to listen to the other side '
    'of the argument."'
)
REWRITES = [
    {"id": "a", "title": "Ministry rejects sanctions", "text": f"The ministry spoke. {Q1} {Q2}"},
    {"id": "b", "title": "Wire rewrite of the story", "text": f"A rewrite. {Q1} Later. {Q2}"},
]


def test_an_article_carrying_several_of_the_quotes_is_one_row(tmp_path):
    """A wire rewrite carries two of the open article's quotations: `o` lists it once, with
    both quotations, instead of crashing on a duplicated option id."""
    dump = write_jsonl(tmp_path / "d.jsonl", REWRITES)

    async def scenario(app, pilot):
        assert app.reader.shown.article.title == "Ministry rejects sanctions"
        assert len(app.reader.shown.shared) == 2
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteSourcesScreen))
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1
        row = str(options.get_option_at_index(0).prompt)
        assert "Wire rewrite of the story" in row and "(2 quotations)" in row
        assert "We will never accept" in row and "The talks have failed" in row
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Wire rewrite of the story")

    run(dump, scenario)


def test_quote_marks_come_back_after_a_restart(sample_corpus):
    """The article reopened at start was read before the index was open: once it is, the
    article shows its "quoted elsewhere" marks and `o` lists the other article."""
    run(sample_corpus, lambda app, pilot: asyncio.sleep(0))

    async def main():
        app = ReaderApp(Corpus([sample_corpus]))
        async with app.run_test(size=(150, 45)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: f"{SHARED_MARK}1" in rendered_text(app))
            await pilot.press("o")
            await wait_for(pilot, lambda: isinstance(app.screen, QuoteSourcesScreen))

    asyncio.run(main())


LONG_QUOTE = (
    '"Nobody in this harbour town will forget the winter the ferries stopped running, and '
    'nobody should forget who decided to stop them without asking a single fisherman first," '
    "said Mara Quill, the mayor."
)
TWINS = [
    {
        "id": "a",
        "title": "Harbour mayor speaks",
        "text": f"The council met. {LONG_QUOTE}",
        "date": "2019-03-06",
    },
    {
        "id": "b",
        "title": "Ferries stop in the harbour",
        "text": f"A copy. {LONG_QUOTE}",
        "source": "Coast Post",
        "date": "2019-03-04",
    },
    {
        "id": "c",
        "title": "Ferries stop in the harbour",
        "text": f"A copy. {LONG_QUOTE}",
        "source": "Bay Times",
        "date": "2019-03-05",
    },
]


def test_quote_rows_tell_twins_apart_and_indent_wrapped_quotes(tmp_path):
    """Two other articles with the same title: each row gives its source and date; at 80
    columns the quotation wraps, its lines indented under its first."""
    dump = write_jsonl(tmp_path / "d.jsonl", TWINS)

    async def scenario(app, pilot):
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Harbour mayor speaks")
        await wait_for(pilot, lambda: app.reader.shown.shared)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteSourcesScreen))
        options = app.screen.query_one(OptionList)
        await pilot.pause()
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Coast Post" in row and "2019" in row for row in rows)
        assert any("Bay Times" in row and "2019" in row for row in rows)
        lines = [options.render_line(y).text.rstrip() for y in range(options.size.height)]
        quoted = [i for i, line in enumerate(lines) if "“Nobody in this harbour" in line]
        assert quoted, lines
        start = quoted[0]
        indent = lines[start].index("“")
        continued = lines[start + 1]
        assert "said by" in "".join(lines[start : start + 3]) or "speaker" in "".join(
            lines[start : start + 3]
        )
        assert continued[:indent].strip() == "" and continued[indent:].strip(), lines

    run(dump, scenario, size=(80, 24))
