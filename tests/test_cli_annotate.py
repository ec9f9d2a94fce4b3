"""``tuireader annotate``: entities and quotations with offsets into the text as stored."""

from __future__ import annotations

import codecs
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.annotate.spans import Quote
from tuireader.core.base import paths as app_paths
from tuireader.core.base.text import decode_bytes

ARTICLE = (
    'Kremlin Denies Hacking Claims\r\n\r\nMoscow rejected the accusation on Friday. "The claims '
    'are rubbish," said Dmitry Peskov, the Kremlin spokesman. \U0001f600 Senator Ben Sasse said: '
    '"Russia must pay."\r\n'
)
BODY = (
    'Moscow rejected the accusation. "The claims are rubbish," said Dmitry Peskov, the Kremlin '
    'spokesman. Senator Ben Sasse said: "Russia must pay."'
)
ENTITY_KEYS = {"start", "end", "label", "text", "name"}
QUOTE_KEYS = set(Quote(0, 1, "x").to_dict())


def annotate_json(capsys, *args: str) -> list[dict]:
    assert main(["annotate", "--json", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def spans_of(record: dict) -> list[dict]:
    spans = list(record["entities"])
    for quote in record["quotes"]:
        spans.append(quote)
        spans.extend(s for s in (quote["speaker"], quote["cue"]) if s is not None)
    return spans


def check_offsets(text: str, record: dict) -> None:
    spans = spans_of(record)
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span


def check_shape(record: dict) -> None:
    assert {"path", "id", "title", "entities", "quotes"} <= set(record)
    for entity in record["entities"]:
        assert set(entity) == ENTITY_KEYS
    for quote in record["quotes"]:
        assert set(quote) == QUOTE_KEYS
        for key in ("speaker", "cue"):
            assert quote[key] is None or set(quote[key]) == {"start", "end", "text"}


def test_text_file_offsets_count_the_title_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "hack.txt"
    data = codecs.BOM_UTF8 + ARTICLE.encode("utf-8")
    path.write_bytes(data)
    [record] = annotate_json(capsys, str(path))
    check_shape(record)
    raw = decode_bytes(path.read_bytes())
    assert raw == ARTICLE  # decoding drops only the BOM
    check_offsets(raw, record)
    assert record["path"] == str(path.resolve())
    assert record["id"] is None and "index" not in record
    assert record["title"] == "Kremlin Denies Hacking Claims"
    moscow = next(e for e in record["entities"] if e["text"] == "Moscow")
    assert moscow["start"] == ARTICLE.index("Moscow") == 33  # title line and \r\n\r\n counted
    speakers = {q["speaker_name"] for q in record["quotes"]}
    assert speakers == {"Dmitry Peskov", "Ben Sasse"}
    peskov = next(q for q in record["quotes"] if q["speaker_name"] == "Dmitry Peskov")
    assert peskov["text"] == '"The claims are rubbish,"'
    assert peskov["cue"]["text"] == "said"


def test_markdown_headline_and_folder_walk(news_folder: Path, capsys) -> None:
    records = annotate_json(capsys, str(news_folder))
    names = [Path(r["path"]).relative_to(news_folder).as_posix() for r in records]
    assert names == ["2016/budget.md", "2016/oct/hack.txt", "noheadline.txt"]
    for record in records:
        check_shape(record)
        raw = Path(record["path"]).read_text(encoding="utf-8")
        for span in spans_of(record):
            assert raw[span["start"] : span["end"]] == span["text"]
    hack = records[1]
    moscow = next(e for e in hack["entities"] if e["text"] == "Moscow")
    assert moscow["start"] == len("Kremlin Denies Hacking Claims\n\n")


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_offsets_index_the_record_text(tmp_path: Path, capsys, compress: bool) -> None:
    path = tmp_path / ("dump.jsonl.gz" if compress else "dump.jsonl")
    records = [
        {"id": "r-1", "title": "Denial", "text": "  " + BODY + "\r\n"},
        {"title": "No id", "body": "\U0001f600 " + BODY},
        {"title": "Content", "content": BODY.replace("Moscow", "Paris")},
    ]
    write_jsonl(path, records, compress=compress)
    out = annotate_json(capsys, str(path))
    assert [(r["id"], r["index"]) for r in out] == [("r-1", 0), (1, 1), (2, 2)]
    assert [r["title"] for r in out] == ["Denial", "No id", "Content"]
    texts = [records[0]["text"], records[1]["body"], records[2]["content"]]
    for record, text in zip(out, texts, strict=True):
        check_shape(record)
        assert record["path"] == str(path.resolve())
        check_offsets(text, record)
        assert any(q["speaker_name"] == "Dmitry Peskov" for q in record["quotes"])


def test_csv_offsets_index_the_cell(tmp_path: Path, capsys) -> None:
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["a", "First", BODY.replace(". ", ".\r\n")])
        writer.writerow(["", "Second", "\u00c9lys\u00e9e: " + BODY])
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    out = annotate_json(capsys, str(path))
    assert [r["id"] for r in out] == ["a", 1]
    for record, text in zip(out, texts, strict=True):
        check_shape(record)
        check_offsets(text, record)


def test_json_array_offsets_index_the_record_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "dump.json"
    records = [{"id": 42, "title": "T", "text": BODY}, {"text": "\t" + BODY}]
    path.write_text(json.dumps(records, ensure_ascii=True, indent=1), encoding="utf-8")
    out = annotate_json(capsys, str(path))
    assert [r["id"] for r in out] == [42, 1]
    for record, source in zip(out, records, strict=True):
        check_shape(record)
        check_offsets(source["text"], record)


def test_summary_is_plain_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "hack.txt"
    path.write_text(ARTICLE.replace("Moscow", "\x1b[31mMoscow\x1b[0m"), encoding="utf-8")
    assert main(["annotate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "Kremlin Denies Hacking Claims" in out
    assert "PERSON" in out and "quotes: 2" in out
    assert "\u2014 Dmitry Peskov" in out and "\u2014 Ben Sasse" in out


def test_skipped_report(tmp_path: Path, capsys) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00" * 64)
    records = annotate_json(capsys, str(tmp_path))
    assert [Path(r["path"]).name for r in records] == ["good.txt"]
    assert main(["annotate", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "good.txt" in captured.out and "bad.txt" not in captured.out
    assert captured.err.splitlines() == [
        "skipped 1 item:",
        f"  {tmp_path / 'bad.txt'}: binary file",
    ]


def test_bad_path_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    assert main(["annotate", str(tmp_path / "nope")]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"tuireader: no such file or folder: {tmp_path / 'nope'}\n"
    assert captured.out == ""


def test_bad_path_exits_2_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "x.odt").write_bytes(b"%PDF")
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", "annotate", "--json", str(tmp_path / "x.odt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("tuireader: not an article file:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_model_with_embedded_backend_is_a_usage_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", "--backend", "embedded", "--model", "x", str(path)]) == 2
    assert capsys.readouterr().err.startswith("tuireader: --model")


# -- the spaCy backend from the command line ---------------------------------------------------


@pytest.fixture
def ruler_model(tmp_path: Path) -> Path:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [
            {"label": "PER", "pattern": "Dmitry Peskov"},
            {"label": "GPE", "pattern": "Moscow"},
            {"label": "NORP", "pattern": "Kremlin"},
        ]
    )
    path = tmp_path / "model"
    nlp.to_disk(path)
    return path


def test_spacy_model_option(tmp_path: Path, capsys, ruler_model: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [record] = annotate_json(capsys, "--model", str(ruler_model), str(path))
    found = {(e["text"], e["label"]) for e in record["entities"]}
    assert found == {("Dmitry Peskov", "PERSON"), ("Moscow", "LOC"), ("Kremlin", "MISC")}
    check_offsets(ARTICLE, record)
    assert "Dmitry Peskov" in {q["speaker_name"] for q in record["quotes"]}


def test_config_selects_spacy_and_option_overrides_it(
    tmp_path: Path, capsys, ruler_model: Path
) -> None:
    config = app_paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[entities]\nbackend = "spacy"\nmodel = "{ruler_model}"\n', "utf-8")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [record] = annotate_json(capsys, str(path))
    assert {e["label"] for e in record["entities"]} == {"PERSON", "LOC", "MISC"}
    [record] = annotate_json(capsys, "--backend", "embedded", str(path))
    assert ("Kremlin", "ORG") in {(e["text"], e["label"]) for e in record["entities"]}


def test_missing_spacy_model_warns_and_uses_embedded(tmp_path: Path, capsys) -> None:
    pytest.importorskip("spacy")  # without spaCy the warning says it is not installed
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["annotate", "--json", "--backend", "spacy", "--model", "no_such_xyz", str(path)])
    assert code == 0
    captured = capsys.readouterr()
    [warning] = captured.err.splitlines()
    assert warning.startswith("tuireader: ") and "no_such_xyz" in warning
    assert "embedded" in warning
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["entities"]


def test_bad_config_warns_and_uses_defaults(tmp_path: Path, capsys) -> None:
    config = app_paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[entities]\nbackend = "stanza"\n', "utf-8")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", "--json", str(path)]) == 0
    captured = capsys.readouterr()
    assert "entities.backend" in captured.err and "line 2" in captured.err
    assert json.loads(captured.out)["entities"]
