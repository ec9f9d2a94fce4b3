"""Layout from the keyboard and the config: list size, focus mode, stacked panes, reading
width, date format and highlight colours, as the user sees them and across restarts."""

from __future__ import annotations

import asyncio

from rich.color import Color
from textual.color import Color as TColor

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, notices, record_notices, wait_for
from tuireader.core.base import paths
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp
from tuireader.ui.colours import contrast_ratio
from tuireader.ui.screens.help import HelpScreen

PUTIN = (
    "Russian President Vladimir Putin said on Friday that the talks in Moscow had failed, "
    "and that the government would answer the sanctions in its own time and its own way."
)
RECORDS = [
    {
        "id": "a",
        "title": "Putin speaks",
        "text": "\n\n".join(f"{n}. {PUTIN}" for n in range(1, 40)),
        "date": "2016-10-03T14:05:00Z",
    },
    {"id": "b", "title": "Budget vote", "text": "The senate voted.", "date": "2016-09-28"},
]


def write_config(text: str) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(dump, scenario, size=(120, 30)):
    async def main():
        app = ReaderApp(Corpus([dump]))
        record_notices(app)
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def longest_line(app) -> int:
    return max(strip.cell_length for strip in app.reader._lines)


def test_resize_focus_mode_and_stacking_survive_restarts(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def first(app, pilot):
        lst, reader = app.article_list, app.reader
        assert lst.region.width == 50  # 42% of 120 columns
        await pilot.press("greater_than_sign", "greater_than_sign", "less_than_sign")
        await pilot.pause()
        assert lst.region.width == 56  # 47%
        assert reader.region.x == 56 and reader.region.width == 64
        for _ in range(20):  # never wider than 90% of the screen
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert lst.region.width == 108 and reader.region.width == 12
        for _ in range(20):  # nor narrower than 10% (the list's minimum, 24 columns)
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert lst.region.width == 24
        for _ in range(5):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert lst.region.width == 42  # 35%
        await pilot.press("z")  # focus mode: the reading pane takes the width
        await pilot.pause()
        assert not lst.display and app.focused is reader
        assert reader.region.x == 0 and reader.region.width == 120
        await pilot.press("tab")  # the hidden list cannot take the focus
        assert app.focused is not lst

    async def second(app, pilot):
        lst, reader = app.article_list, app.reader
        assert not lst.display and reader.region.width == 120  # still in focus mode
        assert app.focused is reader
        await pilot.press("j")  # keys go to the reading pane
        await pilot.pause()
        assert reader.scroll_y == 1
        await pilot.press("z")
        await pilot.pause()
        assert lst.display and lst.region.width == 42  # the width chosen before
        await pilot.press("v")  # stacked: the list above the reading pane, both full width
        await pilot.pause()
        assert lst.region.width == reader.region.width == 120
        assert lst.region.y < reader.region.y
        assert lst.region.height == 10  # 40% of the 25 rows for the panes
        await pilot.press("greater_than_sign")  # taller, when stacked
        await pilot.pause()
        assert lst.region.height == 11
        assert "Putin speaks" in list_lines(app)[0]

    async def third(app, pilot):
        lst, reader = app.article_list, app.reader
        assert lst.region.y < reader.region.y and lst.region.height == 11
        await pilot.press("v")
        await pilot.pause()
        assert lst.region.y == reader.region.y and lst.region.width == 42

    run(dump, first)
    run(dump, second)
    run(dump, third)


def test_layout_from_config_and_a_changed_config_wins(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    write_config('[layout]\nlist_width = 30\narrangement = "side-by-side"\n')

    async def from_config(app, pilot):
        assert app.article_list.region.width == 30
        await pilot.press("greater_than_sign")  # columns step by 4
        await pilot.pause()
        assert app.article_list.region.width == 34

    async def remembered(app, pilot):
        assert app.article_list.region.width == 34

    async def config_changed(app, pilot):
        lst, reader = app.article_list, app.reader
        assert lst.region.width == 120 and lst.region.height == 6  # 25% of 25 rows
        assert reader.region.y == lst.region.bottom

    run(dump, from_config)
    run(dump, remembered)
    write_config('[layout]\nlist_width = 30\narrangement = "stacked"\nlist_height = "25%"\n')
    run(dump, config_changed)


def test_committed_search_in_focus_mode_keeps_the_reading_pane(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("z")
        app.run_search_from_palette("senate")
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Budget vote")
        await pilot.pause()
        assert app.focused is app.reader and not app.article_list.display
        await pilot.press("escape")  # back to every article, still reading
        await pilot.pause()
        assert app.focused is app.reader and app.view.results is None

    run(dump, scenario)


def test_reading_width_caps_the_lines_and_keeps_the_place(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    write_config("[layout]\nreading_width = 40\n")

    async def scenario(app, pilot):
        reader = app.reader
        await pilot.press("z")  # the whole width for the reading pane
        await pilot.pause()
        assert reader.scrollable_content_region.width > 100
        assert longest_line(app) <= 40
        assert longest_line(app) >= 35  # the lines are filled up to the cap
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        top = reader._offset_at_top()
        paragraph = reader.shown.article.body[:top].count("\n\n")
        assert paragraph > 3
        reader.set_max_text_width(0)  # no cap: lines as wide as the pane
        await pilot.pause()
        assert longest_line(app) > 100
        # the same paragraph is at the top after re-wrapping
        assert reader.shown.article.body[: reader._offset_at_top()].count("\n\n") == paragraph

    run(dump, scenario, size=(150, 30))


def test_default_reading_width_is_100_columns(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        await pilot.press("z")
        await pilot.pause()
        assert 90 <= longest_line(app) <= 100

    run(dump, scenario, size=(150, 30))


def test_date_format_in_the_list_and_the_reading_pane(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def default(app, pilot):
        assert list_lines(app)[0].endswith("2016-10-03")
        assert "Mon 03 Oct 2016 14:05" in app.reader._lines[1].text

    async def configured(app, pilot):
        lines = list_lines(app)
        assert lines[0].endswith("Monday 3 October 2016") and "2016-10-03" not in lines[0]
        assert lines[1].endswith("Wednesday 28 September …")  # half the list at most
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert list_lines(app)[1].endswith("  Wednesday 28 September 2016")  # now it fits
        assert list_lines(app)[0].endswith("       Monday 3 October 2016")  # right-aligned
        assert app.reader._lines[1].text.startswith("Monday 3 October 2016")

    run(dump, default)
    write_config('[reading]\ndate_format = "%A %-d %B %Y"\n')
    run(dump, configured)


def _colours_of(app, word: str) -> set:
    return {
        segment.style.color
        for strip in app.reader._lines
        for segment in strip
        if segment.text == word and segment.style and segment.style.color
    }


def _backgrounds_of(app, word: str) -> set:
    return {
        segment.style.bgcolor
        for strip in app.reader._lines
        for segment in strip
        if segment.text == word and segment.style and segment.style.bgcolor
    }


def test_colour_overrides_reach_the_reading_pane(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    red = Color.parse("#ff5f5f")

    async def default(app, pilot):
        assert app.reader.show_entities and _colours_of(app, "Vladimir Putin")
        assert red not in _colours_of(app, "Vladimir Putin")

    async def configured(app, pilot):
        assert _colours_of(app, "Vladimir Putin") == {red}  # readable on the dark theme as is
        assert app.reader.label_styles()["PERSON"].color == red  # the panel's legend too
        app.theme = "textual-light"  # the user's colour, darkened until it reads (4.5:1)
        await pilot.pause(0.2)
        (colour,) = _colours_of(app, "Vladimir Putin")
        r, g, b = colour.get_truecolor()
        assert r > 2 * max(g, b) and r < 220, colour  # a darker red
        background = Color.from_triplet(app.reader.rich_style.bgcolor.get_truecolor())
        assert contrast_ratio(TColor(r, g, b), TColor(*background.get_truecolor())) >= 4.5
        app.run_search_from_palette("sanctions")
        await wait_for(pilot, lambda: app.reader.shown.hits)
        blue = Color.parse("#0000ff")
        assert _backgrounds_of(app, "sanctions") == {blue}
        assert _colours_of(app, "sanctions") == {Color.parse("#ffffff")}  # readable on blue
        messages = notices(app)
        assert any(
            f"{paths.config_file()}, line 4" in m and "colours.org" in m and "'bleu'" in m
            for m in messages
        ), messages

    run(dump, default)
    write_config('[colours]\nperson = "#ff5f5f"\nhit = "blue"\norg = "bleu"\n')
    run(dump, configured)


def test_help_lists_the_layout_keys(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def scenario(app, pilot):
        sections = dict(app.help_sections())
        keys = {b.id: b.key for b in sections["Layout"]}
        assert keys == {
            "app.widen_list": "greater_than_sign",
            "app.narrow_list": "less_than_sign",
            "app.focus_mode": "z",
            "app.arrangement": "v",
        }
        assert not {b.id for b in sections["Anywhere"]} & set(keys)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "Focus mode" in screen and "app.focus_mode" in screen

    run(dump, scenario, size=(120, 60))


def test_layout_keys_can_be_rebound(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    write_config('[keys]\n"app.focus_mode" = "F"\n"app.widen_list" = "ctrl+right"\n')

    async def scenario(app, pilot):
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert app.article_list.region.width == 56
        await pilot.press("z")  # no longer bound
        await pilot.pause()
        assert app.article_list.display
        await pilot.press("F")
        await pilot.pause()
        assert not app.article_list.display

    run(dump, scenario)
