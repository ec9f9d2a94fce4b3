"""A fuzzy word's variants found by lookups are exactly those whoosh's automaton finds."""

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage
from whoosh.query import FuzzyTerm

from tuireader.core.search.whoosh.word_lists import fuzzy_words, one_edit

TEXT = (
    "oil oils soil boil oily coil foil toil oi o il oil2 öil oïl olí "
    "market markets marked marker mark marketing parket mraket "
    "résumé resume résume resumé café cafe cafés naïve naive "
    "zeus zeuss zues ze"
)
WORDS = TEXT.split()


@pytest.fixture(scope="module")
def reader():
    schema = fields.Schema(body=fields.TEXT(), title=fields.TEXT())
    ix = RamStorage().create_index(schema)
    for batch in (WORDS[: len(WORDS) // 2], WORDS[len(WORDS) // 2 :]):  # two segments
        writer = ix.writer()
        for word in batch:
            writer.add_document(body=word, title=word[:3])
        writer.commit(merge=False)
    with ix.reader() as opened:
        assert len(opened.leaf_readers()) == 2
        yield opened


@pytest.mark.parametrize(
    "text", ["oil", "oul", "soil", "markat", "market", "resume", "cafe", "naive", "zeus", "x", "ol"]
)
@pytest.mark.parametrize("prefix", [0, 1, 2])
@pytest.mark.parametrize("fieldname", ["body", "title"])
def test_the_variants_are_whooshs(reader, text, prefix, fieldname):
    query = FuzzyTerm(fieldname, text, maxdist=1, prefixlength=prefix)
    theirs = sorted({word for _field, word in query.expanded_terms(reader)})
    assert fuzzy_words(query, reader) == theirs


def test_two_edits_are_left_to_whoosh(reader):
    assert fuzzy_words(FuzzyTerm("body", "oil", maxdist=2), reader) is None


def test_one_edit_keeps_the_prefix():
    variants = one_edit("ab", "abc", prefix=1)
    assert all(v.startswith("a") for v in variants)
    assert {"ab", "a", "abc", "acb", "aab", "ac", "ba"} - variants == {"ba"}
