"""Exports: JSONL and CSV re-import as a corpus; Markdown carries marks and annotations."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.annotate.pipeline import annotate
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.present.export import build_items, default_export_path, export, format_for
from tuireader.core.user.userdata import UserData

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


# Characters that act on a terminal, or reorder what it shows, when written raw.
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_NAMES = ["\x1b]0;PWNED\x07 name.txt", "csi\u009b31m red.txt", "evil\u202etxt.exe.txt"]


@pytest.mark.parametrize("fmt", ["md", "jsonl", "csv"])
def test_exports_never_write_raw_controls_from_file_names(tmp_path, capsys, fmt):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in HOSTILE_NAMES:
        (folder / name).write_text("Storm news\n\nThe storm hit the coast.\n", encoding="utf-8")
    assert main(["export", "storm", "--corpus", str(folder), "--format", fmt]) == 0
    printed = capsys.readouterr().out
    assert printed.count("Storm news") == 3
    assert RAW_CONTROLS.search(printed) is None, repr(RAW_CONTROLS.search(printed))
    if fmt == "jsonl":  # the data itself is kept: JSON escapes decode to the real names
        locations = {json.loads(line)["location"] for line in printed.splitlines()}
        assert locations == {str(folder / name) for name in HOSTILE_NAMES}
    else:  # shown as visible escapes
        assert "\\x1b]0;PWNED\\x07 name.txt" in printed and "evil\\u202etxt" in printed


FORMULAS = {
    "id": "=1+1",
    "title": '=HYPERLINK("https://evil.example","click")',
    "source": "+cmd|' /C calc'!A0",
    "url": "@SUM(A1:A9)",
    "text": "-2+3 opens the article.\n\n=A1 in the middle of it stays.",
    "date": "2016-10-07",
}


def test_csv_cells_are_never_formulas_and_reimport_restores_them(tmp_path):
    quoted = {"id": "q", "title": "'Tis the season", "text": "\tTabbed start."}
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", [FORMULAS, quoted])])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    marks = UserData().corpus(corpus.id)
    rows = store.rows(store.ordered_ids()).values()
    key = next(r.key for r in rows if r.title.startswith("=HYPERLINK"))
    marks.set_tags(key, ["=tag"])
    marks.set_note(key, "=note()")
    out = tmp_path / "export.csv"
    with open(out, "w", encoding="utf-8", newline="") as handle:
        export(build_items(corpus, store, store.ordered_ids(), marks), "csv", handle)
    originals = {row.title: corpus.read(row) for row in rows}
    engine.close()
    store.close()
    with open(out, encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    for record in records:
        for column, cell in record.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    hostile = next(r for r in records if r["id"] == "'=1+1")
    assert hostile["tags"] == "'=tag" and hostile["note"] == "'=note()"
    again = reimport(out)
    assert set(again) == set(originals)
    for title, article in originals.items():
        assert (again[title].body, again[title].source, again[title].url) == (
            article.body,
            article.source,
            article.url,
        )
        assert again[title].record_id == article.record_id


def test_a_csv_from_elsewhere_keeps_its_leading_quotes(tmp_path):
    path = tmp_path / "theirs.csv"
    path.write_text("title,text\n'Tis the season,'Quoted' start.\n", encoding="utf-8")
    (article,) = reimport(path).values()
    assert (article.title, article.body) == ("'Tis the season", "'Quoted' start.")


def test_markdown_keeps_the_whole_title_and_the_paragraphs(tmp_path):
    opening = (
        "The storm that hit the coast overnight left thousands of homes without power and "
        "closed the main highway for most of the morning, officials said."
    )
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "storm.txt").write_text(
        f"{opening}\nCrews worked through the day.\nSchools stay shut.\n", encoding="utf-8"
    )
    corpus = Corpus([folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    (row,) = store.rows(store.ordered_ids()).values()
    assert row.title.endswith("…")  # the list shows it shortened
    buffer = io.StringIO()
    items = build_items(corpus, store, [row.id], None, lambda r, a: annotate(a.full_text))
    export(items, "md", buffer)
    engine.close()
    store.close()
    text = buffer.getvalue()
    assert f"## {opening}\n" in text
    assert f"{opening}\n\nCrews worked through the day.\n\nSchools stay shut.\n" in text


def test_cli_export_names_the_file_with_its_whole_path(indexed, tmp_path, capsys, monkeypatch):
    corpus, _store, _engine = indexed
    monkeypatch.chdir(tmp_path)
    assert main(["export", "hacking", "--corpus", str(corpus.paths[0]), "-o", "out.md"]) == 0
    assert f" to {tmp_path / 'out.md'}\n" in capsys.readouterr().err


def test_default_path_leaves_out_the_corpus_format_suffix(isolated_dirs):
    """A corpus opened from a dump is named after the file: the default export name must not
    carry its suffix ("harbor.jsonl.gz-results-….md" reads as a gzip file)."""
    assert default_export_path("harbor.jsonl.gz", "results").name.startswith("harbor-results-")
    assert default_export_path("Quillon.CSV", "starred", "csv").name.startswith("Quillon-starred-")
    assert default_export_path("jonsby.txt.gz +2", "results").name.startswith("jonsby-2-results-")
    assert default_export_path("cache.db", "starred").name.startswith("newsboat-starred-")
    assert default_export_path("news", "article").name.startswith("news-article-")


def test_markdown_of_several_articles_has_their_texts(indexed):
    """Results and starred exports (no annotations) carry each article's text too, as the
    JSONL and CSV ones do: a Markdown list of titles only lost what was read."""
    corpus, store, _engine = indexed
    buffer = io.StringIO()
    assert export(build_items(corpus, store, store.ordered_ids(), None), "md", buffer) == 3
    written = buffer.getvalue()
    assert "Moscow rejected it." in written and "Second paragraph." in written
    assert "Ben Sasse spoke." in written
    assert "### Names" not in written  # the names and quotations: the one-article export's
