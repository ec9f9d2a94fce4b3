"""FastText indexes a text exactly as whoosh's own analysis of the same field would."""

from __future__ import annotations

import random

import pytest
from whoosh.fields import TEXT

from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS, cached_annotate, mentions
from tuireader.core.search.whoosh.analysis import annotation_analyzer, name_analyzer, news_analyzer
from tuireader.core.search.whoosh.fast_fields import NAMES, NEWS, AnnotationText, FastText
from tuireader.core.search.whoosh.positions import VarintPositions

TEXTS = [
    "",
    "The U.S. economy grew 3.5 percent, a Reuters poll of 40 economists said on Monday.",
    "Café société: Ångström and İstanbul's naïve résumé — a, I, the, it's over.",
    "Running runners ran; the run ran on. A B C d e f.g.h 1.2.3 x_y __init__",
    "Ünïcödé ΣΊΣΥΦΟΣ Straße ǅemal ﬁnance 東京 ２０２０ e.g. etc.. ... end.",
    "the of and a an to in is",  # only stop words
    "word " * 50,
]


def _plain(analyzer, boost: float = 1.0) -> TEXT:
    """whoosh's own TEXT field, with the positions format of the index's fields."""
    field = TEXT(analyzer=analyzer, field_boost=boost)
    field.format = VarintPositions(field_boost=boost)
    return field


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    pieces = [
        "the",
        "A",
        "U.S.",
        "run",
        "Running",
        "é",
        "Éclair",
        "x",
        "3.5",
        "İ",
        "and",
        "ß",
        "co-op",
        "O'Neil",
        "naïve",
        "\n\n",
        ",",
        ".",
        "—",
        "42",
        "i.e.",
        "Zoë",
    ]
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(count)]


@pytest.mark.parametrize(
    ("kind", "analyzer", "boost"),
    [(NEWS, news_analyzer, 1.0), (NEWS, news_analyzer, 2.0), (NAMES, name_analyzer, 1.0)],
)
def test_fast_fields_index_as_whoosh_does(kind, analyzer, boost):
    fast = FastText(kind, field_boost=boost)
    plain = _plain(analyzer(), boost)
    for text in TEXTS + _random_texts(300):
        assert list(fast.index(text)) == list(plain.index(text)), text


def test_fields_keep_positions_as_varints():
    assert type(FastText(NEWS).format) is VarintPositions
    assert type(AnnotationText("person").format) is VarintPositions
    assert FastText(NEWS, field_boost=2.0).format.field_boost == 2.0


def test_queries_are_analysed_as_before():
    fast = FastText(NEWS)
    assert [t.text for t in fast.analyzer("Running the U.S. Cafés", mode="query")] == [
        t.text for t in news_analyzer()("Running the U.S. Cafés", mode="query")
    ]


NEWS_TEXT = (
    "Senator Jane Doe of Acme Holdings said on Tuesday: \u201cWe will not back the deal, "
    "and we're running out of patience.\u201d Doe told reporters in S\u00e3o Paulo that "
    "Acme's board, led by Jos\u00e9 \u00c1lvarez, would meet again.\n\n"
    '"The talks are over," said John O\'Neil, a spokesman for the Bank of Ireland in Dublin. '
    "Reuters could not reach Mr. Alvarez. \u201cNobody expected this,\u201d he added."
)


@pytest.mark.parametrize("name", [*ANNOTATION_FIELDS])
def test_annotation_fields_index_as_whoosh_does(name):
    fast = AnnotationText(name, "embedded")
    plain = _plain(annotation_analyzer(name, "embedded"))
    for text in [NEWS_TEXT, NEWS_TEXT.upper(), "", "No names here at all."]:
        assert list(fast.index(text)) == list(plain.index(text)), text


@pytest.mark.parametrize("name", [*ANNOTATION_FIELDS])
def test_annotation_fields_take_the_mentions_found_already(name):
    fast = AnnotationText(name, "embedded")
    found = mentions(cached_annotate(NEWS_TEXT, "embedded"), name)
    assert list(fast.index(found)) == list(fast.index(NEWS_TEXT))
