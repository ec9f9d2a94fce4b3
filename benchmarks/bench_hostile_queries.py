"""Slow and hostile queries: every one should answer or be refused with a message within 1 s.

    python benchmarks/bench_hostile_queries.py CORPUS [--queries 2000] [--seed 1]
                                               [--workdir DIR] [--show 15]

The corpus is indexed (or brought up to date) with the core sync into a cache under the work
dir (a temporary one without ``--workdir``; with it, an index built by an earlier run is
reused). ``--queries`` queries are generated from the index's own words and the query
language's syntax: wildcards, fuzzy terms with any number of edits and fixed letters, ranges
over words and dates, bare ``*``, operators, fields, brackets, quotes, long phrases, repeated
syntax characters and random characters. Each is run as the app runs it on Enter: the first
page (``search(q, limit=20, count=False)``), then the full list and count
(``search(q, limit=1000, count=True)``), then, when nothing matched, a spelling suggestion.

Printed: the slowest queries (first page, count, suggestion times, and the outcome: hits or
the message of the refusal), how many took over 1 s and 2 s, and every query that raised
anything but the project's QueryError (a crash: the count should be 0).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

SYNTAX = ["*", "?", "~", "~2", "~9", "~9/0", "~3/0", "~99", "^5", "(", ")", '"', "[", "]", ":"]
OPERATORS = ["AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "-", "+"]
FIELDS = ["title:", "body:", "source:", "date:", "exact:", "person:", "org:", "quote:"]


def _setup(workdir: Path) -> None:
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = workdir / var.removeprefix("XDG_").removesuffix("_HOME").lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(path)


def _words(engine, rng: random.Random, count: int = 3000) -> list[str]:
    """Words of the index's body field (a sample), for queries that match something."""
    reader = engine.inner._get_searcher().reader()
    words = [w.decode("utf-8") if isinstance(w, bytes) else w for w in reader.lexicon("body")]
    words = [w for w in words if w.isalpha()]
    return rng.sample(words, min(count, len(words)))


def _query(rng: random.Random, words: list[str]) -> str:
    """One generated query: a few parts, each a word, a pattern or some syntax."""
    kind = rng.random()
    if kind < 0.02:
        return '"' + " ".join(rng.choices(words, k=rng.randint(200, 15000))) + '"'
    if kind < 0.03:
        return "*" * rng.randint(1000, 100000)
    if kind < 0.05:
        return "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 60)))
    parts = []
    for _ in range(rng.randint(1, 5)):
        word = rng.choice(words)
        roll = rng.random()
        if roll < 0.2:
            part = word
        elif roll < 0.35:
            part = word[: rng.randint(0, len(word))] + rng.choice(["*", "?", "*?", "?*"])
        elif roll < 0.5:
            edits = rng.choice([1, 2, 3, 5, 9, 99])
            part = f"{word}~{edits}" + (f"/{rng.randint(0, 3)}" if rng.random() < 0.6 else "")
        elif roll < 0.6:
            low, high = sorted(rng.choices(words, k=2))
            part = rng.choice([f"[{low} TO {high}]", f"[TO {high}]", f"[{low} TO]", "[a TO zzzz]"])
            part = rng.choice(["", "body:", "title:"]) + part
        elif roll < 0.65:
            part = "*"
        elif roll < 0.7:
            year = rng.randint(1900, 2030)
            part = rng.choice(
                [f"date:{year}", f"date:{year}-{rng.randint(0, 13)}", f"date:[{year} to 2010]"]
            )
        elif roll < 0.78:
            part = rng.choice(FIELDS) + rng.choice([word, word + "*", word + "~2", '"' + word])
        elif roll < 0.88:
            part = rng.choice(OPERATORS)
        else:
            part = "".join(rng.choices(SYNTAX, k=rng.randint(1, 6)))
        parts.append(part)
    return " ".join(parts)


def _timed(call):
    start = time.perf_counter()
    try:
        outcome = call()
    except Exception as exc:  # noqa: BLE001 (recorded: QueryError is a refusal, others crashes)
        outcome = exc
    return time.perf_counter() - start, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    _setup(workdir)

    from tuireader.core.cache.corpus import Corpus
    from tuireader.core.cache.sync import sync
    from tuireader.core.search import QueryError

    corpus = Corpus([Path(args.corpus)])
    store, engine = corpus.open_store(), corpus.open_engine()
    print(f"indexing {args.corpus} under {workdir} …", file=sys.stderr)
    sync(corpus, store, engine)
    engine.refresh()
    rng = random.Random(args.seed)
    words = _words(engine, rng)
    rows = []
    crashes = []
    for _ in range(args.queries):
        query = _query(rng, words)
        page_s, page = _timed(lambda q=query: engine.search(q, limit=20, count=False))
        count_s, full = 0.0, page
        suggest_s, suggestion = 0.0, None
        if not isinstance(page, Exception):
            count_s, full = _timed(lambda q=query: engine.search(q, limit=1000, count=True))
            if not isinstance(full, Exception) and not full.hits:
                suggest_s, suggestion = _timed(lambda q=query: engine.suggest(q))
        for outcome in (page, full, suggestion):
            if isinstance(outcome, Exception) and not isinstance(outcome, QueryError):
                crashes.append((query, outcome))
        result = f"refused: {full}" if isinstance(full, Exception) else f"{full.total:,} hits"
        rows.append((page_s + count_s + suggest_s, page_s, count_s, suggest_s, query, result))
    engine.close()
    store.close()

    rows.sort(reverse=True)
    print(f"{args.queries:,} queries on {args.corpus} (seed {args.seed})")
    print(f"{'total s':>8} {'page s':>7} {'count s':>8} {'sugg s':>7}  query → outcome")
    for total, page_s, count_s, suggest_s, query, result in rows[: args.show]:
        shown = query if len(query) <= 60 else f"{query[:57]}… ({len(query):,} chars)"
        print(
            f"{total:8.3f} {page_s:7.3f} {count_s:8.3f} {suggest_s:7.3f}  {shown!r} → {result[:90]}"
        )
    totals = [row[0] for row in rows]
    print(
        f"over 1 s: {sum(t > 1 for t in totals)}, over 2 s: {sum(t > 2 for t in totals)}, "
        f"slowest {max(totals):.3f} s, median {sorted(totals)[len(totals) // 2] * 1000:.1f} ms, "
        f"refused {sum(row[5].startswith('refused') for row in rows)}"
    )
    print(f"crashes (not a QueryError): {len(crashes)}")
    for query, exc in crashes[:20]:
        print(f"  {query[:80]!r}: {type(exc).__name__}: {exc}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
