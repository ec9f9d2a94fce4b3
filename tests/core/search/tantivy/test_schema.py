"""Finding the indexed words in a text, as the tantivy analyzers index them."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("tantivy")

WORDS = st.sampled_from(
    [
        "The",
        "hacking",
        "hacked",
        "Hacks",
        "Café",
        "CAFE",
        "naïve",
        "of",
        "a",
        "I",
        "U.S.",
        "e-mail",
        "snake_case",
        "Putin's",
        "3.5",
        "2016",
        "über",
        "ÉLYSÉE",
        "Élysée",
        "running",
        "runs",
        "x",
        "ß",
        "İstanbul",
        "ﬁne",
        "Москва",
        "москвы",
        "ſtar",
        "Kelvin",
        "said",
        "Sasse",
        "usage",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(
        st.one_of(WORDS, st.sampled_from([" ", "  ", "\n", ", ", ". ", "-", "*", "_", "’"]))
    ).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=6))
def test_find_terms_finds_what_one_scan_of_the_text_finds(text, words):
    from tuireader.core.search.tantivy.schema import _find_terms_slowly, find_terms, forms

    # wanted: the folded and stemmed forms of some words, of the text's own words, odd words
    # (index terms are runs of letters and digits: the analyzers split at anything else)
    own = [m.group() for m in re.finditer(r"[^\W_]+", text)][:4]
    terms = {form for w in words + own for form in forms(w)} | {w.lower() for w in words}
    wanted = frozenset(t for t in terms if re.fullmatch(r"[^\W_]+", t))
    terms = set(wanted) | {""}
    assert find_terms(text, terms) == _find_terms_slowly(text, wanted)


@pytest.mark.parametrize(
    ("text", "terms", "found"),
    [
        ("Hacked, HACKING and hacks; unhacked.", {"hack"}, ["Hacked", "HACKING", "hacks"]),
        ("The café and the CAFE_bar", {"cafe"}, ["café", "CAFE"]),
        ("Élysée, elysee", {"elyse"}, ["Élysée", "elysee"]),
        ("usage said Sasse", {"said", "sass"}, ["said", "Sasse"]),
        ("x-ray, xylophone", {"x"}, ["x"]),
        ("İstanbul hacked", {"hack"}, ["hacked"]),  # its lower case is longer: the slow scan
        ("a b c d e f hacked", {"a1", "b1", "c1", "d1", "e1", "hack"}, ["hacked"]),  # many
    ],
)
def test_find_terms_examples(text, terms, found):
    from tuireader.core.search.tantivy.schema import find_terms

    assert [text[a:b] for a, b in find_terms(text, terms)] == found
