"""Quotations typeset with doubled apostrophes (''...'' and ``...'')."""

from tuireader.core.annotate.quotes import extract_quotes
from tuireader.core.annotate.quotes.marks import typeset_marks


def test_doubled_apostrophes_mark_a_quotation():
    text = "''The bridge will open in May,'' Ms. Rowan Pell said on Tuesday."
    quotes = [q for q in extract_quotes(text) if q.direct]
    assert len(quotes) == 1
    assert quotes[0].text == "''The bridge will open in May,''"
    assert quotes[0].speaker_name == "Rowan Pell"


def test_backquotes_open_a_quotation():
    text = "Tom Arlow said, ``We are not leaving this town.''"
    quotes = [q for q in extract_quotes(text) if q.direct]
    assert [q.text for q in quotes] == ["``We are not leaving this town.''"]


def test_apostrophes_and_possessives_are_not_marks():
    text = "The Joneses' dog ate rock 'n' roll records at Sam's house."
    assert typeset_marks(text) == text
    assert extract_quotes(text) == []


def test_offsets_are_kept():
    text = "He said it was ''a fine plan'' and left."
    assert len(typeset_marks(text)) == len(text)
