"""The investigating views in the app: entities (E) adding an entity filter, who said what
(W) opening the article at a quotation, co-occurrence (C), timeline (T) narrowing the
dates, batch search from the palette, and the clipboard hand-offs."""

from __future__ import annotations

import asyncio
import os
from array import array

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.pick import PickScreen
from tuireader.ui.screens.prompt import PromptScreen

FILLER = " ".join(["The meeting went on for hours and nothing else was decided that day."] * 30)
STATEMENT = '"We will not accept any delay in the talks on the new harbour plan," '
RECORDS = [
    {
        "id": "one",
        "title": "Harbour talks open",
        "text": f"Jane Doe met Richard Roe of Acme Shipping in Lisbon. {STATEMENT}"
        f"Jane Doe said on Monday. {FILLER}",
        "source": "Wire",
        "date": "2016-10-03",
        "url": "https://example.org/one",
    },
    {
        "id": "two",
        "title": "Harbour plan row",
        "text": f"Acme Shipping said the plan was late. {STATEMENT}Doe said. Richard Roe "
        "disagreed with Jane Doe.",
        "source": "Courier",
        "date": "2016-10-05",
        "url": "https://example.org/two",
    },
    {
        "id": "three",
        "title": "Storm closes the road",
        "text": "A storm closed the coast road near Porto on Friday.",
        "source": "Wire",
        "date": "2016-11-02",
    },
]


def run(tmp_path, scenario, name: str, records=RECORDS):
    dump = write_jsonl(tmp_path / "d.jsonl", records)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: bool(app.library.investigation.index().entities))
            await scenario(app, pilot)
            folder = os.environ.get("TUIREADER_SCREENSHOTS")
            if folder:
                app.save_screenshot(f"{name}.svg", path=folder)

    asyncio.run(main())


def header(app) -> str:
    """The list's header in full (what a wide enough list shows)."""
    return app.article_list.full_header


def rows(app) -> list[str]:
    options = app.screen.query_one("#pick-rows")
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def pick_screen(pilot, app, title_part: str) -> None:
    await wait_for(
        pilot, lambda: isinstance(app.screen, PickScreen) and title_part in app.screen.title_text
    )
    await pilot.pause(0.1)


def test_entities_view_lists_merged_names_and_enter_adds_a_filter(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("E")
        await pick_screen(pilot, app, "Names of all articles")
        shown = rows(app)
        doe = next(r for r in shown if "Jane Doe" in r)
        assert doe.split()[0] == "2"  # two articles; the lone "Doe" after her full name is hers
        await pilot.press("r", "o", "e")  # typing narrows
        await pilot.pause(0.2)
        assert rows(app) and all("Roe" in r for r in rows(app))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "with Richard Roe" in header(app))
        assert len(app.article_list.ids) == 2
        await pilot.press("E")
        await pick_screen(pilot, app, "Names of")
        assert all("Storm" not in r for r in rows(app))

    run(tmp_path, scenario, "facets")


def test_typing_a_name_in_the_views_narrows_and_never_runs_a_key(tmp_path):
    """In Names, "t" of a name opened the timeline of the first row ("c" who appears with it),
    and in every view "j" and "k" were dropped ("jane" narrowed by "ane")."""

    async def scenario(app, pilot):
        field = lambda: app.screen.query_one("#pick-filter")  # noqa: E731
        await pilot.press("E")
        await pick_screen(pilot, app, "Names of all articles")
        assert "c, t: on the rows (↓)" in str(app.screen.query_one("#pick-hint").render())
        await pilot.press("t", "c", "j", "k")
        await pilot.pause(0.2)
        assert isinstance(app.screen, PickScreen) and "Names of" in app.screen.title_text
        assert field().value == "tcjk"
        field().value = ""
        await pilot.press("d", "o", "e")
        await wait_for(pilot, lambda: rows(app) and all("Doe" in r for r in rows(app)))
        await pilot.press("down", "t")  # on the rows, the keys act
        await pick_screen(pilot, app, "Timeline of Jane Doe")
        await pilot.press("escape")
        await pilot.press("W")
        await pick_screen(pilot, app, "Who said what")
        await pilot.press("j", "a", "n", "e")
        await pilot.pause(0.2)
        assert field().value == "jane"
        assert rows(app) and all("Jane" in r for r in rows(app))

    run(tmp_path, scenario, "typing_in_views")


def test_the_entities_view_says_when_it_lists_only_the_commonest(tmp_path, monkeypatch):
    from tuireader.ui.controllers import investigating

    monkeypatch.setattr(investigating, "FACETS_MOST", 2)

    async def scenario(app, pilot):
        await pilot.press("E")
        await pick_screen(pilot, app, "Names of all articles (the 2 in most articles)")
        assert len(rows(app)) == 2

    run(tmp_path, scenario, "facets_capped")


def test_who_said_what_lists_a_shared_quotation_once_and_opens_it(tmp_path):
    async def scenario(app, pilot):
        await pilot.press("W")
        await pick_screen(pilot, app, "Who said what")
        # the speakers' count is of the quotations each article carries (1 quotation, 2
        # articles); the speaker's list says both, not "1 quotation" against a 2
        assert any(r.split() == ["2", "Jane", "Doe"] for r in rows(app))
        app.screen.query_one("#pick-filter").focus()
        app.screen.query_one("#pick-filter").value = "Jane Doe"
        await pilot.pause(0.2)
        await pilot.press("down", "enter")
        await pick_screen(pilot, app, "Jane Doe: 1 quotation, 2 counting repeats (")
        (quote,) = rows(app)
        assert "We will not accept any delay" in quote
        assert "Harbour talks open" in quote and "Harbour plan row" in quote
        assert "(first)" in quote.splitlines()[1]  # the earliest article, marked
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, PickScreen))
        await wait_for(
            pilot,
            lambda: (
                app.reader.shown is not None
                and app.reader.shown.article.title == "Harbour talks open"
            ),
        )

    run(tmp_path, scenario, "who_said_what")


def test_cooccurrence_and_timeline_views(tmp_path):
    async def scenario(app, pilot):
        app.investigating.cooccur("Jane Doe")
        await pick_screen(pilot, app, "Appearing with Jane Doe")
        assert any("Richard Roe" in r for r in rows(app))
        await pilot.press("escape")
        await pilot.press("T")
        await pick_screen(pilot, app, "Timeline")
        shown = rows(app)
        assert shown[0].startswith("2016-10") and shown[-1].startswith("2016-11")
        await pilot.press("enter")  # October
        await wait_for(pilot, lambda: "2016-10-01–2016-10-31" in header(app))
        assert len(app.article_list.ids) == 2

    run(tmp_path, scenario, "timeline")


def test_the_timeline_of_undated_articles_says_they_have_no_date(tmp_path):
    undated = [{k: v for k, v in r.items() if k != "date"} for r in RECORDS]

    async def scenario(app, pilot):
        await pilot.press("T")
        await pick_screen(pilot, app, "Timeline")
        assert rows(app)[0].startswith(
            "No article in this corpus has a date: there is no timeline to draw."
        )

    run(tmp_path, scenario, "timeline_undated", undated)


def test_batch_search_from_the_palette_counts_each_query(tmp_path):
    batch = tmp_path / "queries.txt"
    batch.write_text("# a comment\nharbour\nstorm\nfoo AND (\n", encoding="utf-8")

    async def scenario(app, pilot):
        app.investigating.batch_prompt()
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.pause(0.1)
        app.screen.query_one("#prompt-input").value = str(batch)
        await pilot.press("enter")
        await pick_screen(pilot, app, "Batch search")
        shown = rows(app)
        assert shown[0].split()[:3] == ["2", "2", "harbour"]
        assert shown[1].split()[:3] == ["3", "1", "storm"]
        assert "error" in shown[2]
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.view.results is not None)
        assert app.view.results.query == "storm"

    run(tmp_path, scenario, "batch")


def test_copy_the_article_url_and_the_quotation_with_its_citation(tmp_path):
    async def scenario(app, pilot):
        app.open_article(
            app.library.by_key(
                app.library.rows(app.article_list.ids)[app.article_list.ids[-1]].key
            ).id
        )
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Harbour talks open")
        await pilot.press("y")
        assert app.clipboard == "https://example.org/one"
        await pilot.press("Y")
        assert app.clipboard.startswith("“We will not accept any delay")
        assert "Jane Doe, Harbour talks open, Wire" in app.clipboard

    run(tmp_path, scenario, "copy")


def test_near_duplicates_fold_into_one_row_expand_and_show_all(tmp_path):
    from tests.core.investigate.test_near_duplicates import COPY, OTHER, WIRE

    records = [
        {"id": "wire", "title": "Fed raises rates", "text": WIRE, "date": "2016-10-03"},
        {"id": "copy", "title": "Borrowers pay more", "text": COPY, "date": "2016-10-04"},
        {"id": "other", "title": "Yellen lifts the rate", "text": OTHER, "date": "2016-10-05"},
    ]
    dump = write_jsonl(tmp_path / "fed.jsonl", records)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            app.run_search_from_palette("yellen")
            await wait_for(pilot, lambda: "folded" in header(app))
            lst = app.article_list
            assert len(lst.ids) == 2
            assert any("+1 copy" in badge for badge in lst.badges.values())
            lst.move_to(next(i for i, b in lst.badges.items() if "+1 copy" in b))
            await pilot.press("equals_sign")
            await wait_for(pilot, lambda: len(lst.ids) == 3)
            assert "↳ near-duplicate" in lst.badges.values()
            await pilot.press("equals_sign")
            await wait_for(pilot, lambda: len(lst.ids) == 2)
            await pilot.press("D")
            await wait_for(pilot, lambda: len(lst.ids) == 3)
            await pilot.press("D")
            await wait_for(pilot, lambda: len(lst.ids) == 2)
            await pilot.press("O")  # sorted another way: still folded, the order in the title
            await wait_for(pilot, lambda: "newest" in header(app) and "folded" in header(app))
            await wait_for(pilot, lambda: len(lst.ids) == 2)
            folder = os.environ.get("TUIREADER_SCREENSHOTS")
            if folder:
                app.save_screenshot("duplicates.svg", path=folder)

    asyncio.run(main())


def test_near_duplicates_fold_in_the_list_of_every_article_too(tmp_path):
    from tests.core.investigate.test_near_duplicates import COPY, OTHER, WIRE

    records = [
        {"id": "wire", "title": "Fed raises rates", "text": WIRE, "date": "2016-10-03"},
        {"id": "copy", "title": "Borrowers pay more", "text": COPY, "date": "2016-10-04"},
        {"id": "other", "title": "Yellen lifts the rate", "text": OTHER, "date": "2016-10-05"},
        {"id": "storm", "title": "Storm", "text": "A storm closed the road.", "date": "2016-10-06"},
    ]
    dump = write_jsonl(tmp_path / "fed.jsonl", records)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await wait_for(pilot, lambda: "1 near-duplicate folded" in header(app))
            lst = app.article_list
            assert len(lst.ids) == 3 and "4 articles" in header(app)
            assert isinstance(lst.ids, array)  # every article's id: 8 bytes each, not 40
            assert any("+1 copy" in badge for badge in lst.badges.values())
            # one line a row (no snippet line): the badge ends the leader's title
            leader = next(i for i, badge in lst.badges.items() if "+1 copy" in badge)
            drawn = lst.render_line(lst.ids.index(leader)).text
            assert "≈ +1 copy" in drawn and ("Borrowers" in drawn or "Fed" in drawn)
            lst.focus()
            await pilot.press("m")  # a mark toggled: the header says the list is still folded
            await wait_for(pilot, lambda: "3 unread" in header(app))
            assert "1 near-duplicate folded" in header(app)
            await pilot.press("D")
            await wait_for(pilot, lambda: len(lst.ids) == 4)
            assert "3 unread" in header(app)  # the mark counted, not the header before it
            titles = [app.library.get(i).title for i in lst.ids]
            assert titles[:2] == ["Storm", "Yellen lifts the rate"]  # newest first
            assert set(titles[2:]) == {"Borrowers pay more", "Fed raises rates"}
            assert "copy below" in lst.badges[lst.ids[2]]
            assert lst.badges[lst.ids[3]] == "↳ near-duplicate"

    asyncio.run(main())


def test_near_duplicates_beyond_the_first_thousand_rows_fold_too(tmp_path):
    from tests.core.investigate.test_near_duplicates import COPY, WIRE

    notes = [
        {"id": f"n{n}", "title": f"Note {n}", "text": f"Brief item {n}.", "date": "2017-01-01"}
        for n in range(1100)
    ]
    copies = [  # the oldest: the end of the list, after 1,100 newer rows
        {"id": "wire", "title": "Fed raises rates", "text": WIRE, "date": "2016-10-03"},
        {"id": "copy", "title": "Borrowers pay more", "text": COPY, "date": "2016-10-04"},
    ]
    dump = write_jsonl(tmp_path / "many.jsonl", notes + copies)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=(120, 36)) as pilot:
            # synced: the sync has ended (not merely not yet started)
            await wait_for(pilot, lambda: app.view.synced and not app.view.syncing, timeout=60)
            await wait_for(pilot, lambda: "1 near-duplicate folded" in header(app), timeout=30)
            lst = app.article_list
            assert len(lst.ids) == 1101 and "1,102 articles" in header(app)
            await pilot.press("end")
            await wait_for(pilot, lambda: lst.current_id == lst.ids[-1])
            assert app.library.get(lst.ids[-1]).title == "Borrowers pay more"
            assert "+1 copy" in lst.badges[lst.ids[-1]]
            await pilot.press("D")
            await wait_for(pilot, lambda: len(lst.ids) == 1102)
            assert app.library.get(lst.ids[-1]).title == "Fed raises rates"

    asyncio.run(main())


def test_the_keys_are_in_the_help_and_the_views_in_the_palette(tmp_path):
    from tests.ui.test_filters_ui import palette

    async def scenario(app, pilot):
        helped = {b.id for _title, bindings in app.help_sections() for b in bindings}
        wanted = {"app.facets", "app.speakers", "app.cooccur", "app.timeline", "app.browser"}
        assert wanted | {"app.editor", "app.pager", "app.copy_url", "app.copy_quote"} <= helped
        footer = {key for key, b in app.active_bindings.items() if b.binding.show}
        assert "E" in footer  # W, C, T: the help and the palette (the footer is full)
        offered = await palette(app, pilot, "batch search")
        assert offered[0].startswith("Batch search…")
        await pilot.press("escape")
        app.investigating.add_entity_filter("Jane Doe")
        await wait_for(pilot, lambda: "with Jane Doe" in header(app))
        offered = await palette(app, pilot, "remove entity filter")
        assert offered[0].startswith("Remove entity filter: Jane Doe")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "with Jane Doe" not in header(app))
        assert len(app.article_list.ids) == 3

    run(tmp_path, scenario, "palette")


def test_an_entity_filter_follows_a_later_sync(tmp_path):
    async def scenario(app, pilot):
        app.investigating.add_entity_filter("Jane Doe")
        await wait_for(pilot, lambda: "with Jane Doe" in header(app))
        assert len(app.article_list.ids) == 2
        later = {
            "id": "four",
            "title": "Harbour deal signed",
            "text": "Jane Doe signed the harbour deal in Lisbon on Thursday.",
            "source": "Wire",
            "date": "2016-10-07",
        }
        write_jsonl(tmp_path / "d.jsonl", [*RECORDS, later])
        app.indexing.reindex()
        await wait_for(pilot, lambda: len(app.article_list.ids) == 3, timeout=30)
        assert "with Jane Doe" in header(app)
        titles = [app.library.get(i).title for i in app.article_list.ids]
        assert "Harbour deal signed" in titles and "Storm closes the road" not in titles

    run(tmp_path, scenario, "entity-filter-sync")


SAID = [
    '"The ferry will sail at dawn," Mirela Ostrand said.',
    '"Every cabin is booked until June," Mirela Ostrand said.',
    '"The harbour lights stay on all night," Mirela Ostrand said.',
]
FERRY_RECORDS = [
    {
        "id": f"f{index}",
        "title": f"Ferry news {index}",
        "text": f"Mirela Ostrand spoke at the pier. {said} {FILLER}",
        "source": "Wire",
        "date": f"2019-05-0{index + 1}",
    }
    for index, said in enumerate(SAID)
]


def test_a_speakers_quotations_read_their_texts_after_opening_and_typing_finds_them(
    tmp_path, monkeypatch
):
    import threading

    from tuireader.core.library.investigation import Investigation
    from tuireader.ui.controllers import investigating

    monkeypatch.setattr(investigating, "QUOTE_TEXTS_FIRST", 1)  # the others read after
    reading = threading.Event()
    read = Investigation.quote_texts

    def held(self, quotes):
        quotes = list(quotes)
        if len(quotes) > 1:  # the rest, read in the worker: after the test types
            reading.wait(10)
        read(self, quotes)

    monkeypatch.setattr(Investigation, "quote_texts", held)

    async def scenario(app, pilot):
        app.investigating.quotes_of("Mirela Ostrand")
        await pick_screen(pilot, app, "Mirela Ostrand: 3 quotations")
        shown = rows(app)
        assert "ferry will sail" in shown[0] and shown[1].startswith("…")  # not read yet
        app.screen.query_one("#pick-filter").value = "cabin"
        await pilot.pause(0.2)
        assert "(nothing matches)" in rows(app)[0]  # its text is not read yet
        reading.set()
        await wait_for(pilot, lambda: len(rows(app)) == 1 and "cabin" in rows(app)[0])
        (quote,) = rows(app)
        assert "Every cabin is booked until June" in quote and "Ferry news 1" in quote
        app.screen.query_one("#pick-filter").value = ""
        await pilot.pause(0.2)
        shown = [r.splitlines()[0] for r in rows(app)]
        assert len(shown) == len(SAID)  # earliest first, each with its own words
        for said, line in zip(SAID, shown, strict=True):
            assert said.split(",")[0].strip('"') in line
        app.screen.query_one("#pick-filter").value = "cabin"
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                app.reader.shown is not None and app.reader.shown.article.title == "Ferry news 1"
            ),
        )

    run(tmp_path, scenario, "quotations_read_after", FERRY_RECORDS)
