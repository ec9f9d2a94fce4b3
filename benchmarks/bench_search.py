"""Search latency: tuireader's query-to-first-page-with-snippets against whoosh's bare search.

    python benchmarks/bench_search.py CORPUS_PATH [--queries 30] [--page 20] [--workdir DIR]
                                      [--seed 1] [--sample 2000] [--key-trials 15] [--no-keys]
                                      [--engine whoosh|tantivy]

With ``--engine tantivy`` the corpus is indexed by tantivy; "bare" is then the engine's own
search of the first page without snippets (there is no whoosh searcher to compare with), and
the whoosh-only tables are left out; the p95 table adds the first page's CPU time (its thread's
``time.thread_time``: tantivy searches in the calling thread), steadier than wall time when
other jobs share the cores.

The corpus is indexed (or brought up to date) with the core sync into a cache under the work
dir; with ``--workdir`` an index built by an earlier run is reused. Queries are picked from the
index's own vocabulary and from a sample of article bodies, ``--queries`` per class:

* rare: a word whose body doc frequency is 2-10 (the lowest frequencies >= 2 if none is);
* common: the most frequent indexed words (stop words are not indexed);
* and: two mid-frequency words (0.5-10 % of articles) from one article;
* phrase: two adjacent non-stop words from an article body, quoted;
* fuzzy: a real word (5+ letters) with one letter after the second changed, plus ``~``;
* field: ``title:<word>``, a word from a real title;
* date: ``date:[YYYY-MM-DD to YYYY-MM-DD]`` spanning ~10 % of the corpus's dated articles.

Each query is timed, in the same run, along three paths:

* tuireader: what the app does on Enter, up to the first page shown with its snippets:
  ``engine.search(q, limit=PAGE, count=False)`` (the app's first step; the rest of the list and
  the exact count follow, timed separately as "rest"), the page's rows and texts from the
  metadata store with ``Corpus.rows_and_bodies`` (one query, as the app's snippet worker; texts
  not kept there are read from the corpus), and for each row ``match_spans`` and
  ``make_snippet``;
* bare: ``searcher.search(engine.inner.parse(q), limit=PAGE)`` on a long-lived searcher of the
  index (parsing not timed), i.e. whoosh alone;
* live: ``engine.search(q, limit=1000, count=False)``, the search-as-you-type path (no snippets).

The order of tuireader and bare alternates from query to query, and each class is warmed up
once. A breakdown table splits the tuireader path (search top 1000, the stored ``aid`` of each
hit, the full count, rows, reading bodies, spans and snippets). Finally the app runs headless
(``ReaderApp.run_test``) and ``j`` is pressed while a slow query runs in the search worker: the
time until the list's cursor moves, and until the list repaints, is compared with one frame.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import benchlib

TARGET_RATIO = 1.3
FRAME_MS = 1000 / 60  # Textual draws at most 60 frames a second
SEARCH_LIMIT = 1000  # what the app asks for (tuireader.ui.controllers.search.SEARCH_LIMIT)
FIRST_PAGE = 20  # the least it asks for first on Enter (ui.controllers.search.FIRST_PAGE)
CLASSES = ("rare", "common", "and", "phrase", "fuzzy", "field", "date")
_WORD = re.compile(r"[a-z]+")


# -- statistics ------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(values: Sequence[float], baseline: Sequence[float]) -> float:
    """Ratio of the medians; nan without samples or with a zero baseline."""
    below = median(baseline)
    return median(values) / below if values and below > 0 else float("nan")


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    if math.isnan(seconds):
        return "-"
    value = seconds * 1000
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


# -- corpus access ---------------------------------------------------------------------------


def read_bodies(rows) -> dict[int, object]:
    """Articles for many rows, reading each file once in locator order (fast on .gz dumps).

    Used only to pick queries; the timed path gets texts the app's way (``Corpus.rows_and_bodies``).
    """
    from tuireader.core.cache.corpus import Corpus
    from tuireader.core.ingest.loaders import article_from_record, kind_of

    found: dict[int, object] = {}
    by_file: dict[str, list] = {}
    for row in rows:
        by_file.setdefault(row.file, []).append(row)
    for file, group in by_file.items():
        group.sort(key=lambda r: r.locator)
        if kind_of(file) != "jsonl":
            for row in group:
                with contextlib.suppress(Exception):
                    found[row.id] = Corpus.read(row)
            continue
        import gzip

        with open(file, "rb") as raw:
            handle = gzip.GzipFile(fileobj=raw) if file.lower().endswith(".gz") else raw
            for row in group:
                handle.seek(row.locator)
                line = handle.readline()
                with contextlib.suppress(Exception):
                    article = article_from_record(json.loads(line), file, row.locator)
                    article.key = row.key
                    found[row.id] = article
    return found


# -- picking queries ------------------------------------------------------------------------


@dataclass
class Vocabulary:
    ndocs: int
    body_df: dict[str, int]  # indexed body term -> doc frequency
    title_df: dict[str, int]
    surface: dict[str, Counter]  # indexed term -> the words (lower case) it came from
    articles: list[list[tuple[str, str, bool, int, int]]]  # body tokens of sampled articles
    bodies: list[str]
    titles: list[list[tuple[str, str, bool]]]
    dates: list[float]

    def word_for(self, term: str) -> str | None:
        words = self.surface.get(term)
        return words.most_common(1)[0][0] if words else None


def _field_df(reader, fieldname: str) -> dict[str, int]:
    df: dict[str, int] = {}
    if fieldname not in reader.indexed_field_names():
        return df
    for text, info in reader.iter_field(fieldname):
        term = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        df[term] = info.doc_frequency()
    return df


def build_vocabulary(store, searcher, analyzer, sample: int, rng: random.Random) -> Vocabulary:
    reader = searcher.reader()
    ids = store.ordered_ids()
    chosen = rng.sample(ids, min(sample, len(ids)))
    articles_by_id = read_bodies(list(store.rows(chosen).values()))
    surface: dict[str, Counter] = {}
    articles, bodies, titles = [], [], []
    for aid in chosen:
        article = articles_by_id.get(aid)
        if article is None:
            continue
        body = article.body or ""
        tokens = []
        for token in analyzer(body, chars=True, removestops=False, positions=True):
            word = body[token.startchar : token.endchar].lower()
            tokens.append((token.text, word, token.stopped, token.startchar, token.endchar))
            if not token.stopped:
                surface.setdefault(token.text, Counter())[word] += 1
        articles.append(tokens)
        bodies.append(body)
        title = article.title or ""
        titles.append(
            [
                (t.text, title[t.startchar : t.endchar].lower(), t.stopped)
                for t in analyzer(title, chars=True, removestops=False)
            ]
        )
    rows = store.db.execute("SELECT date_ts FROM articles WHERE date_ts IS NOT NULL")
    dates = sorted(r[0] for r in rows)
    return Vocabulary(
        ndocs=reader.doc_count(),
        body_df=_field_df(reader, "body"),
        title_df=_field_df(reader, "title"),
        surface=surface,
        articles=articles,
        bodies=bodies,
        titles=titles,
        dates=dates,
    )


def _usable(word: str | None, min_len: int = 3) -> bool:
    return bool(word) and len(word) >= min_len and _WORD.fullmatch(word) is not None


def pick_queries(
    vocab: Vocabulary, engine, n: int, rng: random.Random
) -> dict[str, list[tuple[str, str]]]:
    """Per class, up to ``n`` (query, note) pairs the engine accepts."""
    from tuireader.core.search import QueryError

    def accept(query: str) -> bool:
        try:
            engine.check_query(query)
        except QueryError:
            return False
        return True

    def collect(make: Callable[[], tuple[str, str] | None], tries: int = 60) -> list:
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        for _ in range(n * tries):
            if len(found) >= n:
                break
            made = make()
            if made is None or made[0] in seen:
                continue
            seen.add(made[0])
            if accept(made[0]):
                found.append(made)
        return found

    def word_of(term: str) -> str | None:
        word = vocab.word_for(term)
        if word is None and _usable(term):
            word = term  # a stem the analyzer keeps as it is
        return word if _usable(word) else None

    df = vocab.body_df
    queries: dict[str, list[tuple[str, str]]] = {}

    # rare: doc frequency 2-10, words seen in the sample first
    rare = [t for t, f in df.items() if 2 <= f <= 10 and word_of(t)]
    if len(rare) < n:
        rare = sorted((t for t in df if df[t] >= 2 and word_of(t)), key=df.get)[: n * 5]
    seen_rare = [t for t in rare if t in vocab.surface]
    pool = seen_rare if len(seen_rare) >= n else rare
    rng.shuffle(pool)
    rare_terms = iter(pool)
    queries["rare"] = collect(lambda: _next_term(rare_terms, word_of, df), tries=3)

    # common: the most frequent indexed words
    common = sorted((t for t in df if _usable(t) and word_of(t)), key=df.get, reverse=True)
    common_terms = iter(common)
    queries["common"] = collect(lambda: _next_term(common_terms, word_of, df), tries=3)

    low, high = max(2, int(0.005 * vocab.ndocs)), max(3, int(0.10 * vocab.ndocs))

    def make_and():
        tokens = rng.choice(vocab.articles)
        mid = sorted(
            {
                (t, w)
                for t, w, stopped, _s, _e in tokens
                if not stopped and low <= df.get(t, 0) <= high
            }
        )
        mid = [(t, w) for t, w in mid if _usable(w)]
        if len(mid) < 2:
            return None
        (t1, w1), (t2, w2) = rng.sample(mid, 2)
        if t1 == t2:
            return None
        return f"{w1} {w2}", f"df {df[t1]}+{df[t2]}"

    queries["and"] = collect(make_and)

    def make_phrase():
        index = rng.randrange(len(vocab.articles))
        tokens, body = vocab.articles[index], vocab.bodies[index]
        pairs = [
            (a, b)
            for a, b in zip(tokens, tokens[1:], strict=False)
            if not a[2]
            and not b[2]
            and _usable(a[1])
            and _usable(b[1])
            and body[a[4] : b[3]] == " "
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        return f'"{a[1]} {b[1]}"', f"df {df.get(a[0], 0)}+{df.get(b[0], 0)}"

    queries["phrase"] = collect(make_phrase)

    def make_fuzzy():
        tokens = rng.choice(vocab.articles)
        words = [w for t, w, stopped, _s, _e in tokens if not stopped and _usable(w, 5)]
        if not words:
            return None
        word = rng.choice(words)
        at = rng.randrange(2, len(word))
        letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[at]])
        return f"{word[:at]}{letter}{word[at + 1 :]}~", f"from {word}"

    queries["fuzzy"] = collect(make_fuzzy)

    def make_field():
        title = rng.choice(vocab.titles)
        words = [(t, w) for t, w, stopped in title if not stopped and _usable(w)]
        if not words:
            return None
        term, word = rng.choice(words)
        return f"title:{word}", f"title df {vocab.title_df.get(term, 0)}"

    queries["field"] = collect(make_field)

    def make_date():
        dates = vocab.dates
        if len(dates) < 20:
            return None
        span = max(1, len(dates) // 10)
        start = rng.randrange(0, len(dates) - span)
        first = datetime.fromtimestamp(dates[start], tz=UTC).date()
        last = datetime.fromtimestamp(dates[start + span], tz=UTC).date()
        return f"date:[{first.isoformat()} to {last.isoformat()}]", f"{(last - first).days + 1} d"

    queries["date"] = collect(make_date)
    return queries


def _next_term(it, word_of, df) -> tuple[str, str] | None:
    for term in it:
        word = word_of(term)
        if word:
            return word, f"df {df[term]}"
    return None


# -- timing -----------------------------------------------------------------------------------


@dataclass
class Sample:
    query: str
    tui: float
    bare: float
    live: float
    total: int
    parts: dict[str, float] = field(default_factory=dict)
    whoosh_page: float = 0.0  # whoosh's own way to the same page: search + hit.highlights


def tuireader_path(engine, store, corpus_cls, query: str, page: int):
    """Query to the first page of results with snippets, as the app computes them."""
    from tuireader.core.present.snippets import make_snippet

    parts: dict[str, float] = {}
    c0 = time.thread_time()  # CPU of this thread (tantivy searches in it): steadier under load
    t0 = time.perf_counter()
    # The app's first step on Enter (ui.controllers.search.Search._search): the best hits that
    # fill the list (``page`` rows, at least FIRST_PAGE), the count estimated; the rest of the
    # list and the exact count follow (timed as "rest").
    first = max(FIRST_PAGE, page)
    results = engine.search(query, limit=first, count=False)
    t1 = time.perf_counter()
    page_ids = results.ids[:page]
    # as the app's snippet worker: the rows with the texts kept in the store, in one query
    # (else read from the corpus)
    _rows, texts = corpus_cls.rows_and_bodies(store, page_ids)
    t2 = time.perf_counter()
    snippets = {}
    for article_id in page_ids:
        body = texts.get(article_id, "")
        spans = engine.match_spans(results.terms, body) if body else []
        snippets[article_id] = make_snippet(body, spans)
    spans_time = time.perf_counter() - t2
    t3 = time.perf_counter()
    parts["cpu"] = time.thread_time() - c0
    parts.update(search=t1 - t0, snippet=spans_time, total=t3 - t0)
    parts["rows+texts"] = t2 - t1
    total = results.total
    if len(results.hits) >= first:
        t4 = time.perf_counter()
        total = engine.search(query, limit=SEARCH_LIMIT, count=True).total
        parts["rest"] = time.perf_counter() - t4
    else:
        parts["rest"] = 0.0
    return t3 - t0, total, parts


def whoosh_page(searcher, parsed, page: int, store, corpus_cls) -> float:
    """The same output (a page with a snippet per row) made with whoosh alone: the search,
    the bodies got the same way (bodies are not stored in the index), and whoosh's
    highlighter (``hit.highlights``) for the snippet."""
    from tuireader.core.search.whoosh.schema import article_ids as _article_ids

    t0 = time.perf_counter()
    results = searcher.search(parsed, limit=page)
    column = _article_ids(searcher.reader())
    _rows, texts = corpus_cls.rows_and_bodies(store, [int(column[hit.docnum]) for hit in results])
    for hit in results:
        body = texts.get(int(column[hit.docnum]))
        if body:
            hit.highlights("body", text=body, top=1)
    return time.perf_counter() - t0


def bare_search(searcher, parsed, page: int) -> float:
    t0 = time.perf_counter()
    results = searcher.search(parsed, limit=page)
    results.scored_length()
    return time.perf_counter() - t0


def live_search(engine, query: str, errors: Counter | None = None) -> float:
    """The search-as-you-type path; a QueryError is counted (and its time kept)."""
    from tuireader.core.search import QueryError

    t0 = time.perf_counter()
    try:
        engine.search(query, limit=SEARCH_LIMIT, count=False)
    except QueryError as exc:
        if errors is not None:
            errors[str(exc)[:70]] += 1
    return time.perf_counter() - t0


def search_breakdown(engine, searcher, query: str) -> dict[str, float]:
    """Where the engine's search time goes, replayed step by step on the bare searcher."""
    from tuireader.core.search.whoosh.schema import article_ids as _article_ids
    from tuireader.core.search.whoosh.searching import highlight_terms as _highlight_terms

    t0 = time.perf_counter()
    parsed = engine.inner.parse(query)
    t1 = time.perf_counter()
    results = searcher.search(parsed, limit=SEARCH_LIMIT)
    t2 = time.perf_counter()
    column = _article_ids(searcher.reader())
    for score, docnum in results.top_n:
        int(column[docnum]), float(score)
    t3 = time.perf_counter()
    len(results)
    t4 = time.perf_counter()
    frozenset(_highlight_terms(parsed, searcher.reader()))
    t5 = time.perf_counter()
    return {
        "parse": t1 - t0,
        "top1000": t2 - t1,
        "aid": t3 - t2,
        "count": t4 - t3,
        "terms": t5 - t4,
        "hits": results.scored_length(),
    }


class _TermInfo:
    def __init__(self, df: int) -> None:
        self._df = df

    def doc_frequency(self) -> int:
        return self._df


class TantivyTerms:
    """What ``build_vocabulary`` reads of a whoosh reader, from the tantivy engine's terms."""

    def __init__(self, engine) -> None:
        self.engine = engine

    def reader(self):
        return self

    def doc_count(self) -> int:
        return self.engine.doc_count()

    def indexed_field_names(self):
        return ("title", "body")

    def iter_field(self, name: str):
        for term, df in self.engine.inner.term_counts(name).items():
            yield term, _TermInfo(df)


def run_class_engine(engine, store, corpus_cls, queries, page: int, errors: Counter) -> list:
    """``run_class`` for an engine without a whoosh searcher: bare is the engine's search of
    the first page alone (no snippets)."""
    samples: list[Sample] = []
    if not queries:
        return samples
    tuireader_path(engine, store, corpus_cls, queries[0][0], page)
    for query, _note in queries:
        tui, total, parts = tuireader_path(engine, store, corpus_cls, query, page)
        t0 = time.perf_counter()
        with contextlib.suppress(Exception):
            engine.search(query, limit=page, count=False)
        bare = time.perf_counter() - t0
        live = live_search(engine, query, errors)
        t0 = time.perf_counter()
        with contextlib.suppress(Exception):
            engine.search(query, limit=1, count=True)
        parts["count"] = time.perf_counter() - t0
        samples.append(Sample(query, tui, bare, live, total, parts, float("nan")))
    return samples


def run_class(
    engine, searcher, store, corpus_cls, queries, page: int, errors: Counter
) -> list[Sample]:
    samples: list[Sample] = []
    if not queries:
        return samples
    first = queries[0][0]
    # warm-up: every path once
    tuireader_path(engine, store, corpus_cls, first, page)
    bare_search(searcher, engine.inner.parse(first), page)
    whoosh_page(searcher, engine.inner.parse(first), page, store, corpus_cls)
    live_search(engine, first)
    for i, (query, _note) in enumerate(queries):
        parsed = engine.inner.parse(query)
        if i % 2:
            bare = bare_search(searcher, parsed, page)
            tui, total, parts = tuireader_path(engine, store, corpus_cls, query, page)
        else:
            tui, total, parts = tuireader_path(engine, store, corpus_cls, query, page)
            bare = bare_search(searcher, parsed, page)
        live = live_search(engine, query, errors)
        native = whoosh_page(searcher, parsed, page, store, corpus_cls)
        parts.update(search_breakdown(engine, searcher, query))
        samples.append(Sample(query, tui, bare, live, total, parts, native))
    return samples


# -- keypress latency -------------------------------------------------------------------------


@dataclass
class KeyTrial:
    state_ms: float  # key sent -> the list's cursor moved
    paint_ms: float  # key sent -> the list's first repaint after the move
    before_results: bool  # handled while the search was still running


async def _wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.01):
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(step)
    return True


async def key_latency(corpus_path: Path, query: str, trials: int) -> dict:
    """Press j in the result list, idle and while ``query`` runs in the search worker.

    Times are taken by hooks (the cursor watcher and the list's render_line), not by polling,
    so the measuring adds no event-loop turns of its own.
    """
    from tuireader.cli import FRAME_RATE

    # the frame rate the reader runs at (cli.run_open), read when Textual is first imported
    os.environ.setdefault("TEXTUAL_FPS", FRAME_RATE)
    from textual import constants, events
    from textual.worker import WorkerState

    from tuireader.core.cache.corpus import Corpus
    from tuireader.ui.app import ReaderApp

    app = ReaderApp(Corpus([corpus_path]))
    out: dict = {"idle": [], "busy": [], "missed": 0, "search_s": [], "fps": constants.MAX_FPS}

    async with app.run_test(size=(160, 50)) as pilot:

        async def settle() -> None:
            active = (WorkerState.PENDING, WorkerState.RUNNING)
            await _wait_until(lambda: not any(w.state in active for w in app.workers), 600)
            await pilot.pause()

        await _wait_until(lambda: app.library.index_open, 600, 0.05)
        await pilot.pause(0.5)
        await settle()
        lst = app.article_list
        marks: dict[str, float | int | None] = {}
        moved = asyncio.Event()
        painted = asyncio.Event()

        original_render = lst.render_line
        original_watch = lst.watch_cursor

        def render_line(y: int):
            if "state" in marks and "paint" not in marks:
                marks["paint"] = time.perf_counter()
                painted.set()
            return original_render(y)

        def watch_cursor(old: int, new: int) -> None:
            if "sent" in marks and "state" not in marks:
                marks["state"] = time.perf_counter()
                marks["cursor"] = new
                moved.set()
            original_watch(old, new)

        lst.render_line = render_line  # type: ignore[method-assign]
        lst.watch_cursor = watch_cursor  # type: ignore[method-assign]
        engine = app.library.engine
        original_search = engine.search

        def timed_search(*a, **kw):
            marks["search_start"] = time.perf_counter()
            try:
                return original_search(*a, **kw)
            finally:
                marks["search_end"] = time.perf_counter()

        engine.search = timed_search  # type: ignore[method-assign]

        async def trial(busy: bool) -> None:
            app.action_clear_search()
            await settle()
            lst.focus()
            if lst.cursor >= len(lst.ids) - 2:
                lst.cursor = 0
            await settle()
            marks.clear()
            moved.clear()
            painted.clear()
            before = lst.cursor
            if busy:
                started = time.perf_counter()
                app.run_search(query)
                await asyncio.sleep(0.03)  # let the worker get into whoosh
                if "search_start" not in marks or "search_end" in marks:
                    out["missed"] += 1
                    await settle()
                    return
            key = events.Key("j", "j")
            key.set_sender(app)
            marks["sent"] = time.perf_counter()
            app.post_message(key)  # what a driver does with a key read from the terminal
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(moved.wait(), 60)
                await asyncio.wait_for(painted.wait(), 60)
            await settle()
            if busy:
                out["search_s"].append(marks.get("search_end", started) - started)
            if marks.get("cursor") != before + 1 or "paint" not in marks:
                out["missed"] += 1  # the results replaced the list before the key was handled
                return
            sent = marks["sent"]
            before_results = marks["state"] < marks.get("search_end", math.inf)
            result = KeyTrial(
                (marks["state"] - sent) * 1000, (marks["paint"] - sent) * 1000, before_results
            )
            out["busy" if busy else "idle"].append(result)

        try:
            for _ in range(trials):
                await trial(busy=False)
                await trial(busy=True)
        finally:
            engine.search = original_search  # type: ignore[method-assign]
    return out


# -- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a corpus file or folder")
    parser.add_argument("--queries", type=int, default=30, help="queries per class")
    parser.add_argument("--page", type=int, default=20, help="rows on the first page")
    parser.add_argument("--workdir", type=Path, help="keep the index here and reuse it")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=2000, help="articles read to pick words")
    parser.add_argument("--key-trials", type=int, default=15)
    parser.add_argument("--key-query", help="the slow query for the keypress check")
    parser.add_argument("--no-keys", action="store_true", help="skip the keypress check")
    parser.add_argument("--engine", choices=("whoosh", "tantivy"), default="whoosh")
    args = parser.parse_args(argv)

    corpus_path = args.corpus.resolve()
    if not corpus_path.exists():
        sys.exit(f"{corpus_path}: no such file or folder")
    with contextlib.ExitStack() as stack:
        if args.workdir:
            root = args.workdir.resolve()
            root.mkdir(parents=True, exist_ok=True)
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-search-")))
        os.environ.update(benchlib.isolated_env(root / "xdg"))
        return run(args, corpus_path)


def run(args, corpus_path: Path) -> int:
    from whoosh import index as whoosh_index

    from tuireader.core.cache.corpus import Corpus
    from tuireader.core.cache.sync import sync

    print(f"# bench_search: {corpus_path}")
    print(f"load before: {benchlib.load_average()}  ({benchlib.cpu_count()} cores)")
    corpus = Corpus([corpus_path])
    corpus.choose_engine(args.engine)
    tantivy = args.engine == "tantivy"
    store = corpus.open_store()
    engine = corpus.open_engine()
    last = [0.0]

    def progress(p) -> None:
        if time.monotonic() - last[0] > 15:
            last[0] = time.monotonic()
            print(f"  indexing: {p.articles:,} articles, {p.fraction:.0%}", file=sys.stderr)

    report = sync(corpus, store, engine, progress=progress)
    engine.refresh()
    if report.busy:
        print("sync: another process is indexing this corpus; measuring the index as it is")
    print(
        f"sync: {report.added:,} added, {report.updated:,} updated in {report.seconds:.1f} s; "
        f"{engine.doc_count():,} documents in the index"
    )
    if tantivy:
        from tuireader.core.search.whoosh.analysis import news_analyzer

        searcher = TantivyTerms(engine)  # the same Porter2 stems: words picked alike
        analyzer = news_analyzer()
    else:
        bare_ix = whoosh_index.open_dir(str(corpus.index_dir))
        searcher = bare_ix.searcher()
        analyzer = searcher.schema["body"].analyzer
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    vocab = build_vocabulary(store, searcher, analyzer, args.sample, rng)
    queries = pick_queries(vocab, engine, args.queries, rng)
    print(
        f"queries picked in {time.perf_counter() - t0:.1f} s from {len(vocab.articles):,} "
        f"sampled articles, {len(vocab.body_df):,} body terms"
    )
    for cls in CLASSES:
        examples = ", ".join(f"{q} ({note})" for q, note in queries[cls][:3])
        print(f"  {cls:7} {len(queries[cls]):3}  e.g. {examples}")

    results: dict[str, list[Sample]] = {}
    live_errors: dict[str, Counter] = {}
    for cls in CLASSES:
        live_errors[cls] = Counter()
        if tantivy:
            results[cls] = run_class_engine(
                engine, store, Corpus, queries[cls], args.page, live_errors[cls]
            )
            continue
        results[cls] = run_class(
            engine, searcher, store, Corpus, queries[cls], args.page, live_errors[cls]
        )
    load_after = benchlib.load_average()

    print()
    print(f"## engine: {args.engine}")
    print(f"## Query to first page ({args.page} rows) with snippets vs bare searcher.search")
    print(f"corpus: {corpus_path.name}, {engine.doc_count():,} articles; load after: {load_after}")
    rows = []
    for cls in CLASSES:
        samples = results[cls]
        tui = [s.tui for s in samples]
        bare = [s.bare for s in samples]
        factor = ratio(tui, bare)
        rows.append(
            [
                cls,
                len(samples),
                f"{median([s.total for s in samples]):,.0f}" if samples else "-",
                ms(median(tui)),
                ms(p95(tui)),
                ms(median(bare)),
                ms(p95(bare)),
                f"{factor:.2f}x",
                f"<= {TARGET_RATIO}x",
                benchlib.verdict(factor <= TARGET_RATIO if samples else None),
            ]
        )
    every = [s for cls in CLASSES for s in results[cls]]
    live_ratio = ratio([s.live for s in every], [s.bare for s in every])
    rows.append(
        [
            "live (all)",
            len(every),
            "",
            ms(median([s.live for s in every])),
            ms(p95([s.live for s in every])),
            ms(median([s.bare for s in every])),
            ms(p95([s.bare for s in every])),
            f"{live_ratio:.2f}x",
            "info",
            "",
        ]
    )
    headers = ["class", "n", "hits med", "tui med ms", "tui p95", "bare med ms", "bare p95"]
    print(benchlib.table([*headers, "ratio", "target", "verdict"], rows))

    if tantivy:
        print()
        print("## tantivy: exact count (limit 1, count=True) per class, ms")
        count_rows = []
        for cls in CLASSES:
            counts = [s.parts["count"] for s in results[cls]]
            count_rows.append([cls, ms(median(counts)), ms(p95(counts))])
        print(benchlib.table(["class", "count med", "count p95"], count_rows))
        print("## First page with snippets, p95 <= 10 ms per class (cpu: its thread's CPU time)")
        p95_rows = []
        for cls in CLASSES:
            tui = [s.tui for s in results[cls]]
            cpu = [s.parts["cpu"] for s in results[cls]]
            p95_rows.append(
                [
                    cls,
                    ms(median(tui)),
                    ms(p95(tui)),
                    benchlib.verdict(p95(tui) <= 0.010),
                    ms(median(cpu)),
                    ms(p95(cpu)),
                ]
            )
        headers = ["class", "tui med", "tui p95", "<= 10 ms", "cpu med", "cpu p95"]
        print(benchlib.table(headers, p95_rows))
        return _finish(args, corpus_path, results, engine, store, None)
    print()
    print(
        "## The same page made with whoosh alone: search, texts got the same way, "
        "hit.highlights (ms)"
    )
    native_rows = []
    for cls in CLASSES:
        samples = results[cls]
        native = [s.whoosh_page for s in samples]
        tui = [s.tui for s in samples]
        factor = ratio(tui, native)
        native_rows.append(
            [
                cls,
                ms(median(tui)),
                ms(median(native)),
                ms(p95(native)),
                f"{factor:.2f}x",
                benchlib.verdict(factor <= TARGET_RATIO if samples else None),
            ]
        )
    print(
        benchlib.table(
            ["class", "tui med", "whoosh page med", "whoosh page p95", "ratio", "<= 1.3x"],
            native_rows,
        )
    )

    print()
    print("## Live search (count=False, no snippets) per class, ms")
    live_rows = []
    for cls in CLASSES:
        samples = results[cls]
        live = [s.live for s in samples]
        bare = [s.bare for s in samples]
        factor = ratio(live, bare)
        errors = sum(live_errors[cls].values())
        live_rows.append([cls, ms(median(live)), ms(p95(live)), f"{factor:.2f}x", errors])
    print(benchlib.table(["class", "live med", "live p95", "vs bare", "errors"], live_rows))
    for cls in CLASSES:
        for message, count in live_errors[cls].items():
            print(f"  live {cls}: {count} x QueryError {message!r}")

    print()
    print("## Where the tuireader path's time goes (medians, ms)")
    print(
        "search = engine.search(limit=PAGE, count=False), the first page; replayed on the bare "
        "searcher: top1000 = searcher.search(limit=1000), aid = the article id of each hit, "
        "count = len(); rest = what follows the first page (limit=1000, count=True), not in total"
    )
    parts = [
        "search",
        "parse",
        "top1000",
        "aid",
        "count",
        "terms",
        "rows+texts",
        "snippet",
        "rest",
    ]
    part_rows = []
    for cls in CLASSES:
        samples = results[cls]
        if not samples:
            continue
        bare_median = median([s.bare for s in samples]) or float("nan")
        part_rows.append(
            [
                cls,
                f"{median([s.parts['hits'] for s in samples]):,.0f}",
                *(ms(median([s.parts[p] for s in samples])) for p in parts),
                ms(median([s.tui for s in samples])),
                f"{median([s.parts['search'] for s in samples]) / bare_median:.2f}x",
            ]
        )
    headers = ["class", "scored", *parts, "total", "search/bare"]
    print(benchlib.table(headers, part_rows))
    print(
        "rows+texts: the page's rows and kept texts (one query, as the app's snippet worker); "
        "search/bare: engine.search alone against bare (ratio of medians)"
    )

    return _finish(args, corpus_path, results, engine, store, searcher)


def _finish(args, corpus_path: Path, results, engine, store, searcher) -> int:
    if not args.no_keys:
        key_query = args.key_query or slowest_query(results)
        print()
        print(f"## Keypress while a search runs (j in the list; query {key_query!r})")
        print(f"load before: {benchlib.load_average()}")
        out = asyncio.run(key_latency(corpus_path, key_query, args.key_trials))
        key_rows = [key_row("idle", out["idle"]), key_row("search running", out["busy"])]
        headers = ["", "n", "cursor med ms", "max", "repaint med ms", "max", "target", "verdict"]
        print(benchlib.table(headers, key_rows))
        print(
            f"at most {out['fps']} frames a second (TEXTUAL_FPS); "
            f"the query took {ms(median(out['search_s']))} ms median in the app's worker; "
            f"{sum(not t.before_results for t in out['busy'])} busy trials were handled only "
            f"after the search ended; {out['missed']} trials missed"
        )
    print(f"load at end: {benchlib.load_average()}")
    if searcher is not None:
        searcher.close()
    engine.close()
    store.close()
    return 0


def key_row(name: str, trials: list[KeyTrial]) -> list:
    state = [t.state_ms / 1000 for t in trials]
    paint = [t.paint_ms / 1000 for t in trials]
    return [
        name,
        len(trials),
        ms(median(state)),
        ms(max(state) if state else float("nan")),
        ms(median(paint)),
        ms(max(paint) if paint else float("nan")),
        f"<= {FRAME_MS:.1f}",
        benchlib.verdict(median(paint) * 1000 <= FRAME_MS if trials else None),
    ]


def slowest_query(results: dict[str, list[Sample]]) -> str:
    every = [s for samples in results.values() for s in samples]
    return max(every, key=lambda s: s.parts["search"]).query


if __name__ == "__main__":
    sys.exit(main())
