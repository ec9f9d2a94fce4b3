"""Filters by source and date range from the palette, and near-duplicate marks after M."""

from __future__ import annotations

import asyncio

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.widgets import Input

from tests.conftest import write_jsonl
from tests.core.investigate.test_near_duplicates import COPY, OTHER, WIRE
from tests.ui.pilot_helpers import record_notices, type_text, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.prompt import PromptScreen

ODD = '[b]Wire[/b] "Service": Paris'
RECORDS = [
    {"id": "wire", "title": "Fed raises rates", "text": WIRE, "source": "AP", "date": "2016-10-03"},
    {
        "id": "copy",
        "title": "Borrowers pay more",
        "text": COPY,
        "source": "Daily Courier",
        "date": "2016-10-04",
    },
    {
        "id": "other",
        "title": "Yellen lifts the rate",
        "text": OTHER,
        "source": "Reuters",
        "date": "2016-10-05",
    },
    {
        "id": "hold",
        "title": "Rates hold in November",
        "text": "The Federal Reserve held its interest rate in November.",
        "source": "Reuters",
        "date": "2016-11-02",
    },
    {
        "id": "storm",
        "title": "Storm hits coast",
        "text": "A storm hit the coast and closed the highway.",
        "source": "Reuters",
        "date": "2016-09-20",
    },
    {
        "id": "odd",
        "title": "Storm in Paris",
        "text": "A storm hit Paris.",
        "source": ODD,
        "date": "2016-10-06",
    },
]


def run(tmp_path, scenario, size=(120, 36)):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)

    asyncio.run(main())


def titles(app) -> list[str]:
    return [app.article_list.row(i).title for i in app.article_list.ids]


def header(app) -> str:
    """The list's header in full (what a wide enough list shows)."""
    return app.article_list.full_header


def shown_header(app) -> str:
    """The list's header as shown at its width."""
    return Content.from_markup(app.article_list.border_title).plain


def message(app) -> str:
    return str(app.query_one("#message").render())


def screen_lines(app) -> list[str]:
    lst = app.article_list
    rows = min(len(lst.ids) * lst.row_height, lst.size.height)
    return [lst.render_line(y).text.rstrip() for y in range(rows)]


async def palette(app, pilot, text: str) -> list[str]:
    """Open the palette, type, and return what it offers (command and help line)."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    app.screen.query_one(Input).value = text  # as typed, without a search per key
    await pilot.pause(0.5)
    options = app.screen.query_one(CommandList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def choose(app, pilot, text: str, expected: str) -> None:
    offered = await palette(app, pilot, text)
    assert offered[0].startswith(expected), offered
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))


async def dates(app, pilot, text: str) -> None:
    await choose(app, pilot, "date range", "Filter by date range…")
    await wait_for(
        pilot, lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input")
    )
    app.screen.query_one("#prompt-input").value = text
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, PromptScreen))


def test_filter_by_source_narrows_the_list_and_survives_new_queries(tmp_path):
    async def scenario(app, pilot):
        # the wire story and its copy fold into one row (controllers/duplicates)
        await wait_for(pilot, lambda: "1 near-duplicate folded" in header(app))
        assert len(app.article_list.ids) == 5
        offered = await palette(app, pilot, "filter by source")
        assert offered[0] == "Filter by source: Reuters\n3 articles"  # most articles first
        assert "Filter by source: AP\n1 article" in offered
        await pilot.press("escape")
        await choose(app, pilot, "source: Reuters", "Filter by source: Reuters")
        await wait_for(pilot, lambda: len(app.article_list.ids) == 3)
        assert titles(app) == [
            "Rates hold in November",
            "Yellen lifts the rate",
            "Storm hits coast",
        ]
        # the open one is a preview (shown by the app, not opened by the user): unread
        assert header(app) == "3 of 6 articles · 3 unread · source: Reuters"

        await pilot.press("slash")
        await type_text(pilot, "storm")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.view.results is not None and app.view.results.query == "storm"
        )
        assert titles(app) == ["Storm hits coast"]  # not the Paris storm from another source
        assert header(app) == "1 of 6 match · source: Reuters"
        app.run_search_from_palette("rates OR rate")
        await wait_for(pilot, lambda: app.view.results.query == "rates OR rate")
        assert set(titles(app)) == {"Rates hold in November", "Yellen lifts the rate"}
        assert "source: Reuters" in header(app)

    run(tmp_path, scenario)


def test_a_narrow_list_header_keeps_the_count_and_the_filters(tmp_path):
    """At 80 columns the list is about 31 wide: the header drops the unread count and the
    folding hint before it loses the count or the filter (it used to be cut at the end)."""

    async def scenario(app, pilot):
        lst = app.article_list
        room = lst.outer_size.width - 4  # what the border shows of a title
        await wait_for(pilot, lambda: "folded" in shown_header(app))
        shown = shown_header(app)
        assert len(shown) <= room and shown.startswith("6 "), shown
        await choose(app, pilot, "source: AP", "Filter by source: AP")
        await wait_for(pilot, lambda: len(lst.ids) == 1)
        shown = shown_header(app)
        assert len(shown) <= room and shown.startswith("1 of 6"), shown
        assert shown.endswith("source: AP"), shown
        await pilot.resize_terminal(200, 60)
        await wait_for(pilot, lambda: "unread" in shown_header(app))
        assert shown_header(app) == "1 of 6 articles · 1 unread · source: AP"

    run(tmp_path, scenario, size=(80, 24))


def test_a_source_named_like_markup_is_offered_and_shown_as_written(tmp_path):
    async def scenario(app, pilot):
        await choose(app, pilot, "source: Wire Service", f"Filter by source: {ODD}")
        await wait_for(pilot, lambda: len(app.article_list.ids) == 1)
        assert titles(app) == ["Storm in Paris"]
        assert header(app).endswith(f"source: {ODD}")

    run(tmp_path, scenario)


def test_date_range_filter_then_clear_filters(tmp_path):
    async def scenario(app, pilot):
        await dates(app, pilot, "2016-10-01 to 2016-10-31")
        folded = "4 unread · 1 near-duplicate folded (D: show all) · 2016-10-01–2016-10-31"
        await wait_for(pilot, lambda: header(app).endswith(folded))
        assert len(app.article_list.ids) == 3  # four, the wire copy folded
        assert "Storm hits coast" not in titles(app) and "Rates hold in November" not in titles(app)
        await choose(app, pilot, "source: Reuters", "Filter by source: Reuters")
        await wait_for(pilot, lambda: titles(app) == ["Yellen lifts the rate"])
        assert header(app).endswith("source: Reuters · 2016-10-01–2016-10-31")

        await dates(app, pilot, "2016-11")  # a new range replaces the old one
        await wait_for(pilot, lambda: titles(app) == ["Rates hold in November"])

        await choose(app, pilot, "clear filters", "Clear filters")
        await wait_for(pilot, lambda: len(app.article_list.ids) == 5)  # the wire copy folded
        assert header(app) == "6 articles · 6 unread · 1 near-duplicate folded (D: show all)"
        offered = await palette(app, pilot, "clear filters")
        assert not any(o.startswith("Clear filters") for o in offered)  # nothing to clear

    run(tmp_path, scenario)


def placeholder(app) -> str:
    """The reading pane's first line when no article is shown."""
    return app.reader.render_line(0).text.strip()


def test_filters_leaving_no_article_close_the_open_one_and_clearing_them_reopens_it(tmp_path):
    """The reading pane showed the article the filters had just left out, as if listed."""

    async def scenario(app, pilot):
        await pilot.press("p")  # the names panel: emptied too
        app.article_list.focus()
        await wait_for(pilot, lambda: app.focused is app.article_list)
        await pilot.press("j", "enter")
        opened = app.article_list.current_id
        await wait_for(pilot, lambda: app.view.open_id == opened and app.reader.shown)
        await dates(app, pilot, "1990")
        await wait_for(pilot, lambda: app.reader.shown is None)
        assert app.view.open_id is None and not app.article_list.ids
        assert placeholder(app) == "No articles pass the filters (Ctrl+P: Clear filters)."
        assert str(app.panel.get_option_at_index(0).prompt) == "No article open."
        await choose(app, pilot, "clear filters", "Clear filters")
        await wait_for(pilot, lambda: app.reader.shown is not None)
        assert app.view.open_id == opened == app.article_list.current_id

    run(tmp_path, scenario, size=(200, 60))  # (room for the list beside the panel)


def test_filters_leaving_a_search_no_match_close_the_open_article(tmp_path):
    async def scenario(app, pilot):
        app.run_search_from_palette("storm")
        await wait_for(pilot, lambda: app.view.results is not None and app.reader.shown)
        await choose(app, pilot, "source: AP", "Filter by source: AP")
        await wait_for(pilot, lambda: app.reader.shown is None)
        assert placeholder(app) == "No articles match 'storm' (source: AP)."
        await dates(app, pilot, "2016")  # filters changed again: the pane stays empty
        await pilot.pause(0.3)
        assert app.reader.shown is None
        await choose(app, pilot, "clear filters", "Clear filters")
        await wait_for(pilot, lambda: app.reader.shown is not None)
        assert "storm" in app.reader.shown.article.title.lower()
        await choose(app, pilot, "source: AP", "Filter by source: AP")
        await wait_for(pilot, lambda: app.reader.shown is None)
        app.action_clear_search()  # Esc: every article the filter passes, one of them shown
        await wait_for(pilot, lambda: app.reader.shown is not None)
        assert app.reader.shown.article.title == "Fed raises rates" == titles(app)[0]

    run(tmp_path, scenario)


def test_a_bad_date_range_gives_a_message_and_keeps_the_list(tmp_path):
    async def scenario(app, pilot):
        app.run_search_from_palette("storm")
        await wait_for(
            pilot, lambda: app.view.results is not None and len(app.article_list.ids) == 2
        )
        before = list(app.article_list.ids)
        await dates(app, pilot, "2016-10-32")
        await wait_for(pilot, lambda: "October 2016 has 31 days" in message(app))
        await dates(app, pilot, "2016-10-31 to 2016-10-01")
        await wait_for(pilot, lambda: "ends (2016-10-01) before it starts" in message(app))
        await pilot.pause(0.3)
        assert app.article_list.ids == before
        assert app.view.meta_filter.empty
        assert "2016" not in header(app)

    run(tmp_path, scenario)


async def more_like_the_wire_story(app, pilot) -> None:
    """Open the wire story and list the articles like it (M), their texts compared."""
    app.article_list.focus()
    library = app.library  # the wire story may be folded under its copy in the list
    wire = next(i for i in library.ordered_ids() if library.get(i).title == "Fed raises rates")
    app.open_article(wire)
    await wait_for(pilot, lambda: app.reader.shown.article.title == "Fed raises rates")
    await pilot.press("M")
    await wait_for(
        pilot, lambda: app.view.similar_to is not None and app.view.near_duplicates is not None
    )


def test_more_like_this_marks_the_wire_copy_as_a_near_duplicate(tmp_path):
    async def scenario(app, pilot):
        await more_like_the_wire_story(app, pilot)
        shown = titles(app)
        assert "Borrowers pay more" in shown and "Yellen lifts the rate" in shown
        assert header(app) == f"{len(shown)} similar, 1 near-duplicate"
        await pilot.pause(0.3)
        lines = screen_lines(app)
        copy_row = next(n for n, line in enumerate(lines) if "Borrowers pay more" in line)
        assert "% same text" in lines[copy_row + 1]
        share = int(lines[copy_row + 1].split("≈")[1].split("%")[0])
        assert 70 <= share < 100
        other_row = next(n for n, line in enumerate(lines) if "Yellen lifts the rate" in line)
        assert "same text" not in lines[other_row + 1]
        # the article compared stays open, and ] goes to the first similar one
        assert app.reader.shown.article.title == "Fed raises rates"
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.reader.shown.article.title == shown[0])

    run(tmp_path, scenario)


def test_d_and_equals_after_more_like_this_keep_the_similar_list(tmp_path):
    """D after M put the whole list of articles back, the header still saying "N similar":
    the groups folded in the list before M were kept."""

    async def scenario(app, pilot):
        await wait_for(pilot, lambda: "1 near-duplicate folded" in header(app))
        await more_like_the_wire_story(app, pilot)
        similar = titles(app)
        assert "Fed raises rates" not in similar
        for key in ("D", "equals_sign"):
            await pilot.press(key)
            await pilot.pause(0.3)
            assert titles(app) == similar, key
            assert "folded" not in header(app) and header(app).endswith("1 near-duplicate")

    run(tmp_path, scenario)


def test_keys_on_an_empty_list_with_no_article_open_say_why_nothing_happens(tmp_path):
    """s, m, t, a and M did nothing, silently; o said that no quotation of "this article" was
    found elsewhere, with no article open."""

    async def scenario(app, pilot):
        seen = record_notices(app)
        await dates(app, pilot, "1990")
        await wait_for(pilot, lambda: app.reader.shown is None)
        app.article_list.focus()
        for key in ("s", "m", "t", "a"):
            seen.clear()
            await pilot.press(key)
            await wait_for(pilot, lambda: bool(seen))
            assert seen == ["No article to mark: the list is empty and none is open."], key
            assert app.screen is app.screen_stack[0]  # no tag or note prompt
        for key, said in (("M", "Open an article first: M"), ("o", "Open an article first.")):
            seen.clear()
            await pilot.press(key)
            await wait_for(pilot, lambda: bool(seen))
            assert seen[0].startswith(said), key

    run(tmp_path, scenario)
