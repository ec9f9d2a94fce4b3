"""CPU of writing annotation documents alone: the engine's annotation writer, parallel or not.

    python benchmarks/annotation_writer_cpu.py CORPUS WORKDIR [--engine whoosh|tantivy]
                                               [-n 3000] [--parallel] [--code DIR]

Annotates the corpus's first N articles first (not measured), then adds their annotation
documents with ``engine.annotation_writer(parallel=...)`` and commits, and prints the CPU of
this process and of its descendants (whoosh's indexing processes, sampled from /proc; the
sampler's own CPU left out) a document. ``--code DIR``: another version's package folder.
``NO_SAMPLER=1`` leaves the sampler out (under callgrind: ``--zero-before=getsid
--dump-before=getppid`` count the writing alone).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("workdir")
    parser.add_argument("--engine", default="whoosh")
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--parallel", action="store_true")
    parser.add_argument("--code", help="another version's package folder, run instead")
    args = parser.parse_args()
    sys.path.insert(0, args.code or os.path.dirname(HERE))
    sys.path.insert(1, HERE)
    import benchlib

    from tuireader.core.annotate.pipeline import annotate
    from tuireader.core.base.articles import Article
    from tuireader.core.search import open_engine
    from tuireader.core.search.annotation_fields import remember

    articles = []
    with open(args.corpus, encoding="utf-8") as fh:
        for number, line in zip(range(args.n), fh, strict=False):
            record = json.loads(line)
            article = Article(
                key=record["id"],
                file="corpus",
                locator=str(number),
                title=record["title"],
                body=record["text"],
                has_headline=True,
            )
            articles.append((number + 1, article, annotate(article.full_text)))
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    engine = open_engine(Path(args.workdir) / "index", engine=args.engine)
    tree = benchlib.TreeCpu()
    if not os.environ.get("NO_SAMPLER"):
        tree.start()
    own = tree.own

    time.sleep(0.3)
    own0, children0 = own(), tree.children()
    os.getsid(0)
    writer = engine.annotation_writer(parallel=args.parallel)
    for article_id, article, found in articles:
        remember(article.full_text, "embedded", found)
        writer.add(article_id, f"d{article_id}", article)
    writer.commit()
    hold = getattr(getattr(engine, "_annotations", None), "hold", None)
    if hold is not None:
        hold.wait()  # tantivy's merges in the background
    os.getppid()
    time.sleep(0.3)
    own1, children1 = own(), tree.children()
    tree.stop()
    count = len(articles)
    print(
        f"{args.engine} parallel={args.parallel}: this process {(own1 - own0) / count * 1e3:.3f}"
        f" + children {(children1 - children0) / count * 1e3:.3f} ms a document"
        f" ({engine.stats().annotated} documents)"
    )
    engine.close()
    shutil.rmtree(args.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
