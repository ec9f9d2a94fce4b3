"""Opening articles while a corpus is indexed for the first time: how long does a user wait?

    python benchmarks/bench_first_index.py CORPUS [--interval 0.5] [--after 20] [--workdir DIR]

Runs the reader app headless (Textual's test driver, 120x40) on CORPUS with an empty cache
(every XDG dir under the work dir), exactly as ``tuireader CORPUS`` does on a first launch: the
first pass (text index) and the second (entities and quotations) run in the app's background
worker. Every ``--interval`` seconds, as soon as the list has articles, a random article of the
list is opened (what Enter does) and the time until the reading pane shows it is recorded, with
the phase it fell in. After the sync, ``--after`` more opens give the figure without indexing.
Prints latency percentiles per phase, and the load average (the machine is shared).
Target: every open within 300 ms, indexing or not.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import benchlib

TARGET = 0.3


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between opens")
    parser.add_argument("--after", type=int, default=20, help="opens after the sync")
    parser.add_argument("--workdir", type=Path, help="kept; its cache is emptied first")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"no such corpus: {args.corpus}")
    root = args.workdir or Path(tempfile.mkdtemp(prefix="bench-first-index-"))
    shutil.rmtree(root / "cache", ignore_errors=True)
    os.environ.update(benchlib.isolated_env(root))
    try:
        return asyncio.run(run(args, random.Random(args.seed)))
    finally:
        if args.workdir is None:
            shutil.rmtree(root, ignore_errors=True)


async def run(args: argparse.Namespace, rng: random.Random) -> int:
    from tuireader.core.cache.corpus import Corpus
    from tuireader.ui.app import ReaderApp

    shown: dict[int, float] = {}

    class TimedApp(ReaderApp):
        CSS_PATH = str(Path(sys.modules[ReaderApp.__module__].__file__).parent / "app.tcss")

        def on_article_ready(self, message) -> None:
            super().on_article_ready(message)
            if message.view is not None:
                shown.setdefault(message.article_id, time.monotonic())

    load_before = benchlib.load_average()
    app = TimedApp(Corpus([args.corpus]))
    samples: dict[str, list[float]] = {"text": [], "annotations": [], "after": []}
    started = time.monotonic()
    sync_seconds = 0.0
    async with app.run_test(size=(120, 40)) as pilot:

        async def open_one(phase: str) -> None:
            ids = app.article_list.ids
            if not ids:
                return
            article_id = rng.choice(ids)
            shown.pop(article_id, None)
            asked = time.monotonic()
            app.open_article(article_id)
            while article_id not in shown:
                if time.monotonic() - asked > 60:
                    raise SystemExit(f"article {article_id} did not open within 60 s")
                await pilot.pause(0.005)
            samples[phase].append(shown[article_id] - asked)

        while not app.view.syncing and time.monotonic() - started < 10:
            await pilot.pause(0.05)
        while app.view.syncing:
            phase = app.view.sync_stage
            await open_one(phase)
            await pilot.pause(args.interval)
        sync_seconds = time.monotonic() - started
        for _ in range(args.after):
            await open_one("after")
            await pilot.pause(0.05)
        total = len(app.article_list.ids)
    print(f"{args.corpus.name}: {total:,} articles, first sync {sync_seconds:.1f} s")
    print(f"load average before {load_before}, after {benchlib.load_average()}")
    print(
        f"{'phase':<12}{'opens':>6}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}"
        f"{'> 300 ms':>10}"
    )
    for phase, values in samples.items():
        if not values:
            continue
        ms = [v * 1000 for v in values]
        slow = sum(v > TARGET for v in values)
        print(
            f"{phase:<12}{len(ms):>6}{statistics.median(ms):>9.0f}{percentile(ms, 0.9):>9.0f}"
            f"{percentile(ms, 0.99):>9.0f}{max(ms):>9.0f}{slow:>10}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
