"""The fast parser builds exactly the queries whoosh's parser builds, or leaves them to it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.search import QueryError
from tuireader.core.search.whoosh import WhooshEngine

# Words the fast parser takes (stop words, accents, digits, other scripts) ...
PLAIN = [
    "russia", "hacking", "hacked", "The", "the", "of", "Café", "ÉCOLE", "naïve", "1987",
    "x_y", "straße", "中国", "putin", "Running", "a", "İstanbul",
]  # fmt: skip
# ... and words it leaves to whoosh: operators, syntax, several tokens in one word.
HOSTILE = [
    "AND", "OR", "NOT", "TO", "U.S", "don't", "e-mail", "hack*", "putin~", "-sasse",
    "+kremlin", "(a", "b)", "x^2",
]  # fmt: skip
FIELDS = ["", "", "", "title:", "source:", "body:", "person:"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = WhooshEngine(tmp_path_factory.mktemp("ix") / "whoosh")
    yield engine
    engine.close()


def _item():
    word = st.one_of(*[st.sampled_from(PLAIN)] * 4, st.sampled_from(HOSTILE))
    fielded = st.tuples(st.sampled_from(FIELDS), word).map("".join)
    phrase = st.lists(word, min_size=1, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"')
    return st.one_of(fielded, fielded, phrase)


def _parse(engine, text, fast):
    try:
        return engine.parse(text, fast=fast)
    except QueryError as exc:
        return f"QueryError: {exc}"


@settings(max_examples=400, deadline=None)
@given(st.lists(_item(), min_size=1, max_size=4), st.sampled_from([" ", "  ", "\t"]))
def test_fast_and_whoosh_parse_agree(engine, items, gap):
    text = gap.join(items)
    assert _parse(engine, text, fast=True) == _parse(engine, text, fast=False)


@pytest.mark.parametrize(
    "text",
    ["brunei", "russia hacking", "title:bonus", '"shr loss"', "Café said", "source:Reuters"],
)
def test_simple_queries_skip_whoosh_parser(engine, text):
    assert engine._queries.is_plain(text)
    assert engine.parse(text) == engine.parse(text, fast=False)


@pytest.mark.parametrize(
    "text",
    [
        "putin OR peskov", "hack*", "guccifer~", '"russia hack"~5', "(a b)", "russia -sasse",
        "date:2016", "person:putin", '"the end"', 'foo"bar baz"', "U.S", "title:the",
    ],
)  # fmt: skip
def test_other_queries_go_to_whoosh(engine, text):
    assert not engine._queries.is_plain(text)
