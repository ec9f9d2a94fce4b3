"""Why a file could not be written, as told to the user: "File exists" (from making the
folders) when a file stood where a folder of the path should be."""

from __future__ import annotations

import pytest

from tuireader.core.base.atomic import why_not_written, write_atomic


def test_a_file_in_the_way_of_a_folder_is_named(tmp_path):
    blocker = tmp_path / "notes"
    blocker.write_text("a file", encoding="utf-8")
    target = blocker / "deeper" / "export.md"
    with pytest.raises(OSError) as raised:
        write_atomic(target, "text")
    assert why_not_written(raised.value, target) == f"{blocker} is a file, not a folder"


def test_otherwise_the_reason_without_the_temporary_file(tmp_path):
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(OSError) as raised:
        write_atomic(target, "text")
    reason = why_not_written(raised.value, target)
    assert reason == "Is a directory" and ".tmp" not in reason
