"""No file is passed over silently: unsupported, hidden, an extra not installed (told once per
extension), no text, unreadable: each is listed with its reason, by the store and the CLI."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.core.ingest.formats import makers
from tuireader.cli import main
from tuireader.core.ingest import formats
from tuireader.core.ingest.loaders import Skipped, check_paths, discover


def test_every_file_not_read_is_listed_with_its_reason(tmp_path):
    (tmp_path / "a.txt").write_text("A note\n\nText.")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README").write_text("no extension")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nText.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    files, skipped = discover(check_paths([tmp_path]))
    root = tmp_path.resolve()
    assert [Path(f.path).name for f in files] == ["a.txt"]
    assert set(skipped) == {
        Skipped(str(root / "photo.jpg"), "not an article file (cannot read .jpg files)"),
        Skipped(
            str(root / "README"), "not an article file (cannot read files without an extension)"
        ),
        Skipped(str(root / ".hidden.txt"), "hidden file (its name starts with a dot)"),
        Skipped(str(root / ".git"), "hidden folder (its name starts with a dot): not looked into"),
    }


def test_a_missing_extra_is_told_once_per_extension(tmp_path, monkeypatch):
    for name in ("a.pdf", "b.pdf", "c.pdf", "d.warc.gz", "e.txt"):
        (tmp_path / name).write_bytes(b"Title\n\nText")
    real = formats.importable
    absent = ("pypdfium2", "warcio")
    monkeypatch.setattr(formats, "importable", lambda m: m not in absent and real(m))
    files, skipped = discover(check_paths([tmp_path]))
    root = tmp_path.resolve()
    assert [Path(f.path).name for f in files] == ["e.txt"]
    assert skipped == [
        Skipped(f"{root / 'a.pdf'} and 2 more", "install tuireader[pdf] to read .pdf files"),
        Skipped(str(root / "d.warc.gz"), "install tuireader[warc] to read .warc.gz files"),
    ]


def test_index_skipped_names_every_file_of_a_mixed_folder_not_read(tmp_path, capsys):
    pytest.importorskip("pypdfium2")
    folder = tmp_path / "mixed"
    makers.mixed_folder(folder)
    (folder / "scan.pdf").write_bytes(makers.pdf_document([""], title="Scan"))
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    assert main(["index", str(folder), "--skipped"]) == 0
    err = capsys.readouterr().err
    assert "scan.pdf: no text layer" in err
    assert "slides.pptx: not an article file (cannot read .pptx files)" in err
    assert "skipped 2 items" in err


def test_standard_input_is_a_jsonl_corpus(monkeypatch, capsys):
    lines = "".join(
        json.dumps({"id": str(i), "title": f"Piped {i}", "text": "Text from a pipe."}) + "\n"
        for i in range(3)
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert main(["index", "-"]) == 0
    out = capsys.readouterr().out
    assert "3 articles (3 added" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert main(["index", "-"]) == 0  # the same input again: the same corpus, nothing new
    assert "3 articles (0 added" in capsys.readouterr().out
