"""Raw texts of article files and dump records, as ``tuireader annotate`` annotates them."""

from __future__ import annotations

import codecs
import csv
import json
from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tuireader.core.annotate.pipeline import Annotations, annotate
from tuireader.core.annotate.raw_texts import (
    CorpusError,
    RawText,
    Skipped,
    find_sources,
    iter_raw_texts,
    json_line,
    summary_lines,
)
from tuireader.core.annotate.spans import Entity, Quote, Span
from tuireader.core.base.text import decode_bytes


def raw_texts(*paths: Path) -> list[RawText | Skipped]:
    sources, skipped = find_sources(list(paths))
    assert [s for s in skipped if not s.reason.startswith("not an article file")] == []
    return list(iter_raw_texts(sources))


def test_text_file_is_decoded_and_nothing_else(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + (
        "  Kremlin Denies Claims\r\n\r\nMoscow said \x1b[31mno\x1b[0m.\r\n\tMore\u202e text.  \n"
    ).encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [item] = raw_texts(path)
    assert isinstance(item, RawText)
    assert item.text == decode_bytes(data)
    assert item.text.startswith("  Kremlin") and "\r\n" in item.text and "\x1b" in item.text
    assert item.title == "Kremlin Denies Claims"
    assert (item.id, item.index, item.record_id) == (None, None, None)
    assert item.label == str(path)


def test_text_file_without_headline_gets_a_derived_title(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text("The storm hit the coast overnight. Crews worked all day.\n", encoding="utf-8")
    [item] = raw_texts(path)
    assert item.title == "The storm hit the coast overnight."


def test_cp1252_file(tmp_path: Path) -> None:
    data = "Caf\u00e9 owner \u201cquoted\u201d\n".encode("cp1252")
    path = tmp_path / "c.txt"
    path.write_bytes(data)
    [item] = raw_texts(path)
    assert item.text == "Caf\u00e9 owner \u201cquoted\u201d\n"


def test_folder_is_walked_like_the_reader(news_folder: Path) -> None:
    items = raw_texts(news_folder)
    names = [Path(i.path).relative_to(news_folder).as_posix() for i in items]
    assert names == ["2016/budget.md", "2016/oct/hack.txt", "noheadline.txt"]
    titles = [i.title for i in items]
    assert titles[:2] == ["Senate Passes Budget", "Kremlin Denies Hacking Claims"]
    assert items[0].text.startswith("# Senate Passes Budget\n\n")


def test_unreadable_text_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text(" \n\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Fine text here.\n", encoding="utf-8")
    items = raw_texts(tmp_path)
    reasons = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons == {"binary.txt": "binary file", "empty.txt": "empty file"}
    assert [Path(i.path).name for i in items if isinstance(i, RawText)] == ["ok.txt"]


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_records_keep_their_text_exactly(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("dump.jsonl.gz" if compress else "dump.jsonl")
    records = [
        {"id": "a1", "title": "First", "text": "  Body with\r\nCRLF and \x1b escapes.  "},
        {"headline": "Second", "body": "Only a body field."},
        {"TITLE": "Third", "Content": "Content field, upper-case keys."},
        {"id": 7, "text": "Numeric id."},
        {"title": "Title only"},
    ]
    write_jsonl(path, records, compress=compress)
    items = raw_texts(path)
    assert all(isinstance(i, RawText) for i in items)
    assert [i.text for i in items] == [
        records[0]["text"],
        "Only a body field.",
        "Content field, upper-case keys.",
        "Numeric id.",
        "",
    ]
    assert [i.id for i in items] == ["a1", 1, 2, 7, 4]
    assert [i.index for i in items] == [0, 1, 2, 3, 4]
    assert [i.record_id for i in items] == ["a1", None, None, 7, None]
    assert [i.title for i in items] == ["First", "Second", "Third", "Numeric id.", "Title only"]
    assert items[0].label == f"{path.resolve()}#a1"


def test_bad_records_are_skipped_and_still_counted(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"text": "one"}\n\nnot json\n[1, 2]\n{"id": ""}\n{"id": true, "text": "five"}\n',
        encoding="utf-8",
    )
    items = raw_texts(path)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawText", "Skipped", "Skipped", "Skipped", "RawText"]
    assert "bad JSON line" in items[1].reason
    assert items[2].reason == "record is not an object"
    assert items[3].reason == "record has no title or text"
    assert (items[0].id, items[4].id) == (0, 4)  # a boolean is no id


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "dump.json"
    array.write_text(
        json.dumps([{"id": "x", "text": "Caf\u00e9 \U0001f600 text"}, {"text": "Second"}]),
        encoding="utf-8",
    )
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"title": "T", "text": "Solo"}), encoding="utf-8")
    items = raw_texts(array, single)
    assert [(i.id, i.text) for i in items] == [
        ("x", "Caf\u00e9 \U0001f600 text"),
        (1, "Second"),
        (0, "Solo"),
    ]


def test_csv_records_are_the_cells_as_csv_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["r1", "One", 'Line one\r\nline "two", with comma'])
        writer.writerow(["", "Two", "Plain body."])
    with path.open(encoding="utf-8", newline="") as handle:
        expected = [row["text"] for row in csv.DictReader(handle)]
    items = raw_texts(path)
    assert [i.text for i in items] == expected
    assert [i.id for i in items] == ["r1", 1]


def test_bad_paths_raise_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file or folder"):
        find_sources([tmp_path / "missing"])
    (tmp_path / "x.odt").write_bytes(b"%PDF")
    with pytest.raises(CorpusError, match="not an article file"):
        find_sources([tmp_path / "x.odt"])


def test_unreadable_dump_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "fine"}, {"text": ', encoding="utf-8")
    items = raw_texts(path)
    assert isinstance(items[0], RawText)
    assert isinstance(items[-1], Skipped) and items[-1].path == str(path.resolve())


def test_json_line_escapes_terminal_controls_but_keeps_the_text() -> None:
    text = "A\u009b31m \u202eevil\u2028 \x1b[0m"
    item = RawText(path="/x.txt", text=text, title="t")
    annotations = Annotations([Entity(0, len(text), "MISC", text)], [])
    line = json_line(item, annotations)
    assert "\n" not in line and "\x1b" not in line
    assert not any(c in line for c in "\u009b\u202e\u2028")
    assert json.loads(line)["entities"][0]["text"] == text


def test_summary_lines_are_plain_text() -> None:
    text = 'Kremlin\x1b[2J said: "No \u202ecomment," said Dmitry Peskov.'
    item = RawText(path="/d.jsonl", text=text, title="Title\x07", record_id="r\x1b9", index=3)
    quote = Quote(19, 31, text[19:31], Span(38, 51, "Dmitry Peskov"), "Dmitry Peskov", None)
    annotations = Annotations(
        [Entity(0, 7, "ORG", "Kremlin"), Entity(38, 51, "PERSON", "Dmitry Peskov")], [quote]
    )
    lines = summary_lines(item, annotations)
    out = "\n".join(lines)
    assert not any(c in out for c in "\x1b\x07\u202e")
    assert lines[0] == "/d.jsonl#r9"
    assert lines[1] == "  Title"
    assert any(line.split()[:2] == ["PERSON", "1"] for line in lines)
    assert any(line.split()[:2] == ["ORG", "1"] for line in lines)
    assert any("Dmitry Peskov" in line and "\u2014" in line for line in lines)


def test_raw_text_annotations_index_the_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        b'Kremlin Denies Claims\r\n\r\n"It is rubbish," said Dmitry Peskov in Moscow.\r\n'
    )
    [item] = raw_texts(path)
    result = annotate(item.text)
    assert result.entities and result.quotes
    for entity in result.entities:
        assert item.text[entity.start : entity.end] == entity.text
