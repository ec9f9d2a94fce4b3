"""Property tests: arbitrary text to the loaders and the cleaner, arbitrary queries to search."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuireader.core.base.articles import Article
from tuireader.core.base.text import clean_line, clean_text, decode_bytes, json_safe, visible
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.ingest import loaders
from tuireader.core.search import QueryError

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Terminal-active characters that must never survive cleaning.
ACTIVE = set("\x1b\x9b\x9d\x07\x08\x7f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
texts = st.text(
    st.characters(codec=None, exclude_categories=()), max_size=300
)  # every code point, surrogates and controls included
hostile_text = st.one_of(
    texts,
    st.lists(
        st.sampled_from(
            [
                "\x1b[",
                "\x1b]52;c;",
                "\x07",
                "\x1b\\",
                "\x9b",
                "\r",
                "\r\n",
                "\x00",
                "[bold]",
                "\u202e",
                "\ufeff",
                "\ud800",
                "word",
                " ",
                "\n",
                '"',
                ",",
                "{",
                "}",
                "é",
                "\x85",
            ]
        ),
        max_size=40,
    ).map("".join),
)


def _source(path: Path) -> loaders.SourceFile:
    st_ = path.stat()
    return loaders.SourceFile(str(path), st_.st_size, st_.st_mtime_ns)


def _items(path: Path) -> list:
    """Everything a file yields; a whole-file failure may only be a ValueError (a skip)."""
    try:
        return [item for item, _ in loaders.iter_articles(_source(path))]
    except ValueError:
        return []


@given(hostile_text)
@SETTINGS
def test_cleaned_text_has_nothing_a_terminal_acts_on(text):
    for cleaned in (clean_text(text), clean_line(text)):
        assert not ACTIVE & set(cleaned)
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned)
        cleaned.encode("utf-8")  # always encodable
    assert "\n" not in clean_line(text) and "\r" not in clean_text(text)
    shown = visible(text)
    assert not ACTIVE & set(shown) and "\n" not in shown


@given(st.binary(max_size=400))
@SETTINGS
def test_any_bytes_decode(data):
    decoded = decode_bytes(data)
    assert isinstance(decoded, str)


@given(hostile_text)
@SETTINGS
def test_json_safe_keeps_the_value(text):
    line = json.dumps({"t": text}, ensure_ascii=False)
    safe = json_safe(line)
    assert json.loads(safe) == json.loads(line)
    assert not ACTIVE & set(safe)


def _check_articles(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, loaders.Skipped))
        if isinstance(item, Article):
            assert not ACTIVE & set(item.title + item.body + item.source)
            again = loaders.read_article(item.file, item.locator, item.key)
            assert again.title == item.title and again.body == item.body


@given(hostile_text, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"]))
@SETTINGS
def test_text_files_read_or_skip(text, encoding):
    data = (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", "surrogatepass")
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(data)
        _check_articles(_items(path))


@given(
    st.lists(
        st.one_of(
            hostile_text,
            st.dictionaries(
                st.sampled_from(["title", "text", "body", "id", "date", "source", "url", "Title"]),
                hostile_text,
            ),
        ),
        max_size=8,
    )
)
@SETTINGS
def test_jsonl_records_read_or_skip_alone(values):
    lines = [json.dumps(v) if isinstance(v, dict) else v.replace("\n", " ") for v in values]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
        items = _items(path)
        _check_articles(items)
        good = [v for v in values if isinstance(v, dict)]
        assert len([i for i in items if isinstance(i, Article)]) <= len(good)


@given(st.lists(st.lists(hostile_text, min_size=1, max_size=4), max_size=8), st.booleans())
@SETTINGS
def test_csv_rows_read_or_skip_alone(rows, raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.csv"
        if raw:  # not even valid CSV: joined by hand
            body = "title,text\n" + "\n".join(",".join(r) for r in rows)
        else:
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(["title", "text"])
            writer.writerows(rows)
            body = out.getvalue()
        path.write_bytes(body.encode("utf-8", "surrogatepass"))
        _check_articles(_items(path))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    root = tmp_path_factory.mktemp("props")
    for i, text in enumerate(["Kremlin denies hacking", "Senate passes budget 2016-10-01"]):
        (root / f"{i}.txt").write_text(f"Title {i}\n\n{text} putin peskov\n")
    corpus = Corpus([root])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    yield engine
    engine.close()
    store.close()
    mp.undo()


query_text = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "[",
                "]",
                "{",
                "}",
                "AND",
                "OR",
                "NOT",
                "-",
                "+",
                "*",
                "?",
                "~",
                "^",
                ":",
                "title:",
                "date:",
                "date:[",
                " to ",
                "2016",
                "person:",
                "quote:",
                "\\",
                "/",
                "putin",
                "kremlin",
                " ",
                "~2",
                "*x",
                "\x00",
                "\x1b",
                "é",
                "ANDNOT",
                "source:",
                "~9/0",
                "[a TO zzzz]",
                "body:[TO z]",
                "2016-13",
                '"putin kremlin"',
            ]
        ),
        max_size=12,
    ).map("".join),
)


@given(query_text)
@settings(max_examples=int(os.environ.get("QUERY_EXAMPLES", "200")), deadline=None)
def test_search_raises_only_query_error(engine, query):
    try:
        results = engine.search(query, limit=5)
    except QueryError:
        return
    assert results.total >= 0


@given(query_text)
@settings(max_examples=int(os.environ.get("QUERY_EXAMPLES", "200")), deadline=None)
def test_suggest_never_raises(engine, query):
    """The app asks for a suggestion after a search found nothing; the corrector raised
    TypeError on phrases and AttributeError on ranges."""
    suggestion = engine.suggest(query)
    assert suggestion is None or isinstance(suggestion, str)
