"""Wide (CJK), combining and emoji text and a 5,000-character word keep the panes aligned."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len, split_graphemes
from textual.geometry import Region

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

LONG_WORD = "Supercalifragilistic" * 250  # 5,000 characters, no break
ZWJ_FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
FLAGS = "\U0001f1fa\U0001f1f8\U0001f1ef\U0001f1f5\U0001f1fa\U0001f1e6"
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"
EMOJI = f"{ZWJ_FAMILY} {FLAGS} \U0001f44d\U0001f3fd 1\ufe0f\u20e3 \u2764\ufe0f {RAINBOW_FLAG}"
COMBINING = "Cafe\u0301 de\u0301ja\u0300 vu, nai\u0308ve Z\u0336\u0335a\u0337l\u0338g\u0334o\u0361"
CJK = "東京で大規模な地震が発生、政府は緊急対策本部を設置した。"
HANGUL = "서울에서 열린 정상회담에서 양국 정상은 공동성명을 발표했다"
RECORDS = [
    {
        "id": "cjk",
        "title": CJK * 3,
        "source": "朝日新聞デジタル版ニュース速報",
        "date": "2020-01-05",
        "text": (CJK * 40 + "\n\n" + HANGUL * 10 + "\n\n" + "漢" * 3001),
    },
    {
        "id": "emoji",
        "title": f"Emoji {EMOJI} headline {EMOJI} {EMOJI} {EMOJI}",
        "source": f"{ZWJ_FAMILY}{FLAGS} Daily {ZWJ_FAMILY * 5}",
        "date": "2020-01-04",
        "text": (f"Body {EMOJI} " * 60 + "\n\n" + ZWJ_FAMILY * 400 + FLAGS * 300),
    },
    {
        "id": "combining",
        "title": (COMBINING + " ") * 6,
        "source": "Le Monde\u0301\u0301\u0301 Diplomatique",
        "date": "2020-01-03",
        "text": ((COMBINING + " ") * 80 + "\n\n" + "e\u0301" * 3000),
    },
    {
        "id": "long",
        "title": LONG_WORD,
        "source": LONG_WORD,
        "date": "2020-01-02",
        "text": f"Before the word. {LONG_WORD} After the word.\n\n{LONG_WORD}",
    },
    {
        "id": "odd",  # a wide character lands on every cut, whatever the width
        "title": "a" + "漢字" * 60,
        "source": "b" + "漢" * 30,
        "date": "2020-01-01",
        "text": ("a" + "漢字" * 600 + " ") * 3,
    },
]
SIZES = [(100, 30), (57, 14), (133, 40), (81, 20)]
BORDERS = set("╭╮╰╯│─▔▁▏▕┃━┏┓┗┛")


def _cells(strip) -> list[str]:
    """The strip's cells: a wide grapheme fills its cell and leaves "" in the next."""
    cells: list[str] = []
    for segment in strip:
        if segment.control:
            continue
        spans, _ = split_graphemes(segment.text)
        for start, end, width in spans:
            if width:
                cells.append(segment.text[start:end])
                cells.extend([""] * (width - 1))
            elif cells:
                cells[-1] += segment.text[start:end]
    return cells


def _check_widget(widget) -> None:
    width = widget.scrollable_content_region.width
    for y in range(widget.scrollable_content_region.height):
        strip = widget.render_line(y)
        measured = sum(cell_len(s.text) for s in strip if not s.control)
        assert strip.cell_length == width == measured, (widget.id, y, width, measured)


def _check_panes(app) -> None:
    """Each pane, drawn with its borders, is as wide as its region on every line, the border
    columns are intact, and the two panes side by side fill the terminal's width."""
    lst, reader = app.article_list, app.reader
    for pane in (lst, reader):
        width, height = pane.outer_size
        for y, strip in enumerate(pane.render_lines(Region(0, 0, width, height))):
            cells = _cells(strip)
            assert len(cells) == strip.cell_length == width, (pane.id, y, len(cells), width)
            if 0 < y < height - 1:
                for x in (0, width - 1):
                    assert cells[x] in BORDERS, (pane.id, y, x, cells[max(0, x - 2) : x + 3])
    if lst.region.y == reader.region.y:  # side by side (a narrow terminal stacks them)
        assert lst.region.x == 0 and reader.region.right == app.size.width
        assert lst.region.right <= reader.region.x


def _shown_text(reader) -> list[str]:
    return [strip.text for strip in reader._lines]


def test_wide_combining_emoji_and_long_words_keep_the_panes_aligned(tmp_path):
    dump = write_jsonl(tmp_path / "wide.jsonl", RECORDS)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=SIZES[0]) as pilot:
            await wait_for(
                pilot, lambda: not app.view.syncing and app.view.total == len(RECORDS), 30
            )
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.pause(0.05)
                for index in range(len(RECORDS)):
                    app.article_list.cursor = index
                    await pilot.press("enter")
                    key = RECORDS[index]["id"]
                    await wait_for(
                        pilot,
                        lambda key=key: (
                            app.reader.shown is not None
                            and app.reader.shown.article.key.endswith(f"#{key}")
                        ),
                    )
                    await pilot.pause()
                    for widget in (app.article_list, app.reader):
                        _check_widget(widget)
                    _check_panes(app)
                    app.reader.focus()
                    await pilot.press("end")  # the bottom: the long lines
                    await pilot.pause()
                    _check_widget(app.reader)
                    _check_panes(app)
                    app.article_list.focus()
            # search results: a snippet line under each title
            app.run_search("body OR word OR headline")
            await wait_for(
                pilot, lambda: app.view.results is not None and app.view.results.total == 2
            )
            await pilot.pause(0.3)
            assert app.article_list.row_height == 2
            _check_widget(app.article_list)
            _check_panes(app)
            app.action_clear_search()
            await wait_for(pilot, lambda: len(app.article_list.ids) == len(RECORDS))
            # the 5,000-character word is wrapped, not cut: every letter is on screen
            app.article_list.cursor = 3
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.reader.shown.article.key.endswith("#long"))
            lines = _shown_text(app.reader)
            width = app.reader.text_width
            assert all(cell_len(line) <= width for line in lines)
            assert LONG_WORD in "".join(line.strip() for line in lines)
            assert sum(1 for line in lines if "Supercali" in line) >= 5_000 // width

    asyncio.run(main())
