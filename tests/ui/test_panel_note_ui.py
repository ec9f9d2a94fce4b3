"""The names panel's closing line (what the ↔ mark means) is read whole in a narrow panel:
at 80 columns it was cut after "other arti…"."""

from __future__ import annotations

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
