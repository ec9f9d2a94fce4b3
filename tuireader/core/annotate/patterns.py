"""Regex sources written for the speed of Python's regex engine (``re``).

A pattern that opens with an assertion (``\\b``, a lookbehind) makes ``re`` try a match at
every character of the text; one that opens with literal characters lets it skip ahead to
them in C. The annotators scan every article with several word lists, so these builders give
the same matches as the plain patterns with the cheaper opening.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def any_word(words: Iterable[str]) -> str:
    r"""Regex source matching what ``\b(?:w1|w2|...)\b`` matches, for words that start and
    end with a word character.

    The alternatives are grouped by their first character and the leading ``\b`` is checked
    just after it (``(?<!\w.)``), so the pattern opens with literals. Which alternative is
    tried first cannot change a match: the closing ``\b`` admits only the whole word there.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        if not (word[:1].isalnum() or word[:1] == "_") or not re.match(r"\w", word[-1]):
            raise ValueError(f"not a word: {word!r}")
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        rest = "|".join(re.escape(r) for r in sorted(set(rests), key=len, reverse=True))
        branches.append(rf"{re.escape(first)}(?<!\w.)(?:{rest})")
    return r"(?:" + "|".join(branches) + r")\b"
