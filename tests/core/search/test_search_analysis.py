"""The fast indexing paths give exactly what whoosh's own paths give."""

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.qparser import QueryParser

from tuireader.core.base import text as text_module
from tuireader.core.search.analysis import NewsPositions, news_analyzer
from tuireader.core.search.codec import FastW3Codec
from tuireader.core.search.whoosh_engine import make_schema

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


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([1.0, 2.0]))
def test_fast_positions_equal_whooshs_analyzer_chain(text, boost):
    slow = sorted(Positions(field_boost=boost).word_values(text, news_analyzer(), mode="index"))
    fast = sorted(NewsPositions(field_boost=boost).word_values(text, news_analyzer(), mode="index"))
    assert fast == slow


def _slow_clean(text: str) -> str:
    text = text_module._LINE_SEPARATORS_RE.sub("\n", text)
    text = text_module._ESCAPE_RE.sub("", text)
    text = text_module._SURROGATE_RE.sub("\ufffd", text)
    return text_module._CONTROL_RE.sub("", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_clean_text_fast_path_changes_nothing(text):
    assert text_module.clean_text(text) == _slow_clean(text)


def test_clean_text_still_removes_escapes_and_controls():
    dirty = "a\x1b]52;c;ZXZpbA==\x07b\x1b[31mc\r\nd\u202ee\x9b1mf"
    assert text_module.clean_text(dirty) == "ab" + "c\nd" + "e" + "f"
    assert not re.search("[\x1b\x9b\u202e\r]", text_module.clean_text(dirty))


def test_fast_codec_writes_the_same_scores_as_whooshs(news_folder):
    docs = [p.read_text() for p in sorted(Path(news_folder).rglob("*.txt"))]
    docs += [f"story {i} about hacking and elections " * (i % 7 + 1) for i in range(60)]
    scores = []
    for codec in (W3Codec(), FastW3Codec()):
        ix = FileStorage(tempfile.mkdtemp()).create_index(make_schema())
        with ix.writer(codec=codec) as writer:
            for n, body in enumerate(docs):
                writer.add_document(aid=n, key=str(n), title=f"t{n}", body=body)
        with ix.searcher() as searcher:
            query = QueryParser("body", ix.schema).parse("hacking elections")
            hits = [(hit.docnum, round(hit.score, 6)) for hit in searcher.search(query)]
            reader = searcher.reader()
            # The per-term length bounds are what the fast codec computes differently.
            bounds = [
                (term, info.min_length(), info.max_length(), info.weight(), info.doc_frequency())
                for term, info in reader.iter_field("body")
            ]
            scores.append((hits, bounds))
    assert scores[0] == scores[1]
    assert scores[0][0] and any(bound[1] for bound in scores[0][1])


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=4))
def test_find_terms_fast_path_finds_what_stemming_every_word_finds(text, words):
    from tuireader.core.search.analysis import _find_terms_slowly, find_terms, stem

    # wanted: stems and exact forms of some words, of the text's own words, and odd strings
    own = [m.group().lower() for m in re.finditer(r"\w+", text)][:3]
    terms = {stem(w.lower()) for w in words + own} | {w.lower() for w in words}
    assert find_terms(text, terms) == _find_terms_slowly(text, frozenset(t for t in terms if t))


def test_find_terms_knows_the_stemmers_exceptions():
    from tuireader.core.search.analysis import find_terms

    text = "Dying patients, lying witnesses and skies."
    assert [text[a:b] for a, b in find_terms(text, {"die", "lie", "sky"})] == [
        "Dying",
        "lying",
        "skies",
    ]
