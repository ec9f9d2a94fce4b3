"""A mark clause with nothing after it ("tag:", "is:") was called an unknown field, and the
list of fields given then left out is:, tag: and note:."""

from __future__ import annotations

import pytest

from tuireader.core.search.engine import QueryError
from tuireader.core.search.syntax import check_syntax
from tuireader.core.search.user_filters import split_query


@pytest.mark.parametrize(
    ("query", "example"),
    [("tag:", "tag:climate"), ("harbour is:", "is:unread"), ("note: harbour", "note:followup")],
)
def test_a_mark_clause_without_a_word_says_what_it_needs(query, example):
    with pytest.raises(QueryError, match=f"needs a word after it, e.g. {example}"):
        split_query(query)


def test_words_ending_in_a_colon_inside_a_phrase_are_left_alone():
    assert split_query('"the tag: label" harbour') == (
        '"the tag: label" harbour',
        split_query("")[1],
    )


def test_an_unknown_field_names_the_mark_clauses_too():
    with pytest.raises(QueryError, match="marks: is:, tag:, note:"):
        check_syntax("tga:climate", ("title", "body"))
