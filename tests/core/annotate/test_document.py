"""Document patterns written to open with a character match as their plain forms."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.entities import document
from tuireader.core.annotate.entities.lexicon import FIRST, load
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER, Mention

PLAIN_ACRONYM = re.compile(r" ?\( ?([A-Z]{2,6})s? ?\)|, ([A-Z]{2,6}),")
PLAIN_OWNERS = re.compile(
    r"(?<![\w.])[A-Z][\w-]* (?:and|&) [A-Z][\w-]*['’]s(?: [A-Z][\w&-]*){0,3}"
    r" (?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|Llc)\b"
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _acronyms(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1) or m.group(2)) for m in PLAIN_ACRONYM.finditer(text)]


def test_acronym_after_matches_like_the_plain_pattern() -> None:
    rng = random.Random(5)
    pieces = [" ", "(", ")", ",", "AB", "CDE", "s", "x", "Q"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert list(document._acronyms_after(text)) == _acronyms(text), text
    text = "Australians Against Immigration ( AAFI ), the Bar (BAs), a group, NATO, here"
    assert list(document._acronyms_after(text)) == _acronyms(text)
    assert len(_acronyms(text)) == 3


def test_paired_owner_firm_matches_like_the_plain_pattern() -> None:
    texts = [
        "Standard and Poor's Corp said; x.Smith & Jones's Ltd; aSmith & Jones's Ltd",
        "Smith & Jones's Ltd",
        "Doe and Roe’s Big Board Co rose. S.Doe and Roe's Inc",
    ]
    for text in texts:
        assert _found(document._PAIRED_OWNER_FIRM, text) == _found(PLAIN_OWNERS, text)
    assert len(_found(PLAIN_OWNERS, texts[0])) == 1  # not after "x." nor inside "aSmith"


def test_paired_owner_firm_ascii_twin_matches_like_it_on_ascii_text() -> None:
    for text in ("Standard and Poor's Corp said; x.Smith & Jones's Ltd", "A_b and C9's D Inc"):
        assert _found(document._PAIRED_OWNER_FIRM_ASCII, text) == _found(
            document._PAIRED_OWNER_FIRM, text
        )


def test_speaker_labels_at_line_starts_are_the_multiline_pattern_hits() -> None:
    rng = random.Random(7)
    pieces = ["\n", " ", ":", '"', "“", "DOVER", "JANE ROE", "x", "A.B", "Q'", "-"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        got = [h.span(1) for h in document._speaker_labels(text)]
        assert got == [h.span(1) for h in document._SPEAKER_LABEL.finditer(text)], text


def test_greedy_quoted_pattern_finds_the_lazy_ones_hits() -> None:
    rng = random.Random(11)
    pieces = ['"', "“", "”", " ", "\n", "Ab", "C", "de", "9", "x" * 30, "Q " * 20]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        lazy = [(h.span(), h.span(1)) for h in document._QUOTED.finditer(text)]
        greedy = []
        for h in document._QUOTED_GREEDY.finditer(text):
            start, end = h.span(1)
            greedy.append((h.span(), (start, end - 1 if text[end - 1] == " " else end)))
        assert greedy == lazy, text


def test_possessive_ends_are_where_a_possessive_opens() -> None:
    rng = random.Random(13)
    pieces = ["'s", "’s", " ", "'", "s", "Ab", "’"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        plain = {
            i for i in range(len(text) + 1) if text.startswith(document._POSSESSIVE_OPENINGS, i)
        }
        assert document._possessive_ends(text) == plain, text


# -- espeed35: cheap pre-checks of the post-passes decide as the plain checks ----------------

_PLAIN_UNITS = document._UNITS


def _plain_ordinals(mentions: list[Mention], text: str) -> None:
    for m in mentions:
        if m.label != PER:
            s = m.start
            hit = (
                document._ORDINAL_BEFORE.search(text, max(0, s - 13), s)
                if s > 2 and (text[s - 1] == " " and text[s - 2] in "tdh" or text[s - 1] == "\n")
                else None
            )
            if not hit and m.text.rsplit(" ", 1)[-1].lower() in _PLAIN_UNITS:
                hit = document._NUMBER_BEFORE.search(text, max(0, m.start - 5), m.start)
            if hit:
                m.start = hit.start()
                m.text = text[m.start : m.end]
                if m.label == LOC and " " not in m.text[len(hit.group()) :]:
                    m.label = ORG


def _plain_the(mentions: list[Mention], text: str) -> None:
    for m in mentions:
        s = m.start
        if s >= 6 and text.find("The ", s - 6, s) >= 0 and document._MID_THE.search(text, s - 6, s):
            m.start -= 4
            m.text = text[m.start : m.end]
            if m.label == PER:
                m.label = ORG


_PIECES = [" ", "\n", "3", "12", "62d", "2nd", "3rd", "7th", "1st", "Third", "Twelfth", "and"]
_PIECES += ["with", "The", "the", "x", ",", "Owl", "Wing", "Fighter Wing", "I", "Ana", "War"]


def _random_case(rng: random.Random) -> tuple[str, list[Mention]]:
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14)))
    mentions = []
    for _ in range(rng.randint(0, 4)):
        s = rng.randint(0, len(text) - 1)
        e = rng.randint(s + 1, len(text))
        mentions.append(Mention(s, e, rng.choice((PER, LOC, ORG, MISC)), text[s:e]))
    return text, mentions


def _state(mentions: list[Mention]) -> list[tuple]:
    return [(m.start, m.end, m.label, m.text) for m in mentions]


def test_ordinals_and_mid_sentence_the_decide_as_the_plain_checks() -> None:
    rng = random.Random(17)
    for _ in range(4000):
        text, mentions = _random_case(rng)
        plain = [Mention(m.start, m.end, m.label, m.text) for m in mentions]
        document._ordinals(mentions, text)
        _plain_ordinals(plain, text)
        assert _state(mentions) == _state(plain), text
        document._the(mentions, text)
        _plain_the(plain, text)
        assert _state(mentions) == _state(plain), text


def test_ordinals_and_the_extend_names() -> None:
    text = "He led the 3rd Owl Wing and the 65 Fighter Wing, then the band The Velvet Owls."
    mentions = [
        Mention(text.find("Owl Wing"), text.find(" and"), ORG, "Owl Wing"),
        Mention(text.find("Fighter"), text.find(","), ORG, "Fighter Wing"),
        Mention(text.find("Velvet"), len(text) - 1, PER, "Velvet Owls"),
    ]
    document._ordinals(mentions, text)
    document._the(mentions, text)
    assert [m.text for m in mentions] == ["3rd Owl Wing", "65 Fighter Wing", "The Velvet Owls"]
    assert mentions[2].label == ORG


def test_numeral_one_after_a_given_name_is_found_by_its_offsets() -> None:
    lex = load()
    text = "Queen Marla I ruled; later Marla I think left."
    first = Mention(text.find("Marla"), text.find(" I"), PER, "Marla")
    second = Mention(text.rfind("Marla"), text.rfind(" I"), PER, "Marla")
    document._first_of_name([first, second], text, lex)
    if lex.flags.get("marla", 0) & FIRST:
        assert first.text == "Marla I"
    assert second.text == "Marla"  # "I think": the pronoun
    nothing = Mention(0, 5, PER, "Queen")
    document._first_of_name([nothing], "Queen Marla", lex)  # no " I" at all
    assert nothing.text == "Queen"
