"""Finding the indexed words in a text, as the whoosh analyzer indexes them."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "The",
        "hacking",
        "hacked",
        "Café",
        "naïve",
        "of",
        "a",
        "I",
        "U.S.",
        "e-mail",
        "Putin's",
        "3.5",
        "über",
        "ÉLYSÉE",
        "and",
        "running",
        "runs",
        "x",
        "2016",
        "ß",
        "İstanbul",
        "ﬁne",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\n", ", ", ". ", "-", "*"]))).map(
        "".join
    ),
)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=4))
def test_find_terms_fast_path_finds_what_stemming_every_word_finds(text, words):
    from tuireader.core.search.whoosh.analysis import _find_terms_slowly, find_terms, stem

    # wanted: stems and exact forms of some words, of the text's own words, and odd strings
    own = [m.group().lower() for m in re.finditer(r"\w+", text)][:3]
    terms = {stem(w.lower()) for w in words + own} | {w.lower() for w in words}
    assert find_terms(text, terms) == _find_terms_slowly(text, frozenset(t for t in terms if t))


def test_find_terms_knows_the_stemmers_exceptions():
    from tuireader.core.search.whoosh.analysis import find_terms

    text = "Dying patients, lying witnesses and skies."
    assert [text[a:b] for a, b in find_terms(text, {"die", "lie", "sky"})] == [
        "Dying",
        "lying",
        "skies",
    ]
