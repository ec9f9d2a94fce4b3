"""Index the hostile corpus at scale and check that nothing crashed and nothing valid was lost.

    python benchmarks/stress.py [--scale N] [--workdir DIR] [--keep]

At ``--scale 1`` the corpus has a 200 MB article, 100,000 files in one folder and a 5 MB line
with no breaks, besides every other hostile case of ``tests/core/ingest/test_hostile_corpus.py``
(encodings, BOMs, NULs, escape sequences, binary files, symlink loops, FIFOs, bad JSON lines
and CSV rows, truncated and damaged .gz, deep nesting, undecodable file names, and the bad
documents: a malformed feed item, a broken MIME part, a truncated WARC record, an encrypted and
a damaged PDF, a damaged DOCX, a cache.db that is not newsboat's). Sizes scale
linearly (``--scale 0.1``: 20 MB, 10,000 files, 512 KB).

``tuireader index`` runs in its own process (with its own platformdirs dirs under the work
dir); the report gives the files read, the items skipped by reason, the peak memory (VmHWM)
of the indexing process and of its worker processes, and the time. Then the index is checked:
the article count, the index's document count and a search for the word every valid article
carries must all equal the number of valid articles, and every article's own word must find
exactly it. Exit code 1 when a check fails.

Then the damage cases, each on a small corpus indexed afresh (``--no-damage`` leaves them out):
an index segment cut to half, emptied or overwritten with random bytes (text and annotation
index); the article list deleted, emptied or damaged (header, pages); 25 of 1,025 records dated
0001-01-01T00:00:00+01:00 (before year 1 in UTC); a record nested 100,000 deep. Each must end
with every article found exactly once by ``tuireader search``, exit 0 and no traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.core.ingest.test_hostile_corpus import MARK, make_hostile_corpus  # noqa: E402

RUNNER = """
import json, resource, sys
from tuireader.cli import main
code = main(["index", sys.argv[1], "--skipped"])
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "vmhwm_kb": hwm(), "children_maxrss_kb": children}),
      file=sys.stderr)
sys.exit(code)
"""


def _category(reason: str) -> str:
    """A reason without its particulars (sizes, positions, messages), for counting."""
    if reason.startswith("cut:"):
        return "cut: only the first part is read"
    head = re.split(r"[:(]", reason, maxsplit=1)[0].strip()
    return re.sub(r"(?<![\w-])\d[\d,.]*", "N", head)


def _descendants(pid: int) -> set[int]:
    """The process ids below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _vmhwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


DAMAGE_ARTICLES = 60


def _damage_corpus(root: Path) -> int:
    """Text files, plus a dump with out-of-range dates and a deeply nested record; returns
    how many articles it holds."""
    root.mkdir(parents=True)
    for i in range(DAMAGE_ARTICLES):
        (root / f"{i:03d}.txt").write_text(f"Story {i}\n\n{MARK} d{i}x " + "filler " * 40)
    lines = [
        json.dumps(
            {
                "id": str(i),
                "title": f"Dated {i}",
                "text": f"{MARK} r{i}x",
                "date": "0001-01-01T00:00:00+01:00" if i % 41 == 0 else "2016-10-07T12:00:00Z",
            }
        )
        for i in range(1025)
    ]
    nested = '{"title": "Deep", "text": "' + MARK + ' deep", "extra": ' + "[" * 100_000
    lines.append(nested + "]" * 100_000 + "}")
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n")
    return DAMAGE_ARTICLES + 1025  # the deep record is skipped, with its reason


def _damage(cache: Path, case: str) -> None:
    import random
    import sqlite3

    part, how = case.split(":")
    if part == "store":
        store = cache / "articles.sqlite"
        if how == "deleted":
            for path in cache.glob("articles.sqlite*"):
                path.unlink()
        elif how == "emptied":
            store.write_bytes(b"")
            for path in cache.glob("articles.sqlite-*"):
                path.unlink()
        elif how == "rows-deleted":
            db = sqlite3.connect(store)
            db.execute("DELETE FROM articles")
            db.commit()
            db.close()
        else:
            data = bytearray(store.read_bytes())
            span = (
                slice(0, 100) if how == "header" else slice(len(data) // 3, len(data) // 3 + 8192)
            )
            data[span] = b"\xa5" * (span.stop - span.start)
            store.write_bytes(bytes(data))
        return
    rng = random.Random(4)
    for segment in (cache / part).glob("*.seg"):
        data = bytearray(segment.read_bytes())
        if how == "half":
            data = data[: len(data) // 2]
        elif how == "empty":
            data = bytearray()
        else:
            for _ in range(2000):
                data[rng.randrange(len(data))] = rng.randrange(256)
        segment.write_bytes(bytes(data))


def damage_cases(work: Path) -> bool:
    """Run each damage case; print one line each; True when all passed."""
    root = work / "damage-corpus"
    shutil.rmtree(work / "damage-corpus", ignore_errors=True)
    expected = _damage_corpus(root)
    env = dict(os.environ)
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[var] = str(work / "damage" / var.lower())
    cases = ["none:none", "dates:none"]
    cases += [
        f"{p}:{h}" for p in ("whoosh", "whoosh-annotations") for h in ("half", "empty", "random")
    ]
    cases += [f"store:{h}" for h in ("deleted", "emptied", "rows-deleted", "header", "pages")]
    run = [sys.executable, "-m", "tuireader"]
    ok = True
    for case in cases:
        shutil.rmtree(work / "damage", ignore_errors=True)
        index = subprocess.run(
            [*run, "index", str(root)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
        )
        cache = next((work / "damage" / "xdg_cache_home").rglob("articles.sqlite")).parent
        if not case.startswith(("none", "dates")):
            _damage(cache, case)
        started = time.monotonic()
        found = subprocess.run(
            [*run, "search", MARK, "--corpus", str(root), "--limit", "1"],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
        )
        seconds = time.monotonic() - started
        passed = (
            index.returncode == found.returncode == 0
            and f"{expected:,} of {expected:,} articles match" in found.stdout
            and "Traceback" not in index.stderr + found.stderr
        )
        if case.startswith("dates"):
            rows = subprocess.run(
                [*run, "search", "r41x", "--corpus", str(root), "--json"],
                env=env,
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=600,
            )
            passed = passed and '"date": "0001-01-01T00:00:00+01:00"' in rows.stdout
        said = (found.stderr.strip().splitlines() or [""])[-1][:110]
        print(f"  {'ok  ' if passed else 'FAIL'} {case:<26} {seconds:5.1f} s  {said}")
        ok = ok and passed
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work dir")
    parser.add_argument("--no-damage", action="store_true", help="leave out the damage cases")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tuireader-stress-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus_dir = work / "corpus"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir, ignore_errors=True)
    many = max(10, int(100_000 * args.scale))
    huge = max(1 << 20, int(200 * 1024 * 1024 * args.scale))
    long_line = max(64 * 1024, int(5 * 1024 * 1024 * args.scale))
    print(
        f"scale {args.scale}: {many:,} files in one folder, a {huge / 2**20:.0f} MB article, "
        f"a {long_line / 2**20:.1f} MB line; work dir {work}"
    )
    started = time.monotonic()
    hostile = make_hostile_corpus(corpus_dir, many=many, long_line_bytes=long_line, huge_bytes=huge)
    made = time.monotonic() - started
    total_bytes = sum(
        os.lstat(os.path.join(d, f)).st_size for d, _, fs in os.walk(corpus_dir) for f in fs
    )
    print(
        f"corpus made in {made:.1f} s: {total_bytes / 2**20:,.0f} MB, "
        f"{len(hostile.valid):,} valid articles expected"
    )

    env = dict(os.environ)
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[var] = str(work / var.lower())
    shutil.rmtree(work / "xdg_cache_home", ignore_errors=True)
    started = time.monotonic()
    out_file = tempfile.TemporaryFile("w+")  # noqa: SIM115 (read after the run)
    err_file = tempfile.TemporaryFile("w+")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(corpus_dir)],
        env=env,
        stdout=out_file,
        stderr=err_file,
        text=True,
        cwd=ROOT,
    )
    worker_peak = 0  # the indexing workers are the forkserver's children: watched from /proc
    while proc.poll() is None:
        for pid in _descendants(proc.pid):
            worker_peak = max(worker_peak, _vmhwm_kb(pid))
        time.sleep(0.2)
    out_file.seek(0)
    err_file.seek(0)
    proc.stdout, proc.stderr = out_file.read(), err_file.read()
    seconds = time.monotonic() - started
    stats_line = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "{}"
    try:
        stats = json.loads(stats_line)
    except ValueError:
        stats = {}
    ok = True
    if proc.returncode != 0 or not stats:
        print(f"INDEXING FAILED (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
        return 1
    print(proc.stdout.strip())

    os.environ.update({k: v for k, v in env.items() if k.startswith("XDG_")})
    from tuireader.core.cache.corpus import Corpus

    corpus = Corpus([corpus_dir])
    store, engine = corpus.open_store(), corpus.open_engine()
    skips = store.skips()
    by_reason = Counter(_category(reason) for _item, reason in skips)
    files_read = len(store.file_states())
    articles = store.count()
    docs = engine.doc_count()
    marked = engine.search(MARK, limit=1).total
    lost = [w for w in hostile.valid if engine.search(w, limit=2).total != 1]
    print(f"time: {seconds:.1f} s to index ({articles / seconds:,.0f} articles/s)")
    print(
        f"peak memory: indexing process VmHWM {stats['vmhwm_kb'] / 1024:,.0f} MB, "
        f"largest worker process {max(worker_peak, stats['children_maxrss_kb']) / 1024:,.0f} MB"
    )
    print(
        f"files read: {files_read:,}; articles: {articles:,}; index documents: {docs:,}; "
        f"'{MARK}' matches: {marked:,}; valid articles expected: {len(hostile.valid):,}"
    )
    print(f"skipped: {len(skips):,} items")
    for reason, count in by_reason.most_common():
        print(f"  {count:>6,}  {reason}")
    for item, expected in hostile.skipped.items():
        if not any(item in i and expected in r for i, r in skips):
            print(f"MISSING SKIP: {item!r} ({expected!r})")
            ok = False
    if not (articles == docs == marked == len(hostile.valid)) or lost:
        print(f"LOST: {len(lost)} articles not found: {lost[:10]}")
        ok = False
    log = Path(env["XDG_STATE_HOME"]) / "tuireader" / "log" / "tuireader.log"
    print(f"log: {log} ({log.stat().st_size if log.exists() else 0:,} bytes)")
    engine.close()
    store.close()
    if not args.no_damage:
        print("damage cases (search after the damage: every article found once):")
        ok = damage_cases(work) and ok
    print("RESULT: " + ("OK, nothing crashed, nothing valid lost" if ok else "FAILED"))
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
