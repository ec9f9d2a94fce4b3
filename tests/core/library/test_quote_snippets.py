"""A speaker:/quote: search's result snippets show the quotation the search matched (its
speaker's, holding its quoted words), not the article's first lines; on both engines."""

from __future__ import annotations

import pytest

from tests.conftest import write_jsonl
from tuireader.core.library import Library
from tuireader.core.search import engine_available

OPENING = "The harbour board met on Tuesday to discuss the winter timetable and the pier."
DOCS = [
    {
        "id": "pier",
        "title": "Pier repairs",
        "text": f'{OPENING} Marta Quillon said "the pier will reopen before the regatta". '
        'Osric Fenwald said "the gulls have taken over the boathouse".',
        "source": "Gazette",
        "date": "2021-05-04",
    },
    {
        "id": "ferry",
        "title": "Ferry fares",
        "text": "Fares rose again this spring across the islands. "
        'Marta Quillon said "the ferry fares must come down for islanders".',
        "source": "Wire",
        "date": "2021-05-06",
    },
]


@pytest.fixture(params=["whoosh", "tantivy"])
def library(tmp_path, request):
    if not engine_available(request.param):
        pytest.skip(f"{request.param} is not installed")
    lib = Library.open([str(write_jsonl(tmp_path / "news.jsonl", DOCS))])
    lib.corpus.choose_engine(request.param)
    lib.sync()
    yield lib
    lib.close()


def _snippets(library: Library, query: str) -> dict[str, tuple[str, list[str]]]:
    found = library.search(query)
    made = library.snippets(found.ids, found.terms, query=found.results.query)
    titles = {i: row.title for i, row in library.rows(found.ids).items()}
    return {titles[i]: (text, [text[s:e] for s, e in spans]) for i, (text, spans) in made.items()}


def test_a_speaker_search_shows_each_articles_quotation_of_that_speaker(library):
    shown = _snippets(library, "speaker:quillon")
    assert set(shown) == {"Pier repairs", "Ferry fares"}
    text, marked = shown["Pier repairs"]
    assert text.startswith("Marta Quillon: ") and "the pier will reopen" in text
    assert OPENING not in text
    assert marked == ["Quillon"]
    assert "ferry fares must come down" in shown["Ferry fares"][0]


def test_the_other_speakers_quotation_and_the_quoted_words_highlighted(library):
    shown = _snippets(library, 'speaker:"osric fenwald" quote:gulls')
    text, marked = shown["Pier repairs"]
    assert text.startswith("Osric Fenwald: ") and "boathouse" in text
    assert marked == ["Osric", "Fenwald", "gulls"]


def test_a_plain_search_keeps_its_snippet_around_the_hits(library):
    shown = _snippets(library, "timetable")
    text, marked = shown["Pier repairs"]
    assert not text.startswith("Marta Quillon") and marked == ["timetable"]
