"""Noting an index's files after a commit, and telling damage from a file still being written."""

from tuireader.core.search.index_files import find_damage, record


def test_a_file_still_empty_is_noted_once_written_and_a_changed_file_is_damage(tmp_path):
    (tmp_path / "a.seg").write_bytes(b"segment")
    (tmp_path / "b.seg").write_bytes(b"")  # created, not written yet (a rolled-back batch)
    record(tmp_path)
    (tmp_path / "b.seg").write_bytes(b"written later")
    assert find_damage(tmp_path) is None
    record(tmp_path)
    (tmp_path / "b.seg").write_bytes(b"changed")
    assert find_damage(tmp_path) == "b.seg has 7 bytes, 13 were written"
