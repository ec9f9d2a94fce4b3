"""The export prompt's default file name, for a corpus opened from a compressed dump."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import wait_for
from tests.ui.test_marks_ui import RECORDS, run
from tuireader.ui.screens.prompt import PromptScreen


def test_export_prompt_names_the_file_without_the_dump_suffix(tmp_path):
    dump = write_jsonl(tmp_path / "harbor.jsonl.gz", RECORDS, compress=True)

    async def scenario(app, pilot):
        app.exports.prompt("results")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input"),
        )
        name = Path(app.screen.query_one("#prompt-input").value).name
        assert name.startswith("harbor-results-") and name.endswith(".md"), name
        assert ".jsonl" not in name and ".gz" not in name

    run(dump, scenario)
