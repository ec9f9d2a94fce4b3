"""Quotations carried by other articles, on whoosh's cut fingerprints: one print shared by
chance is no copy (the cut prints have few values, so each is shared by chance by some
article of a large corpus; a quotation of six words has only two prints)."""

from __future__ import annotations

import itertools

from tests.core.search.test_engine_contract import article, fill
from tuireader.core.search.annotation_fields import quote_words
from tuireader.core.search.whoosh import analysis
from tuireader.core.search.whoosh.engine import WhooshEngine

TARGET = "Harbor Trust will rebuild the pier"  # six words: two prints


def chance_sharer() -> str:
    """A quotation with other words sharing exactly one of TARGET's prints."""
    wanted = set(analysis.quote_prints(TARGET))
    assert len(wanted) == 2
    for n, m in itertools.product(range(2, 400), range(2, 40)):
        text = f"Quillon ordered {n} new boats and {m} cranes for the yard"
        if len(set(analysis.quote_prints(text)) & wanted) == 1:
            assert not set(quote_words(text)) >= set(quote_words(TARGET))
            return text
    raise AssertionError("no chance sharer")


def test_one_print_shared_by_chance_is_not_a_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis, "FINGERPRINT_CHARS", 1)  # sixteen values: chance is common
    other = chance_sharer()
    engine = WhooshEngine(tmp_path)
    try:
        items = {
            1: article(1, "Pier plan", f'"{TARGET}," Mara Jonsby said on Monday.'),
            2: article(2, "Boat yard", f'"{other}," Tom Quillon said on Friday.'),
            3: article(3, "Pier copy", f'Mara Jonsby said: "{TARGET}."'),
        }
        fill(engine, items)
        writer = engine.annotation_writer()
        for n, item in items.items():
            writer.add(n, item.content_hash, item)
        writer.commit()
        found = [article_id for article_id, _share in engine.articles_quoting(TARGET, 1)]
        assert found == [3]
    finally:
        engine.close()
