"""Look-ups the entity recognizer skips or shares: the same names as without the shortcut."""

from __future__ import annotations

import random

from tuireader.core.annotate.entities import caps, extract_entities, segment, sports
from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.runs import segments


class _Every:
    """A set holding every word: with it as ``firsts`` no phrase look-up is skipped."""

    def __contains__(self, word: object) -> bool:
        return True


def _lexicon() -> lx.Lexicon:
    lex = lx.Lexicon()
    for entry, bit in (
        ("north vale", lx.PLACE),
        ("north vale city", lx.PLACE),
        ("acme widget corp", lx.ORG),
        ("acme", lx.ORG),
        ("zorbian", lx.DEMONYM),
        ("gala cup", lx.MISC),
        ("vale", lx.SUR),
        ("st. ives", lx.PLACE),
    ):
        lex.add(entry, bit)
    return lex


def test_firsts_are_the_first_words_of_entries_of_two_words_or_more() -> None:
    assert _lexicon().firsts == {"north", "acme", "gala", "st."}


_CAPS_WORDS = ["NORTH", "VALE", "CITY", "ACME", "WIDGET", "CORP", "GALA", "CUP", "ZORBIAN"]
_CAPS_WORDS += ["ST.", "IVES", "ROE", "DOE", "SAYS", "-", "/", "1996", "Ñ", "ÑORTH"]


def test_caps_line_finds_what_it_finds_with_every_phrase_looked_up() -> None:
    rng = random.Random(3)
    lex = _lexicon()
    every = _lexicon()
    every.firsts = _Every()  # type: ignore[assignment]
    known = {"jane roe": "PERSON", "roe": "PERSON", "doe says": "ORG"}
    for _ in range(3000):
        words = [rng.choice(_CAPS_WORDS) for _ in range(rng.randint(1, 9))]
        glue = [rng.choice(" " * 6 + "/-,") for _ in words]
        line = "".join(w + g for w, g in zip(words, glue, strict=True)).rstrip()
        text = "Jane Roe met Doe Says.\n" + line + "\nMore text."
        ls, le = 23, 23 + len(line)
        got = caps.caps_line(text, ls, le, lex, known)
        want = caps.caps_line(text, ls, le, every, known, _Every())  # type: ignore[arg-type]
        assert [(m.start, m.end, m.label) for m in got] == [
            (m.start, m.end, m.label) for m in want
        ], line


def test_first_words_are_those_of_known_names_of_two_words_or_more() -> None:
    assert caps.first_words({"jane roe": "PERSON", "roe": "PERSON"}) == {"jane"}


_RUN_WORDS = ["North", "Vale", "City", "Acme", "Widget", "Corp", "Gala", "Cup", "St.", "Ives"]
_RUN_WORDS += ["Zorbian", "Jane", "Roe", "of", "and"]


def test_starts_known_is_the_same_with_every_phrase_looked_up() -> None:
    rng = random.Random(4)
    lex = _lexicon()
    every = _lexicon()
    every.firsts = _Every()  # type: ignore[assignment]
    for _ in range(2000):
        words = [rng.choice(_RUN_WORDS) for _ in range(rng.randint(2, 6))]
        words[0] = words[0].capitalize()
        run = " ".join(words)
        text = "he said " + run + " today"
        for seg in segments(text, 8, run, lex.flags, False, lex.zipf):
            toks = seg.toks
            fast = segment.SegmentLabeller(lex, text)._starts_known(toks)
            assert fast == segment.SegmentLabeller(every, text)._starts_known(toks), run


def test_word_lookups_are_shared_by_documents_and_bounded(monkeypatch) -> None:
    lex = _lexicon()
    one = segment.SegmentLabeller(lex, "Acme said.")
    assert one.tflags((0, 4)) == lx.ORG
    assert "Acme" in lex.words
    assert segment.SegmentLabeller(lex, "Then Acme.")._words is lex.words
    monkeypatch.setattr(segment, "_WORDS_CACHED", 2)
    one._info("Vale")
    one._info("North")  # the cache is full: emptied first, then this word kept
    assert list(lex.words) == ["North"]


def test_rows_are_the_team_lines_of_random_texts() -> None:
    rng = random.Random(6)
    pieces = ["\n", " ", "Rovers", "Eastfield", "2", "10", "-", ".", "/", "(a.e.t.)", "won"]
    pieces += ["Ñorth", "٣"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        plain = [
            m.span()
            for m in sports.TEAM_LINE.finditer(text)
            if not sports._LOWER_WORD.search(sports._PARENS.sub("", m.group()))
        ]
        assert sports._rows(text) == plain, text


def test_a_cached_stop_word_in_quotes_is_still_a_title() -> None:
    text = 'Mara Velk read " The " aloud in Dunmore. The crowd cheered. "But" was next.'
    for _ in range(2):  # the second time every word's look-ups are cached
        got = [(e.start, e.end, e.label, e.text) for e in extract_entities(text)]
        assert (17, 20, "MISC", "The") in got
        assert (61, 64, "MISC", "But") in got
        assert not any(e[3] == "The" and e[0] > 20 for e in got)
