"""Fuzzy terms as whoosh query objects: limited edits unless asked, never more than two."""

import pytest

from tests.core.search import test_search
from tests.core.search.test_search import found

engine_and_store = test_search.engine_and_store  # the fixture


def test_fuzzy_terms_are_limited_unless_asked(engine_and_store):
    engine, _ = engine_and_store
    default = engine.inner.parse("peskow~")
    fuzzy = next(q for q in default.leaves() if hasattr(q, "maxdist"))
    assert (fuzzy.maxdist, fuzzy.prefixlength) == (1, 2)
    asked = next(q for q in engine.inner.parse("peskow~2/1").leaves() if hasattr(q, "maxdist"))
    assert (asked.maxdist, asked.prefixlength) == (2, 1)
    assert found(engine_and_store, "pes*") == ["a"]


@pytest.mark.parametrize(
    ("query", "edits", "fixed"),
    [("peskow~9/0", 2, 1), ("peskow~99", 2, 2), ("peskow~3/0", 2, 1), ("peskow~1/0", 1, 1)],
)
def test_fuzzy_terms_never_exceed_two_edits(engine_and_store, query, edits, fixed):
    fuzzy = next(
        q for q in engine_and_store[0].inner.parse(query).leaves() if hasattr(q, "maxdist")
    )
    assert (fuzzy.maxdist, fuzzy.prefixlength) == (edits, fixed)
    assert found(engine_and_store, query) == ["a"]
