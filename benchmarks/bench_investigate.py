"""Investigating a corpus: what the entity table costs the annotation pass and the cache, and
how fast the views answer.

    python benchmarks/bench_investigate.py CORPUS [--work DIR] [--skip-baseline] [--repeat N]
    python benchmarks/bench_investigate.py CORPUS --existing XDG_DIR

``--existing``: no indexing; XDG_DIR holds a finished index of CORPUS (a copy: it is
changed). Times the sync that brings it up to date (an entity-table version bump makes the
rows again from the kept annotations, without annotating), prints the table's share of the
cache's disk (SQLite's page counts), then the views.

Indexes CORPUS twice in fresh caches under the work dir (XDG dirs pointed there): once as
is, once with the entity table switched off (its rows not made, and with parallel
annotation, the annotations not found in this process: the code before the table), and
prints the annotation pass's seconds and the cache's size for both. Then, warm, the time
of: the facets of the whole list, of a 10k-result list (the first 10,000 articles), the
quotations of the busiest speakers (the first call too; all their texts read, and as the
app opens the list: the texts of its first 200 rows), the near-duplicate groups of the
whole list; the time to read the entity table into memory.
Figures go in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _isolate(root: Path) -> None:
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = root / var.removeprefix("XDG_").removesuffix("_HOME").lower()
        path.mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(path)


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _without_table() -> None:
    """The annotation pass as it was before the entity table."""
    from tuireader.core.cache import annotation_sync

    original = annotation_sync._Pass._keep

    def keep(self, entry, article) -> None:
        if self.parallel:
            return
        original(self, entry, article)
        self.rows.pop()

    annotation_sync._Pass._keep = keep
    annotation_sync.shingles = lambda _text: frozenset()  # no near-duplicate sketches either
    annotation_sync.sketch = lambda _runs: ()
    annotation_sync._Pass._fill_entity_table = lambda self, done: None


def index(corpus: str, root: Path, with_table: bool) -> tuple[float, int]:
    """Index in a fresh cache, in a child process (one configuration each); returns the
    annotation pass's seconds (the sync's, less its text pass) and the cache's bytes."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    mode = "with" if with_table else "without"
    argv = [sys.executable, __file__, corpus, "--child", mode, "--work", str(root)]
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(done.stderr[-3000:])
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return found["annotation"], _dir_bytes(Path(found["cache"]))


def child(corpus: str, root: Path, mode: str) -> None:
    _isolate(root)
    if mode == "without":
        _without_table()
    from tuireader.core.library import Library

    with Library.open([corpus]) as library:
        library.open_index()
        start = time.perf_counter()
        report = library.sync()
        seconds = time.perf_counter() - start
        cache = library.corpus.cache_dir.as_posix()
    print(json.dumps({"annotation": seconds - report.text_seconds, "cache": cache}))


def timed(work, repeat: int = 5, clock=time.perf_counter) -> float:
    """Median milliseconds of ``work()`` (warm: one run first); ``clock``: time.process_time
    for this process's CPU time (the machine's load aside)."""
    work()
    times = []
    for _ in range(repeat):
        start = clock()
        work()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def table_share(library) -> None:
    """The entity table's pages against the whole cache folder."""
    tables = ("entity_names", "article_entities", "quotations", "entity_state")
    tables += ("sketch_keys", "near_duplicates", "near_duplicates_b")
    with library.connection() as store:
        sizes = dict(store.db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    table = sum(sizes.get(name, 0) for name in tables)
    cache = _dir_bytes(library.corpus.cache_dir)
    shown = (*tables[:3], *tables[4:])
    parts = ", ".join(f"{name} {sizes.get(name, 0) / 1e6:,.1f} MB" for name in shown)
    print(
        f"entity table {table / 1e6:,.1f} MB ({parts}) of a {cache / 1e6:,.1f} MB cache: "
        f"{100 * table / cache:.1f}% (+{100 * table / (cache - table):.1f}% over the rest)"
    )


def views(corpus: str, root: Path) -> None:
    _isolate(root)
    from tuireader.core.library import Library

    with Library.open([corpus]) as library:
        library.open_index()
        start = time.perf_counter()
        library.sync()
        seconds = time.perf_counter() - start
        print(f"sync (rows made again if their version changed): {seconds:,.1f} s")
        table_share(library)
        investigation = library.investigation
        start = time.perf_counter()
        index = investigation.index()
        load = (time.perf_counter() - start) * 1000
        ids = library.ordered_ids()
        some = ids[:10_000]
        print(f"articles {len(ids):,}; entity table read in {load:,.0f} ms")
        print(
            f"facets, whole list: {timed(lambda: investigation.entities(None, None, 5000)):,.1f} ms"
        )
        print(
            f"facets, {len(some):,}-article list: "
            f"{timed(lambda: investigation.entities(some, None, 5000)):,.1f} ms"
        )
        speakers = investigation.speakers()[:5]
        for number, (name, quotes) in enumerate(speakers):
            if number == 0:
                start = time.perf_counter()
                investigation.quotes(None, name)
                ms = (time.perf_counter() - start) * 1000
                print(f"who said what, {name!r}, first call: {ms:,.1f} ms")
            ms = timed(lambda name=name: investigation.quotes(None, name), repeat=3)
            cpu = timed(lambda name=name: investigation.quotes(None, name), 3, time.process_time)
            print(f"who said what, {name!r} ({quotes:,} quotations): {ms:,.1f} ms ({cpu:,.1f} CPU)")

            def as_the_app(name=name) -> None:  # listed, the first rows' texts read
                listed = investigation.quotes(None, name, texts=False)
                investigation.quote_texts(listed[:200])

            ms = timed(as_the_app, repeat=3)
            cpu = timed(as_the_app, 3, time.process_time)
            print(f"  as the app opens it (texts of the first 200): {ms:,.1f} ms ({cpu:,.1f} CPU)")
        top = investigation.entities(None, "person", 1)
        if top:
            ms = timed(lambda: investigation.cooccurring(top[0].name), repeat=3)
            print(f"co-occurrence of {top[0].name!r}: {ms:,.1f} ms")
        print(f"timeline by month: {timed(lambda: investigation.timeline(None, 'month')):,.1f} ms")
        start = time.perf_counter()
        groups = library.duplicate_groups(ids)
        ms = (time.perf_counter() - start) * 1000
        folded = sum(len(group) - 1 for group in groups)
        print(
            f"near-duplicates of the whole list (folded in a worker): {ms:,.0f} ms first, "
            f"{timed(lambda: library.duplicate_groups(ids), repeat=3):,.0f} ms warm; "
            f"{len(groups):,} groups, {folded:,} articles folded"
        )
        del index


def synthetic_views(articles: int, root: Path) -> None:
    """The views over a synthetic entity table of ``articles`` articles (names drawn from a
    Zipf-like distribution, ~20 a article, a few speakers): the table as the annotation pass
    writes it, without annotating a corpus of that size first."""
    import random
    from collections import Counter

    from tuireader.core.cache.entity_table import EntityTableWriter
    from tuireader.core.cache.store import MetaStore
    from tuireader.core.investigate.corpus import EntityIndex
    from tuireader.core.investigate.rows import EntityRow

    root.mkdir(parents=True, exist_ok=True)
    path = root / "synthetic.sqlite"
    path.unlink(missing_ok=True)
    store = MetaStore(path)
    rng = random.Random(7)
    people = [f"Person{n} Surname{n % 5000}" for n in range(60_000)]
    others = [f"Organisation {n}" for n in range(40_000)]
    writer = EntityTableWriter()
    batch = []
    for article_id in range(1, articles + 1):
        row = EntityRow()
        for _ in range(20):
            kind = rng.randrange(4)
            pool = people if kind == 0 else others
            row.entities[kind, pool[min(len(pool) - 1, int(rng.paretovariate(1.1)) - 1)]] += 1
        for _ in range(rng.randrange(3)):
            row.speakers[people[min(len(people) - 1, int(rng.paretovariate(1.2)) - 1)]] += 1
        batch.append((article_id, row))
        if len(batch) == 5000:
            store.put_annotations([], also=writer.writer(batch))
            batch = []
    if batch:
        store.put_annotations([], also=writer.writer(batch))
    start = time.perf_counter()
    index = EntityIndex(store.entity_names(), store.entity_rows())
    load = (time.perf_counter() - start) * 1000
    ids = list(range(1, articles + 1))
    rng.shuffle(ids)
    some = ids[:10_000]
    print(f"synthetic table, {articles:,} articles: read in {load:,.0f} ms")
    print(f"  facets, whole list: {timed(lambda: index.facets(None, None, 5000, False)):,.1f} ms")
    ms = timed(lambda: index.facets(some, None, 5000, False))
    print(f"  facets, 10,000-article list: {ms:,.1f} ms")
    counts = Counter(index.speaker_counts(None))
    busiest = counts.most_common(1)[0][0]
    ms = timed(lambda: index.articles_quoting({busiest}, None))
    print(f"  articles quoting the busiest speaker ({counts[busiest]:,} quotations): {ms:,.1f} ms")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--work", default=None)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=1, help="index with and without the table N times each"
    )
    parser.add_argument("--existing", metavar="XDG_DIR", help="time the views of this index")
    parser.add_argument("--child", choices=("with", "without"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--synthetic-table",
        type=int,
        metavar="N",
        help="only time the views over a synthetic entity table of N articles (CORPUS unused)",
    )
    args = parser.parse_args()
    if args.synthetic_table:
        synthetic_views(args.synthetic_table, Path(args.work or tempfile.mkdtemp()))
        return
    if args.child:
        child(args.corpus, Path(args.work), args.child)
        return
    if args.existing:
        views(args.corpus, Path(args.existing))
        return
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-investigate-"))
    corpus = str(Path(args.corpus).resolve())
    withs, withouts = [], []
    for _round in range(args.repeat):  # alternated: the machine's load shifts meanwhile
        with_seconds, with_bytes = index(corpus, work / "with", True)
        withs.append(with_seconds)
        mb = with_bytes / 1e6
        print(f"with the entity table: annotation pass {with_seconds:,.1f} s, cache {mb:,.1f} MB")
        if args.skip_baseline:
            continue
        base_seconds, base_bytes = index(corpus, work / "without", False)
        withouts.append(base_seconds)
        mb = base_bytes / 1e6
        print(f"without it:            annotation pass {base_seconds:,.1f} s, cache {mb:,.1f} MB")
    with_seconds = statistics.median(withs)
    if not args.skip_baseline:
        base_seconds = statistics.median(withouts)
        if args.repeat > 1:
            print(f"medians: {with_seconds:,.1f} s with, {base_seconds:,.1f} s without")
        print(
            f"the table adds {100 * (with_seconds / base_seconds - 1):+.1f}% to the annotation "
            f"pass and {100 * (with_bytes / base_bytes - 1):+.1f}% to the cache"
        )
        shutil.rmtree(work / "without", ignore_errors=True)
    views(corpus, work / "with")


if __name__ == "__main__":
    main()
