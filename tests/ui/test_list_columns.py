"""The list's columns follow the content: no blank date column for undated articles, a
source column as wide as the sources, and the title keeps room on a narrow list."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import list_lines, wait_for
from tuireader.core.cache.corpus import Corpus
from tuireader.ui.app import ReaderApp

LONG = "Senate passes the budget after a long night of votes and amendments in Washington"


def records(dated: bool, source: str = "") -> list[dict]:
    found = []
    for n in range(6):
        record = {"id": str(n), "title": f"{n} {LONG}", "text": f"Article {n} text."}
        if dated:
            record["date"] = f"2016-10-0{n + 1}"
        if source:
            record["source"] = source
        found.append(record)
    return found


def run(tmp_path, recs, scenario, size, name="d.jsonl"):
    dump = write_jsonl(tmp_path / name, recs)

    async def main():
        app = ReaderApp(Corpus([dump]))
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())


def title_cells(line: str) -> int:
    """How much of the title a row shows (after the two marker cells, up to the …)."""
    return len(line[2:].split("…")[0])


def test_undated_articles_get_no_blank_date_column(tmp_path):
    async def scenario(app, pilot):
        width = app.article_list.scrollable_content_region.width
        for line in list_lines(app):
            assert line.endswith("…"), line  # the title runs to the edge
            assert title_cells(line) >= width - 4, (line, width)

    run(tmp_path, records(dated=False), scenario, (60, 20))


def test_a_narrow_list_gives_the_title_the_dates_room(tmp_path):
    async def scenario(app, pilot):
        lines = list_lines(app)
        assert all(title_cells(line) >= 16 for line in lines), lines
        assert not any("2016-10" in line for line in lines)  # the reading pane shows it
        header = [strip.text for strip in app.reader._lines[:6]]
        assert any("Oct 2016" in line for line in header), header

    run(tmp_path, records(dated=True), scenario, (60, 20))


def test_the_source_column_is_as_wide_as_the_sources(tmp_path):
    async def scenario(app, pilot):
        width = app.article_list.scrollable_content_region.width
        for line in list_lines(app):
            assert line.endswith(" Wire 2016-10-0" + line[-1]), line
            assert title_cells(line) >= width - 3 - len(" Wire 2016-10-01") - 1, line

    run(tmp_path, records(dated=True, source="Wire"), scenario, (200, 30))


def test_a_wide_list_shows_a_long_source_whole(tmp_path):
    source = "Quillon Gazette (politics)"  # longer than the narrow lists' source column

    async def scenario(app, pilot):
        lines = list_lines(app)
        assert lines and all(line.endswith(source) for line in lines), lines
        assert all(title_cells(line) >= 48 for line in lines), lines

    run(tmp_path, records(dated=False, source=source), scenario, (200, 30))


def test_a_middling_list_keeps_the_titles_room_before_the_sources(tmp_path):
    source = "Quillon Gazette (politics)"

    async def scenario(app, pilot):
        lines = list_lines(app)
        # wider than a narrow list's 16 cells, as far as the titles' room allows
        assert all("Quillon Gazette (p" in line and line.endswith("…") for line in lines), lines
        assert all(title_cells(line) >= 44 for line in lines), lines

    run(tmp_path, records(dated=False, source=source), scenario, (180, 30))


def test_a_file_name_standing_in_for_a_source_is_not_widened(tmp_path):
    async def scenario(app, pilot):
        lines = list_lines(app)
        assert all(line.endswith("quillon_harbor_…") for line in lines), lines
        assert all(title_cells(line) >= 60 for line in lines), lines

    name = "quillon_harbor_trust_wire_archive.jsonl"
    run(tmp_path, records(dated=False), scenario, (200, 30), name)
