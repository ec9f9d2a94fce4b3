"""Shortcuts of the entity recognizer's hot paths: the same answers as the plain forms."""

from __future__ import annotations

import random

from tuireader.core.annotate.entities import context, definition, typer

_PIECES = (
    " is ",
    " was ",
    " are ",
    " were ",
    " a ",
    " an ",
    " the ",
    " one of the ",
    "Zorvel",
    "Acme Widgets",
    ".",
    ",",
    " , ",
    "\n",
    "(",
    ")",
    '"',
    " hacker",
    " persona",
    " said",
    " daily",
    " newspaper",
    "Jan-ho",
    "x",
    "É",
    "’",
    "-",
    "7",
)


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _plain_shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def test_copulas_are_the_patterns_hits() -> None:
    for text in _texts(3000, 1) + ["Zorvel is a town is a is the big port", " is  was an x"]:
        plain = [(m.span(), m.groups()) for m in definition._COPULA.finditer(text)]
        assert [(m.span(), m.groups()) for m in definition._copulas(text)] == plain


def test_comma_after_is_startswith() -> None:
    for text in _texts(500, 2) + [",", " ,", " ", ""]:
        for end in range(len(text) + 2):
            assert context.comma_after(text, end) == text.startswith((",", " ,"), end)


def _plain_reports(text: str, end: int) -> bool:
    if not text.startswith(context._REPORTS, end):
        return False
    after = text.find(" ", end + 1)
    verb = text[end + 1 : after if after >= 0 else len(text)].rstrip(".,;:!?\"”'’)")
    return verb in context._REPORT_VERBS


def test_report_publication_and_handle_tests_match_the_patterns() -> None:
    for text in _texts(1500, 3):
        for end in range(len(text) + 1):
            assert context.reports_after(text, end) == _plain_reports(text, end)
            handle = context._HANDLE_AFTER.match(text, end)
            assert context.handle_after(text, end) == bool(handle)
            if handle:  # the nouns looked for first are in every hit
                assert any(noun in handle.group() for noun in context._HANDLE_NOUNS)
            if not text.startswith(context._PUBLICATION_AFTER, end):
                assert not context.publication_after(text, end)


def test_word_shapes_and_flag_features_are_the_plain_ones() -> None:
    rng = random.Random(4)
    letters = "aZ9-.'’éÉxXd_!&/ "
    words = ["Zorvel", "U.S.", "AK-47s", "McDoe", "É", "x"]
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    for word in words:
        assert typer._shape(word) == _plain_shape(word)
    for flags in range(1 << 18):
        if flags % 97 == 0 or flags < 4096:
            plain = tuple("gl:" + tag for tag in typer._tags(flags))
            assert typer._tag_features("gl:", flags) == plain
