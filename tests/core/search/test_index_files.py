"""Noting an index's files after a commit, and telling damage from a file still being written."""

import os

from tuireader.core.search.index_files import DAMAGED, DamageCheck, find_damage, record


def test_a_file_still_empty_is_noted_once_written_and_a_changed_file_is_damage(tmp_path):
    (tmp_path / "a.seg").write_bytes(b"segment")
    (tmp_path / "b.seg").write_bytes(b"")  # created, not written yet (a rolled-back batch)
    record(tmp_path)
    (tmp_path / "b.seg").write_bytes(b"written later")
    assert find_damage(tmp_path) is None
    record(tmp_path)
    (tmp_path / "b.seg").write_bytes(b"changed")
    assert find_damage(tmp_path) == "b.seg has 7 bytes, 13 were written"


def test_an_undamaged_index_is_read_once_until_a_file_changes(tmp_path):
    segment = tmp_path / "a.seg"
    segment.write_bytes(b"segment")
    reads = []

    def find():
        reads.append(segment.read_bytes())
        return {tmp_path: "a.seg: changed"} if segment.read_bytes() != b"segment" else {}

    check = DamageCheck([tmp_path], find)
    assert check.damage() is None and check.damage() is None
    assert len(reads) == 1  # a second error on the same files reads nothing again
    segment.write_bytes(b"segmenT")  # changed in place: same name, same size
    os.utime(segment, ns=(1, 1))
    assert check.damage() == "a.seg: changed"
    assert (tmp_path / DAMAGED).read_text() == "a.seg: changed"  # noted for the next sync
    assert len(reads) == 2
