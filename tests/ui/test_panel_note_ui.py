"""The names panel's closing line (what the ↔ mark means) is read whole in a narrow panel:
at 80 columns it was cut after "other arti…"."""

from __future__ import annotations

from tests.ui.pilot_helpers import wait_for
from tests.ui.test_annotations_ui import run
from tuireader.ui.widgets.entity_panel import EntityPanel


def test_the_shared_quotes_note_wraps_in_a_narrow_panel(sample_corpus):
    async def scenario(app, pilot):
        await pilot.press("p")
        await pilot.pause()
        panel = app.query_one("#panel", EntityPanel)
        assert panel.size.width <= 34
        panel.scroll_end(animate=False)
        await pilot.pause(0.2)
        rows = [panel.render_line(y).text.strip() for y in range(panel.size.height)]
        start = next(i for i, row in enumerate(rows) if row.startswith("↔n"))
        note = " ".join(row for row in rows[start:] if row)
        assert "↔n quoted in n other articles (o)" in note, rows
        assert "…" not in note

    run(sample_corpus, scenario, size=(80, 24))


def _visible_rows(panel) -> list[str]:
    return [panel.render_line(y).text.strip() for y in range(panel.size.height)]


def test_the_note_comes_into_view_when_the_cursor_reaches_the_last_row(sample_corpus):
    """The note is no row the cursor stops on: reaching the last entry (j, End) shows it below,
    and the first entry shows its heading above."""

    async def scenario(app, pilot):
        await pilot.press("p")
        panel = app.query_one("#panel", EntityPanel)
        await wait_for(pilot, lambda: app.focused is panel)
        assert panel.virtual_size.height > panel.size.height  # the note starts out of view
        assert not any(row.startswith("↔n") for row in _visible_rows(panel))
        last = max(i for i, option in enumerate(panel.options) if not option.disabled)
        while panel.highlighted != last:
            await pilot.press("j")
        await wait_for(pilot, lambda: any(row.startswith("↔n") for row in _visible_rows(panel)))
        await pilot.press("home")
        await wait_for(pilot, lambda: _visible_rows(panel)[0] == "People")
        await pilot.press("end")
        await wait_for(pilot, lambda: any(row.startswith("↔n") for row in _visible_rows(panel)))

    run(sample_corpus, scenario, size=(80, 24))
