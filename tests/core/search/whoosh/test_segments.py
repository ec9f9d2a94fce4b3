"""The index stays in few segments through many small syncs (each commit adds segments)."""

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.whoosh.writing import SMALL_SEGMENT


def test_small_segments_are_merged_and_big_ones_kept(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    corpus = Corpus([folder])
    store, engine = corpus.open_store(), corpus.open_engine()
    for batch in range(12):
        records = [
            {"id": str(i), "title": f"T{batch}-{i}", "text": f"Story {batch} {i} about oil prices."}
            for i in range(30)
        ]
        write_jsonl(folder / f"batch{batch}.jsonl", records)
        sync(corpus, store, engine)
    (folder / "batch0.jsonl").unlink()  # deletions too
    sync(corpus, store, engine)
    engine.refresh()
    for ix in (engine.inner._text_index, engine.inner._annotations):
        with ix.reader() as reader:  # one reader per segment (public: leaf_readers)
            sizes = [leaf.doc_count_all() for leaf, _offset in reader.leaf_readers()]
        assert len(sizes) <= 2, sizes
        assert sum(size < SMALL_SEGMENT for size in sizes) <= 2
    assert engine.search("oil").total == 11 * 30
    assert engine.search("person:nobody OR oil").total == 11 * 30
