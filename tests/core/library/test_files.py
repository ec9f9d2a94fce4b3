"""The door's file-level helpers: annotating files as stored, counting a corpus's articles
without indexing it."""

from __future__ import annotations

from tests.conftest import write_jsonl
from tuireader.core.library import Library
from tuireader.core.library.files import FileAnnotations, indexed_count


def test_file_annotations_point_into_the_stored_text_and_list_skips(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('Title\n\n"We did nothing wrong," Dmitry Peskov said.\n', encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    found = FileAnnotations([str(tmp_path)])
    items = list(found)
    assert len(items) == 1
    item, annotations = items[0]
    assert any(item.text[e.start : e.end] == "Dmitry Peskov" for e in annotations.entities)
    assert [s.path for s in found.skipped] and found.notices == []


def test_indexed_count_reads_the_cache_without_indexing(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", [{"title": "A", "text": "One."}])
    assert indexed_count([str(dump)]) == "not indexed"
    gone = indexed_count([str(tmp_path / "gone")])
    assert gone.lower() == f"no such file or folder: {tmp_path}/gone"
    with Library.open([str(dump)]) as lib:
        lib.sync()
    assert indexed_count([str(dump)]) == 1
