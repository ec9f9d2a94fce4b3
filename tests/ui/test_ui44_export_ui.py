"""Exporting from the reader to a folder, to a path that cannot be written, to a name with
another suffix: a folder got "Is a directory" naming a temporary file, the failure stayed on
the message line after a later export worked, and a .txt name was written as Markdown
without a word."""

from __future__ import annotations

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import notices, record_notices, wait_for
from tests.ui.test_marks_ui import RECORDS, run
from tuireader.ui.screens.prompt import PromptScreen


async def export_to(app, pilot, target: str) -> None:
    app.exports.prompt("article")
    await wait_for(
        pilot, lambda: isinstance(app.screen, PromptScreen) and app.screen.query("#prompt-input")
    )
    app.screen.query_one("#prompt-input").value = target
    await pilot.press("enter")


def message(app) -> str:
    return str(app.query_one("#message").render())


def test_exports_to_a_folder_a_bad_path_and_another_suffix(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    folder = tmp_path / "out"
    folder.mkdir()
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder", encoding="utf-8")

    async def scenario(app, pilot):
        record_notices(app)
        await export_to(app, pilot, str(folder))
        await wait_for(pilot, lambda: any("Exported 1 article" in n for n in notices(app)))
        (written,) = folder.iterdir()
        assert written.suffix == ".md" and written.read_text(encoding="utf-8").startswith("## ")

        await export_to(app, pilot, str(blocker / "x.md"))
        await wait_for(pilot, lambda: "Cannot export" in message(app))
        assert message(app).endswith(f"{blocker} is a file, not a folder"), message(app)

        await export_to(app, pilot, str(tmp_path / "notes.txt"))
        await wait_for(pilot, lambda: any("notes.txt" in n for n in notices(app)))
        assert "as Markdown (.txt: not .md, .jsonl or .csv)" in notices(app)[-1]
        assert message(app) == ""  # the failure before is no longer shown

    run(dump, scenario)
