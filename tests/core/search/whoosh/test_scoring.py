"""Field lengths read once per segment score exactly as whoosh's own BM25F."""

import random

from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import MultifieldParser

from tuireader.core.search.whoosh.schema import make_schema
from tuireader.core.search.whoosh.scoring import SegmentLengthsBM25F, read_lengths


def test_scores_and_order_are_whoosh_bm25fs(tmp_path):
    ix = FileStorage(str(tmp_path)).create_index(make_schema())
    rng = random.Random(3)
    words = ["oil", "gold", "price", "market", "storm", "senate", "vote", "budget", "rose"]
    for batch in range(3):  # several segments, one with deletions
        writer = ix.writer()
        for i in range(150):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
            title = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            writer.add_document(aid=batch * 1000 + i, key=f"{batch}-{i}", title=title, body=body)
        writer.commit(merge=False)
    with ix.writer() as writer:
        writer.delete_by_term("key", "1-7")
    parser = MultifieldParser(["title", "body"], ix.schema)
    with ix.searcher() as plain, ix.searcher(weighting=SegmentLengthsBM25F()) as ours:
        read_lengths(ours.reader(), ("title", "body"))
        assert len(ours.reader().leaf_readers()) == 3
        for text in ("oil", "gold price", '"storm senate"', "vote OR budget", "rose -oil"):
            query = parser.parse(text)
            a, b = plain.search(query, limit=None), ours.search(query, limit=None)
            assert len(a) > 0
            assert [(h.docnum, h.score) for h in a] == [(h.docnum, h.score) for h in b]
