"""Fuzzy words expanded against the index's words: looked up near the typed word, as walked."""

from __future__ import annotations

import random

import pytest

from tuireader.core.base.articles import Article
from tuireader.core.search import query_tree as qt

pytest.importorskip("tantivy")

# Words around "shoring" and "moscow": one edit at every letter (changed, added, dropped,
# swapped), two edits, other starts, a letter tantivy does not fold (Cyrillic) and a
# fraction it folds to "1/2" right after the shared start.
WORDS = [
    "shoring",
    "shoving",
    "shring",
    "shorting",
    "shorng",
    "shroing",
    "shoringa",
    "shorin",
    "sharing",
    "shaving",
    "shooring",
    "shor",
    "shoringz",
    "shxring",
    "shorinq",
    "shoeing",
    "sh0ring",
    "shoring2",
    "moscow",
    "moskow",
    "moscov",
    "mosco",
    "mocsow",
    "mscow",
    "moscowe",
    "moseow",
    "nosecow",
    "shore",
    "shores",
    "shored",
    "shoringly",
]
ODD = "shжring mo½cow"


@pytest.fixture
def engine(tmp_path):
    from tuireader.core.search import open_engine

    engine = open_engine(tmp_path / "index", engine="tantivy")
    writer = engine.writer()
    for n, word in enumerate(WORDS, 1):
        writer.add(n, Article(key=str(n), file="/f", locator=n, title="t", body=word), False)
    writer.commit()
    yield engine
    engine.close()


def _expansions(engine, query: str, walk: bool) -> list[tuple[int, str]]:
    from tuireader.core.search.tantivy.translate import Translation

    text = engine._text
    translation = Translation(text.index.schema, text.searcher(), None)
    if walk:  # every word of the start walked, as before the lookups
        translation._plain_after = lambda *_args: False
    return sorted(translation._near(qt.parse(query), "body"))


def _typos(rng: random.Random) -> list[str]:
    typed = []
    for word in WORDS:
        for at in range(len(word)):
            letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
            typed += [
                word[:at] + letter + word[at + 1 :],
                word[:at] + word[at + 1 :],
                word[:at] + letter + word[at:],
                word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :],
            ]
    return [t for t in typed if len(t) > 1]


def test_fuzzy_words_looked_up_are_the_words_walked(engine):
    queries = [f"{word}{tail}" for word in _typos(random.Random(3)) for tail in ("~", "~1")]
    queries += ["shoring~", "moscow~", "shoring~1/0", "shoring~1/4", "shoring~2", "shorings~"]
    found_any = 0
    for query in queries:
        expected = _expansions(engine, query, walk=True)
        assert _expansions(engine, query, walk=False) == expected, query
        found_any += bool(expected)
    assert found_any > len(queries) // 2


def test_a_letter_not_folded_after_the_start_is_still_found(tmp_path, engine):
    writer = engine.writer()
    writer.add(99, Article(key="99", file="/f", locator=99, title="t", body=ODD), False)
    writer.commit()
    assert "shжring" in {term for _count, term in _expansions(engine, "shoring~", False)}
    assert engine.search("shoring~").total == engine.search("shoring~", limit=1).total
    for query in ("shoring~", "moscow~", "shxring~1"):
        assert _expansions(engine, query, False) == _expansions(engine, query, True), query


def test_fuzzy_search_finds_one_edit_at_the_third_letter(engine):
    ids = set(engine.search("shiring~").ids)
    expected = {n for n, word in enumerate(WORDS, 1) if word in {"shoring", "sharing", "shring"}}
    assert expected <= ids
    assert {"shore", "share", "shring"} <= engine.search("shiring~").terms  # stems
