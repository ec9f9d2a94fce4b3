"""Exports: JSONL and CSV re-import as a corpus; Markdown carries marks and annotations."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.annotate import annotate
from tuireader.core.corpus import Corpus
from tuireader.core.export import build_items, default_export_path, export, format_for
from tuireader.core.sync import sync
from tuireader.core.userdata import UserData

DOCS = [
    {
        "id": "a",
        "title": "Russia denies hacking",
        "text": 'Moscow rejected it. "We did nothing," Dmitry Peskov said.\n\nSecond paragraph.',
        "date": "2016-10-07T10:00:00+00:00",
        "source": "Wire",
        "url": "https://example.com/a",
    },
    {"id": "b", "title": "Senate hearing", "text": "Ben Sasse spoke.", "date": "Oct. 8, 2016"},
    {"title": "Café owner, “quoted”", "text": 'A line\twith tabs, commas and "quotes".'},
]


@pytest.fixture
def indexed(tmp_path):
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", DOCS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    yield corpus, store, engine
    engine.close()
    store.close()


def reimport(path):
    corpus = Corpus([path])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    rows = store.rows(store.ordered_ids())
    articles = {row.title: corpus.read(row) for row in rows.values()}
    engine.close()
    store.close()
    return articles


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_reimports_as_a_corpus(indexed, tmp_path, fmt):
    corpus, store, _engine = indexed
    marks = UserData().corpus(corpus.id)
    ids = store.ordered_ids()
    out = tmp_path / f"export.{fmt}"
    with open(out, "w", encoding="utf-8", newline="") as handle:
        assert export(build_items(corpus, store, ids, marks), fmt, handle) == 3
    originals = {row.title: corpus.read(row) for row in store.rows(ids).values()}
    again = reimport(out)
    assert set(again) == set(originals)
    for title, article in originals.items():
        copy = again[title]
        assert copy.body == article.body
        assert copy.source == article.source
        assert copy.date == article.date
        assert copy.url == article.url


def test_jsonl_fields_with_marks_and_annotations(indexed):
    corpus, store, _engine = indexed
    marks = UserData().corpus(corpus.id)
    row = next(r for r in store.rows(store.ordered_ids()).values() if r.title.startswith("Russia"))
    marks.set_tags(row.key, ["kremlin", "hack"])
    marks.set_note(row.key, "check the quote")
    marks.set_starred(row.key)
    buffer = io.StringIO()
    items = build_items(corpus, store, [row.id], marks, lambda r, a: annotate(a.full_text))
    export(items, "jsonl", buffer)
    record = json.loads(buffer.getvalue())
    assert record["id"] == "a" and record["title"] == "Russia denies hacking"
    assert record["location"] == row.key and record["source"] == "Wire"
    assert record["date"].startswith("2016-10-07")
    assert record["tags"] == ["hack", "kremlin"] and record["note"] == "check the quote"
    assert record["starred"] is True
    assert {"text": "Dmitry Peskov", "label": "PERSON", "count": 1} in record["entities"]
    assert record["quotes"][0]["speaker"] == "Dmitry Peskov"
    assert "We did nothing" in record["quotes"][0]["text"]

    buffer = io.StringIO()
    items = build_items(corpus, store, [row.id], marks, lambda r, a: annotate(a.full_text))
    export(items, "md", buffer, heading="One article")
    text = buffer.getvalue()
    assert text.startswith("# One article\n\n## Russia denies hacking\n")
    for expected in (
        "**Tags:** hack, kremlin",
        "> check the quote",
        "### Names",
        "Dmitry Peskov (PERSON)",
        "### Quotations",
        "*Dmitry Peskov*",
        "Second paragraph.",
    ):
        assert expected in text

    buffer = io.StringIO()
    export(build_items(corpus, store, [row.id], marks), "csv", buffer)
    (record,) = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert record["tags"] == "hack kremlin" and record["starred"] == "yes"


def test_format_and_default_path(isolated_dirs):
    assert format_for("x.CSV") == "csv" and format_for("x.markdown") == "md"
    assert format_for("x.txt", "md") == "md"
    path = default_export_path("my news!", "starred")
    assert path.name.startswith("my-news-starred-") and path.suffix == ".md"
    assert path.parent.name == "tuireader"


def test_cli_export_starred_round_trip(indexed, tmp_path, capsys):
    corpus, store, _engine = indexed
    marks = UserData().corpus(corpus.id)
    rows = store.rows(store.ordered_ids()).values()
    for row in rows:
        if row.title in ("Senate hearing", "Café owner, “quoted”"):
            marks.set_starred(row.key)
    dump = str(corpus.paths[0])
    out = tmp_path / "starred.jsonl"
    assert main(["export", "is:starred", "--corpus", dump, "--output", str(out)]) == 0
    assert "exported 2 articles" in capsys.readouterr().err
    assert set(reimport(out)) == {"Senate hearing", "Café owner, “quoted”"}

    assert main(["export", "hacking", "--corpus", dump, "--format", "md"]) == 0
    printed = capsys.readouterr().out
    assert "## Russia denies hacking" in printed and "## Senate hearing" not in printed

    assert main(["export", "is:nonsense", "--corpus", dump]) == 2
    assert "is:nonsense" in capsys.readouterr().err


def test_cli_config_path_and_init(isolated_dirs, capsys):
    assert main(["config", "--path"]) == 0
    path = capsys.readouterr().out.strip()
    assert path.endswith("tuireader/config.toml") and path.startswith(str(isolated_dirs))
    assert main(["config", "--init"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["config", "--init"]) == 2
    assert "not replaced" in capsys.readouterr().err
    assert main(["config"]) == 0
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("theme = 3\n" + text)
    assert main(["config"]) == 2
    assert ", line 1: key theme" in capsys.readouterr().err
