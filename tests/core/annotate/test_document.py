"""Document patterns written to open with a character match as their plain forms."""

from __future__ import annotations

import random
import re

from tuireader.core.annotate.entities import document

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
