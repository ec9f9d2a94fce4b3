"""Regex sources written for the speed of Python's regex engine (``re``).

A pattern that opens with an assertion (``\\b``, a lookbehind) makes ``re`` try a match at
every character of the text; one that opens with literal characters lets it skip ahead to
them in C. The annotators scan every article with several word lists, so these builders give
the same matches as the plain patterns with the cheaper opening.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def any_word(words: Iterable[str]) -> str:
    r"""Regex source matching what ``\b(?:w1|w2|...)\b`` matches, for words that start and
    end with a word character.

    The alternatives are grouped by their first character, and a look-ahead for the first
    characters follows the leading ``\b``, so the engine leaves most positions at once.
    Which alternative is tried first cannot change a match: the closing ``\b`` admits only
    the whole word there.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        if not (word[:1].isalnum() or word[:1] == "_") or not re.match(r"\w", word[-1]):
            raise ValueError(f"not a word: {word!r}")
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        rest = "|".join(re.escape(r) for r in sorted(set(rests), key=len, reverse=True))
        branches.append(rf"{re.escape(first)}(?:{rest})")
    firsts = "".join(re.escape(first) for first in sorted(by_first))
    return rf"\b(?=[{firsts}])(?:" + "|".join(branches) + r")\b"


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def find_words(
    text: str, words: Sequence[str], not_before: str = "", not_after: str = ""
) -> list[tuple[int, str]]:
    r"""(start, word) of each match of ``(?<![\w…])(?:w1|w2|…)(?![\w…])`` in ``text``, as
    ``re.finditer`` gives them: leftmost first, the earlier word of ``words`` winning at one
    offset, no overlaps. ``not_before``/``not_after`` are the characters besides ``\w`` that
    may not precede/follow a word.

    For a word list made per article: ``str.find`` per word costs less than compiling a
    pattern that is used once.
    """
    size = len(text)
    found: list[tuple[int, int, str]] = []
    for rank, word in enumerate(words):
        if not word:
            raise ValueError("empty word")
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1] if at else ""
            after = text[end] if end < size else ""
            if not (before and (_is_word_char(before) or before in not_before)) and not (
                after and (_is_word_char(after) or after in not_after)
            ):
                found.append((at, rank, word))
            at = text.find(word, at + 1)
    found.sort()
    out = []
    end = 0
    for at, _, word in found:
        if at >= end:
            out.append((at, word))
            end = at + len(word)
    return out
