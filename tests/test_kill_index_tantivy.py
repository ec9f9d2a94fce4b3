"""The tantivy engine: SIGKILL `tuireader index` at random moments (the next run finishes a
correct index), and a second process reads while one indexes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.test_kill_index import ARTICLES, MARK, _corpus, _kill_group
from tuireader.core.cache.corpus import Corpus
from tuireader.core.search import engine_available

pytestmark = pytest.mark.skipif(not engine_available("tantivy"), reason="tantivy not installed")

ROUNDS = 6
INDEX = (
    "import sys, tuireader.core.cache.batching as s; s.FIRST_BATCH = 100; s.MAX_BATCH = 300; "
    "from tuireader.cli import main; sys.exit(main(['index', '--engine', 'tantivy', sys.argv[1]]))"
)


def test_sigkill_during_a_tantivy_index_never_needs_a_manual_step(tmp_path):
    root = tmp_path / "corpus"
    _corpus(root)
    rng = random.Random(int(os.environ.get("KILL_SEED", "13")))
    for round_ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, "-c", INDEX, str(root)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            time.sleep(rng.uniform(0.3, 2.0))
            proc.send_signal(signal.SIGKILL)
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
    corpus = Corpus([root])
    assert corpus.engine == "tantivy"
    store, engine = corpus.open_store(), corpus.open_engine()
    assert store.count() == ARTICLES == engine.doc_count()
    assert engine.search(MARK, limit=5).total == ARTICLES
    for i in random.Random(3).sample(range(ARTICLES), 30):
        results = engine.search(f"uniq{i}x")
        assert results.total == 1
        assert store.get(results.ids[0]).title == f"Story {i}"
    assert not corpus.dirty_path.exists()


def test_a_second_process_reads_while_one_indexes(tmp_path):
    root = tmp_path / "corpus"
    _corpus(root)
    corpus = Corpus([root])
    corpus.choose_engine("tantivy")
    proc = subprocess.Popen(
        [sys.executable, "-c", INDEX, str(root)],
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
