"""Sports patterns: the fast forms find what the plain forms find."""

from __future__ import annotations

import re

import pytest

from tuireader.core.annotate.entities import sports

TEXTS = [
    "SOCCER - RESULTS\nRovers 2 Eastfield 0\nNorthvale 4 1 1 2 8 8 4\n\nHe won 3-1 in 2-2-2 x1-2",
    "Rovers 2 Eastfield 0 (a.e.t.)\nthe car # 10 later renumbered # 31\nA - - - -\n",
    "\nNorthvale 4 1 1 2 8 8 4",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_rows_are_the_team_lines_found_anywhere(text: str) -> None:
    plain = [
        m.span()
        for m in sports.TEAM_LINE.finditer(text)
        if not sports._LOWER_WORD.search(sports._PARENS.sub("", m.group()))
    ]
    assert sports._rows(text) == plain


@pytest.mark.parametrize("text", TEXTS)
def test_score_matches_like_the_plain_pattern(text: str) -> None:
    plain = re.compile(r"(?<![\w-])\d{1,3}-\d{1,3}(?![\w-])")
    assert sports.SCORE.findall(text) == plain.findall(text)


@pytest.mark.parametrize(
    "text", [*TEXTS, "1-2 12-34 123-456 1234-5 1-2345 a1-2 -1-2 1-2- 1-2a 5-5-5 1--2 ٣-٤ 9-9"]
)
def test_score_dash_finds_the_score_hits_by_their_dash(text: str) -> None:
    dashes = [m.start() + m.group().index("-") for m in sports.SCORE.finditer(text)]
    assert [m.start() for m in sports.SCORE_DASH.finditer(text)] == dashes
    assert [m.end() for m in sports.SCORE_DASH.finditer(text)] == [
        m.end() for m in sports.SCORE.finditer(text)
    ]


def test_rows_finds_result_lines() -> None:
    assert len(sports._rows(TEXTS[0])) == 2


@pytest.mark.parametrize("text", TEXTS)
def test_ascii_twins_match_like_the_unicode_patterns(text: str) -> None:
    assert sports._SCORE_DASH_ASCII.findall(text) == sports.SCORE_DASH.findall(text)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for pair in (
        (sports._ROW_OPENING, sports._ROW_OPENING_ASCII),
        (sports.TEAM_LINE, sports._TEAM_LINE_ASCII),
    ):
        for s in starts:
            a, b = pair[0].match(text, s), pair[1].match(text, s)
            assert (a and a.span()) == (b and b.span())


def test_rows_asked_twice_for_one_text_are_the_same_and_a_fresh_list() -> None:
    text = "Rovers 2 Eastfield 0\nNorthvale 4 1 1 2 8 8 4\n"
    first = sports._rows(text)
    first.append((0, 0))
    assert sports._rows(text) == first[:-1]
    assert sports._rows("Other 1 Town 2\nMore 3 Place 4") == [(0, 14), (15, 29)]


def test_teams_finds_the_row_a_weak_mention_is_in() -> None:
    from tuireader.core.annotate.entities.mention import LOC, PER, Mention

    text = (
        "SOCCER - RESULTS\nRovers 2 Eastfield 0\nHe said Tarnby 3 Oskel 1 was good\n"
        "Northvale 4 1 1 2 8 8 4"
    )
    inside = [
        Mention(text.find(w), text.find(w) + len(w), PER, w, weak=True)
        for w in ("Rovers", "Northvale")
    ]
    outside = Mention(text.find("Tarnby"), text.find("Tarnby") + 6, PER, "Tarnby", weak=True)
    place = Mention(text.find("Eastfield"), text.find("Eastfield") + 9, LOC, "Eastfield")
    place.place = True
    sports.teams([*inside, outside, place], text)
    assert [m.label for m in inside] == ["ORG", "ORG"]
    assert outside.label == PER  # a sentence, no row
    assert place.label == "ORG"  # a place stands for its team
