"""Indexing throughput of ``tuireader index``: a synthetic corpus and the Reuters-21578 dump.

    python benchmarks/bench_index.py [--synthetic 20000] [--words 500]
                                     [--format jsonl|folder|mixed]
                                     [--reuters PATH] [--workdir DIR] [--keep]
                                     [--engine whoosh|tantivy ...] [--corpus FILE]

``--format mixed``: the synthetic articles as a folder mixing every document format (web
pages, PDF, DOCX, mail, feeds, mailboxes, crawls: mixed_formats.py; needs '.[all]').

Each corpus is indexed from scratch by the installed console script, into a cache dir of its own
(all XDG dirs point into the work dir), then indexed again with nothing changed (the
incremental check every launch does). Indexing has two passes: the text index (every article
searchable by its words: the rate the target is about), then entities and quotations into the
annotation index. Reported: articles/s of the text pass, of the annotation pass and overall,
MB/s of uncompressed input (text pass), peak RSS of the indexing process and of its process
tree (whoosh's MpWriter forks two indexing processes for large batches), the CPU time of the
whole tree per article (so that a busy machine can be told from a slow indexer), and the
index size. Target: >= 400 articles/s for articles of ~500 words on a 2-core machine.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import benchlib

TARGET_RATE = 400.0
REPO = Path(__file__).resolve().parent.parent
DEFAULT_REUTERS = REPO.parent / "shared" / "data" / "reuters21578.jsonl.gz"


@dataclass
class IndexResult:
    name: str
    stats: benchlib.CorpusStats
    build: benchlib.TimedRun
    rerun: benchlib.TimedRun
    index_bytes: int
    load_before: str
    load_after: str
    reported: str

    @property
    def text_seconds(self) -> float:
        """Until every article was searchable by its words (from the command's own report)."""
        match = re.search(r"searchable in ([\d.]+) s", self.reported)
        return float(match.group(1)) if match else self.build.seconds

    @property
    def annotation_seconds(self) -> float:
        match = re.search(r"entities and quotations of [\d,]+ in ([\d.]+) s", self.reported)
        return float(match.group(1)) if match else 0.0

    @property
    def rate(self) -> float:
        return self.stats.articles / self.text_seconds

    @property
    def annotation_rate(self) -> float:
        return self.stats.articles / self.annotation_seconds if self.annotation_seconds else 0.0

    @property
    def overall_rate(self) -> float:
        return self.stats.articles / self.build.seconds

    @property
    def mb_per_s(self) -> float:
        return self.stats.text_bytes / 1e6 / self.text_seconds


def folder_stats(root: Path) -> benchlib.CorpusStats:
    sizes, words = [], []
    for path in sorted(root.rglob("*.txt")):
        data = path.read_bytes()
        sizes.append(len(data))
        words.append(len(data.split()))
    words.sort()
    total = sum(sizes)
    return benchlib.CorpusStats(len(sizes), total, total, words[len(words) // 2] if words else 0)


def index_corpus(
    name: str, corpus: Path, stats: benchlib.CorpusStats, work: Path, engine: str = "whoosh"
) -> IndexResult:
    name = f"{name} {engine}"
    xdg = work / f"xdg-{name.replace(' ', '-')}"
    shutil.rmtree(xdg, ignore_errors=True)
    env = benchlib.isolated_env(xdg)
    argv = [benchlib.tuireader_script(), "index", "--engine", engine, str(corpus)]
    print(f"[{name}] indexing {stats.articles:,} articles (load {benchlib.load_average()})…")
    load_before = benchlib.load_average()
    build = benchlib.timed_run(argv, env)
    load_after = benchlib.load_average()
    if build.returncode != 0:
        sys.exit(f"tuireader index failed ({build.returncode}):\n{build.stderr[-3000:]}")
    summary = build.stdout.strip().splitlines()[0] if build.stdout.strip() else ""
    print(f"[{name}] {summary}")
    print(f"[{name}] re-running with nothing changed…")
    rerun = benchlib.timed_run(argv, env)
    if rerun.returncode != 0:
        sys.exit(f"tuireader index (re-run) failed:\n{rerun.stderr[-3000:]}")
    match = re.search(r"index: (.+)$", build.stdout, re.MULTILINE)
    cache = Path(match.group(1).strip()) if match else Path(env["XDG_CACHE_HOME"])
    return IndexResult(
        name, stats, build, rerun, benchlib.dir_bytes(cache), load_before, load_after, summary
    )


def report(results: list[IndexResult]) -> str:
    headers = [
        "corpus",
        "articles",
        "median words",
        "input MB",
        "text s",
        "text articles/s",
        "MB/s",
        "entities s",
        "entities articles/s",
        "command s",
        "overall articles/s",
        "CPU ms/article",
        "peak RSS",
        "peak RSS tree",
        "cache size",
        "× corpus",
        "re-run s",
        "load 1m before→after",
        f"≥{TARGET_RATE:.0f}/s",
    ]
    rows = []
    for r in results:
        long_enough = r.stats.median_words >= 350
        ok = r.rate >= TARGET_RATE
        rows.append(
            [
                r.name,
                f"{r.stats.articles:,}",
                f"{r.stats.median_words:,}",
                f"{r.stats.text_bytes / 1e6:,.1f}",
                f"{r.text_seconds:,.1f}",
                f"{r.rate:,.0f}",
                f"{r.mb_per_s:,.2f}",
                f"{r.annotation_seconds:,.1f}",
                f"{r.annotation_rate:,.0f}",
                f"{r.build.seconds:,.1f}",
                f"{r.overall_rate:,.0f}",
                f"{r.build.cpu_seconds / r.stats.articles * 1000:,.2f}",
                benchlib.mb(r.build.peak_rss_kb),
                benchlib.mb(r.build.peak_tree_kb),
                benchlib.mb(r.index_bytes, "bytes"),
                f"{r.index_bytes / r.stats.text_bytes:.2f}",
                f"{r.rerun.seconds:,.2f}",
                f"{r.load_before.split()[0]}→{r.load_after.split()[0]}",
                benchlib.verdict(ok) if long_enough else f"({benchlib.verdict(ok)}, short)",
            ]
        )
    return benchlib.table(headers, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=20_000, help="articles (0: skip)")
    parser.add_argument("--words", type=int, default=500, help="median words (synthetic)")
    parser.add_argument("--format", choices=("jsonl", "folder", "mixed"), default="jsonl")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuters",
        default=str(DEFAULT_REUTERS) if DEFAULT_REUTERS.exists() else "",
        help=f"Reuters-21578 .jsonl.gz (default: {DEFAULT_REUTERS} if present; '' to skip)",
    )
    parser.add_argument("--workdir", type=Path, help="keep corpora and indexes here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work dir")
    parser.add_argument(
        "--engine",
        action="append",
        choices=("whoosh", "tantivy"),
        help="search engine (repeatable: side by side in one run; default whoosh)",
    )
    parser.add_argument("--corpus", type=Path, help="an existing synthetic .jsonl to index")
    args = parser.parse_args(argv)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still clean up the work dir
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tuireader-bench-index-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work dir {work}; {benchlib.cpu_count()} CPUs; load {benchlib.load_average()}")
    results = []
    engines = args.engine or ["whoosh"]
    try:
        if args.corpus:
            stats = benchlib.jsonl_stats(args.corpus)
            for engine in engines:
                results.append(index_corpus(args.corpus.stem, args.corpus, stats, work, engine))
        elif args.synthetic > 0:
            suffix = {"folder": "", "mixed": "-mixed"}.get(args.format, ".jsonl")
            corpus = work / f"synthetic-{args.synthetic}-{args.words}w-s{args.seed}{suffix}"
            fmt = "jsonl" if args.format == "mixed" else args.format
            dump = corpus.with_name(corpus.name + ".jsonl") if args.format == "mixed" else corpus
            if not dump.exists():
                seconds = benchlib.make_corpus(args.synthetic, dump, args.words, args.seed, fmt)
                print(f"generated {dump.name} in {seconds:.1f} s")
            if args.format == "mixed" and not corpus.exists():
                from mixed_formats import make_mixed

                kinds = make_mixed(dump, corpus)
                print(f"wrote {corpus.name}: " + ", ".join(f"{n:,} {k}" for k, n in kinds.items()))
            folder = args.format == "folder"
            stats = folder_stats(corpus) if folder else benchlib.jsonl_stats(dump)
            for engine in engines:
                results.append(
                    index_corpus(f"synthetic-{args.format}", corpus, stats, work, engine)
                )
        if args.reuters:
            reuters = Path(args.reuters)
            if not reuters.is_file():
                sys.exit(f"no such file: {reuters}")
            stats = benchlib.jsonl_stats(reuters)
            for engine in engines:
                results.append(index_corpus("reuters21578", reuters, stats, work, engine))
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not results:
        print("nothing to index")
        return 1
    print()
    print(f"Indexing throughput (fresh `tuireader index`), {benchlib.cpu_count()} CPUs")
    print(report(results))
    print(
        "text: until every article is searchable by its words (the target's rate); entities: "
        "the second pass, filling the entity and quotation fields; command: the whole "
        "`tuireader index` run. input MB: uncompressed bytes read; CPU: user+system time of "
        "the command and every process it started; peak RSS: largest single process "
        "(ru_maxrss); peak RSS tree: indexer + its worker processes, sampled every 0.1 s. "
        f"Target ≥{TARGET_RATE:.0f} articles/s applies to ~500-word articles ('short': "
        "informational)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
