"""The pipeline hands the name table it built to the quotation stage."""

from __future__ import annotations

from tuireader.core.annotate.names import Canon, canonical_entities
from tuireader.core.annotate.pipeline import annotate
from tuireader.core.annotate.quotes import extract_quotes
from tuireader.core.annotate.spans import Entity

TEXT = 'Sen. Jane Doe spoke. "We will win," Doe said. Acme Corp agreed, its chief Bob Roe said.'


def _entities() -> list[Entity]:
    found = []
    for mention, label in (("Sen. Jane Doe", "PERSON"), ("Doe", "PERSON"), ("Acme Corp", "ORG")):
        start = TEXT.index(mention, found[-1].end if found else 0)
        found.append(Entity(start, start + len(mention), label, mention))
    start = TEXT.index("Bob Roe")
    found.append(Entity(start, start + 7, "PERSON", "Bob Roe"))
    return found


def test_the_table_of_canonical_entities_is_that_of_the_named_entities() -> None:
    named, canon = canonical_entities(TEXT, _entities())
    fresh = Canon(TEXT, named)
    for field in ("full", "by_surname", "by_given", "others", "singles", "spelled", "_middled"):
        assert getattr(canon, field) == getattr(fresh, field)
    assert extract_quotes(TEXT, named, canon=canon) == extract_quotes(TEXT, named)


def test_annotate_names_the_speaker() -> None:
    quotes = [q for q in annotate(TEXT).quotes if q.direct]
    assert [q.speaker_name for q in quotes] == ["Jane Doe"]


def test_annotations_cross_a_pickle_unchanged() -> None:
    import pickle

    from tuireader.core.annotate.pipeline import Annotations
    from tuireader.core.annotate.spans import Quote, Span

    found = Annotations(
        [Entity(0, 6, "PERSON", "Jonsby", "Mara Jonsby")],
        [Quote(10, 20, '"Sail on,"', Span(22, 28, "Jonsby"), "Mara Jonsby", Span(29, 33, "said"))],
    )
    again = pickle.loads(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
    assert again == found
    assert type(again.quotes[0].cue) is Span
