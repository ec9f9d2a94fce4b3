"""Choosing the search engine of a corpus: config, --engine, switching (the index is built
again, the list and the user's marks stay), and the one-time suggestion of tantivy."""

from __future__ import annotations

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.base import paths
from tuireader.core.library import Library, engine_advice
from tuireader.core.search import engine_available
from tuireader.core.user.config import load_config

pytestmark = pytest.mark.skipif(not engine_available("tantivy"), reason="tantivy not installed")

DOCS = [
    {"id": "a", "title": "Russia denies hacking", "text": "Moscow said the hacking was not it."},
    {"id": "b", "title": "Budget", "text": "The minister presented the budget in Moscow."},
]


@pytest.fixture
def dump(tmp_path):
    return write_jsonl(tmp_path / "news.jsonl", DOCS)


def _id(lib: Library, title: str) -> int:
    return next(r.id for r in lib.rows(lib.ordered_ids()).values() if r.title == title)


def test_switching_engines_rebuilds_the_index_and_keeps_marks(dump):
    with Library.open([str(dump)]) as lib:
        assert lib.corpus.engine == "whoosh"
        lib.sync()
        hacking = _id(lib, "Russia denies hacking")
        lib.set_starred(hacking)
        lib.set_tags(hacking, ["kremlin"])
        lib.set_note(hacking, "check it")
        whoosh_dir = lib.corpus.index_dir
    assert whoosh_dir.is_dir()
    with Library.open([str(dump)]) as lib:
        lib.corpus.choose_engine("tantivy")
        lib.sync()
        assert lib.corpus.index_dir.name == "tantivy"
        assert not whoosh_dir.exists()  # the other engine's index is not kept
        assert _id(lib, "Russia denies hacking") == hacking  # the same list
        assert lib.search("hacks").ids == [hacking]
        assert lib.search("is:starred tag:kremlin moscow").ids == [hacking]
        view = lib.article(hacking)
        assert view.marks.starred and view.marks.note == "check it"
    with Library.open([str(dump)]) as lib:  # the choice is kept for this corpus
        assert lib.corpus.engine == "tantivy"


def test_the_config_chooses_the_engine_unless_a_corpus_has_its_own(dump, tmp_path):
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[search]\nengine = "tantivy"\n', encoding="utf-8")
    with Library.open([str(dump)]) as lib:
        assert lib.corpus.engine == "tantivy"
    other = write_jsonl(tmp_path / "other.jsonl", DOCS)
    with Library.open([str(other)]) as lib:
        lib.corpus.choose_engine("whoosh")
    with Library.open([str(other)]) as lib:
        assert lib.corpus.engine == "whoosh"


def test_an_unknown_engine_in_the_config_is_a_problem_with_a_hint(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[search]\nengine = "tantivi"\n', encoding="utf-8")
    problems: list[str] = []
    assert load_config(config, problems).search_engine is None
    assert len(problems) == 1 and "search.engine" in problems[0] and "tantivy" in problems[0]


def test_engine_option_of_index_and_search(dump, capsys):
    assert main(["index", "--engine", "tantivy", str(dump)]) == 0
    capsys.readouterr()
    assert main(["search", "hacking", "--corpus", str(dump)]) == 0  # remembered
    assert "Russia denies hacking" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["search", "x", "--engine", "lucene", "--corpus", str(dump)])


def test_a_big_corpus_on_whoosh_is_told_about_tantivy_once(dump, monkeypatch):
    monkeypatch.setattr(engine_advice, "SUGGEST_TANTIVY_FROM", 2)
    with Library.open([str(dump)]) as lib:
        advice = lib.sync().advice
        assert "tantivy" in advice and "--engine tantivy" in advice
        assert lib.sync().advice == ""
    with Library.open([str(dump)]) as lib:
        lib.corpus.choose_engine("tantivy")
        assert lib.sync().advice == ""
