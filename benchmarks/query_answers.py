"""The answers of a built whoosh cache to a set of queries, to compare two trees' indexes.

    python benchmarks/query_answers.py pick XDG_DIR CORPUS QUERIES.json
    python benchmarks/query_answers.py run XDG_DIR CORPUS QUERIES.json ANSWERS.json

XDG_DIR: the folder holding a cache's XDG dirs (``bench_index.py``'s ``xdg-<name>-whoosh``).
``pick`` takes ``bench_search.py``'s query classes (seed 1, 15 a class) from the index, then
``exact:`` words and phrases, and the most frequent terms of each annotation field. ``run``
answers each with the engine (no time budget): the total, the first page's ids, digests of
every id and score in order, and the median process time of the first page (``limit=20``,
no count; 3 runs after a warm-up). Run each with the tree under test first on PYTHONPATH;
compare the two ANSWERS files (every field but ``ms`` must be equal).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _use(xdg: Path) -> None:
    for name in ("cache", "data", "config", "state"):
        os.environ[f"XDG_{name.upper()}_HOME"] = str(xdg / name)


def pick(xdg: Path, corpus_path: Path, out: Path) -> None:
    _use(xdg)
    sys.path.insert(0, str(HERE))
    import bench_search
    from whoosh import index as whoosh_index

    from tuireader.core.cache.corpus import Corpus

    corpus = Corpus([corpus_path])
    corpus.choose_engine("whoosh")
    store, engine = corpus.open_store(), corpus.open_engine()
    searcher = whoosh_index.open_dir(str(corpus.index_dir)).searcher()
    rng = random.Random(1)
    vocab = bench_search.build_vocabulary(
        store, searcher, searcher.schema["body"].analyzer, 2000, rng
    )
    picked = bench_search.pick_queries(vocab, engine, 15, rng)
    queries = [q for cls in bench_search.CLASSES for q, _ in picked[cls]]
    words = [q for q, _ in picked["rare"][:5] + picked["common"][:5]]
    queries += [f"exact:{word}" for word in words]
    queries += [f"exact:{q}" for q, _ in picked["phrase"][:8]]
    queries += ['exact:"of the"', 'exact:"said the"', 'country -exact:"the country"']
    annotations = whoosh_index.open_dir(str(corpus.index_dir) + "-annotations")
    with annotations.searcher() as s:
        for field in ("person", "org", "place", "entity", "speaker", "quote"):
            terms = sorted(s.reader().most_frequent_terms(field, 40))
            queries += [f"{field}:{term.decode()}" for _, term in terms[::8]]
    queries += ['quote:"we will"', 'person:"john smith"', "entity:london OR place:paris"]
    out.write_text(json.dumps(queries, indent=0))
    print(f"{len(queries)} queries")


def run(xdg: Path, corpus_path: Path, queries_path: Path, out: Path) -> None:
    _use(xdg)
    from tuireader.core.cache.corpus import Corpus

    corpus = Corpus([corpus_path])
    corpus.choose_engine("whoosh")
    engine = corpus.open_engine()
    engine = getattr(engine, "inner", engine)  # the whoosh engine: searches without a budget
    answers = []
    for query in json.loads(queries_path.read_text()):
        engine.search(query, limit=20, count=False, seconds=None)
        times = []
        for _ in range(3):
            start = time.process_time()
            page = engine.search(query, limit=20, count=False, seconds=None)
            times.append(time.process_time() - start)
        full = engine.search(query, limit=100_000, count=True, seconds=None)
        ids = [hit.article_id for hit in full.hits]
        scores = [round(hit.score, 4) for hit in full.hits]
        answers.append(
            {
                "q": query,
                "total": full.total,
                "first": [hit.article_id for hit in page.hits],
                "ids": hashlib.md5(str(ids).encode()).hexdigest(),
                "scores": hashlib.md5(str(scores).encode()).hexdigest(),
                "ms": round(statistics.median(times) * 1000, 2),
            }
        )
    out.write_text(json.dumps(answers, indent=0))
    print(f"{len(answers)} queries; first pages {sum(a['ms'] for a in answers):.1f} ms in all")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "pick":
        pick(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
    elif len(sys.argv) == 6 and sys.argv[1] == "run":
        run(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
    else:
        sys.exit(__doc__)
