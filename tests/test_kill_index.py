"""SIGKILL `tuireader index` at random moments, on each engine; the next run must finish a
correct index. A second process reads a tantivy index while one writes it.

Also: SIGKILL a process that saves the user state in a loop; the state must always load.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tuireader.core.cache.corpus import Corpus
from tuireader.core.search import engine_available
from tuireader.core.user.state import UserState

ARTICLES = 1500
MARK = "zebrafish"
# Small batches, so that kills land before, inside and after many commits; every third round
# indexes with two writer processes, as big corpora do.
INDEX = (
    "import sys, tuireader.core.cache.batching as s; s.FIRST_BATCH = 100; s.MAX_BATCH = 300; "
    "s.PARALLEL_BYTES = int(sys.argv[2]); from tuireader.cli import main; "
    "sys.exit(main(['index', '--engine', sys.argv[3], sys.argv[1]]))"
)
NEEDS_TANTIVY = pytest.mark.skipif(not engine_available("tantivy"), reason="tantivy not installed")
# (engine, kill rounds, seed): tantivy's rounds are fewer, each of its commits being slower.
ENGINES = [
    pytest.param("whoosh", 14, 11, id="whoosh"),
    pytest.param("tantivy", 6, 13, id="tantivy", marks=NEEDS_TANTIVY),
]


def _corpus(root: Path) -> None:
    rng = random.Random(7)
    words = ["the", "minister", "said", "talks", "went", "on", "late", "into", "night", "budget"]
    (root / "sub").mkdir(parents=True)
    for i in range(ARTICLES):
        body = " ".join(rng.choice(words) for _ in range(40))
        folder = root / "sub" if i % 2 else root
        (folder / f"a{i:05d}.txt").write_text(f"Story {i}\n\n{MARK} uniq{i}x {body}.\n")
    (root / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)  # one skip, so that reports have one


@pytest.mark.parametrize(("engine_name", "rounds", "seed"), ENGINES)
def test_sigkill_during_index_never_needs_a_manual_step(tmp_path, engine_name, rounds, seed):
    root = tmp_path / "corpus"
    _corpus(root)
    rng = random.Random(int(os.environ.get("KILL_SEED", str(seed))))
    for round_ in range(rounds):
        parallel = "0" if round_ % 3 == 2 else str(1 << 40)
        proc = subprocess.Popen(
            [sys.executable, "-c", INDEX, str(root), parallel, engine_name],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            time.sleep(rng.uniform(0.3, 2.0 if engine_name == "tantivy" else 1.6))
            proc.send_signal(signal.SIGKILL)
            # stderr ends when the indexer's helpers (which share it) have ended too
            _, err = proc.communicate(timeout=30)
        finally:
            _kill_group(proc.pid)
        if proc.returncode not in (0, -signal.SIGKILL):
            raise AssertionError(f"round {round_}: exit {proc.returncode}: {err.decode()}")
    done = subprocess.run(
        [sys.executable, "-m", "tuireader", "index", str(root)],  # the engine is remembered
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"{ARTICLES:,} articles" in done.stdout
    assert "skipped 1 item that" in done.stderr and "bad.txt: binary file" in done.stderr
    corpus = Corpus([root])
    assert corpus.engine == engine_name
    store, engine = corpus.open_store(), corpus.open_engine()
    assert store.count() == ARTICLES == engine.doc_count()
    assert engine.search(MARK, limit=5).total == ARTICLES
    for i in random.Random(3).sample(range(ARTICLES), 40):
        results = engine.search(f"uniq{i}x")
        assert results.total == 1
        assert store.get(results.ids[0]).title == f"Story {i}"
    assert not corpus.dirty_path.exists()
    again = subprocess.run(
        [sys.executable, "-m", "tuireader", "index", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "(0 added, 0 updated, 0 removed)" in again.stdout


@NEEDS_TANTIVY
def test_a_second_process_reads_a_tantivy_index_while_one_writes_it(tmp_path):
    root = tmp_path / "corpus"
    _corpus(root)
    corpus = Corpus([root])
    corpus.choose_engine("tantivy")
    proc = subprocess.Popen(
        [sys.executable, "-c", INDEX, str(root), str(1 << 40), "tantivy"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    seen: list[int] = []
    try:
        deadline = time.monotonic() + 120
        engine = None
        while proc.poll() is None and time.monotonic() < deadline:
            if engine is None and (corpus.index_dir / "meta.json").exists():
                engine = corpus.open_engine()
            if engine is not None:
                seen.append(engine.search(MARK, limit=3).total)  # never an error
            time.sleep(0.05)
        _, err = proc.communicate(timeout=60)
    finally:
        _kill_group(proc.pid)
    assert proc.returncode == 0, err.decode()
    assert seen == sorted(seen)  # commits only ever add
    assert engine is not None and engine.search(MARK).total == ARTICLES
    assert len(set(seen)) > 1  # it read while the index grew


def _kill_group(pgid: int) -> None:
    """Whatever is left of a process group started by a test (nothing, normally)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _session(sid: int) -> list[int]:
    """The live processes of a session (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != b"Z":
            found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_indexing_processes_end_with_a_killed_indexer(tmp_path):
    """SIGKILL of the indexer alone (as the OOM killer does): its two writer processes, the
    fork server and the resource tracker used to live on (blocked on the job queue)."""
    root = tmp_path / "corpus"
    _corpus(root)
    left_over: list[str] = []
    for delay in (0.2, 0.5, 0.8, 1.1):
        proc = subprocess.Popen(
            [sys.executable, "-c", INDEX, str(root), "1", "whoosh"],  # two writer processes
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            # the indexer, the resource tracker, the fork server and its writer processes
            while len(_session(proc.pid)) < 4 and time.monotonic() < deadline:
                if proc.poll() is not None:
                    break
                time.sleep(0.02)
            time.sleep(delay)
            proc.kill()
            proc.wait(timeout=10)
            deadline = time.monotonic() + 10
            while _session(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            left_over += _session(proc.pid)
        finally:
            _kill_group(proc.pid)
        shutil.rmtree(Corpus([root]).cache_dir, ignore_errors=True)
    assert left_over == []


SAVER = """
import sys, itertools
from pathlib import Path
from tuireader.core.user.state import UserState
state = UserState.load(Path(sys.argv[1]))
assert state.warning is None, state.warning
for n in itertools.count():
    state.set_last_open(f"corpus{n % 50}", ["/news"] * (n % 300), f"/news/{n}.txt" * 20)
    state.save()
    if n == 3:
        print("saving", flush=True)
"""


def test_sigkill_while_saving_state_never_leaves_it_unreadable(tmp_path):
    path = tmp_path / "state.json"
    rng = random.Random(5)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            assert proc.stdout.readline() == "saving\n"
            time.sleep(rng.uniform(0.0, 0.15))
            proc.kill()
            proc.wait(timeout=10)
        finally:
            _kill_group(proc.pid)
            proc.stdout.close()
        json.loads(path.read_text())  # always whole: the old or the new version
        state = UserState.load(path)
        assert state.warning is None and state.corpora
    assert not list(tmp_path.glob("state.json.corrupt-*"))
