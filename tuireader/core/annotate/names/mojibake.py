"""UTF-8 text read as Windows-1252 ("Jos\u00c3\u00a9"): the patterns that find a name's
mis-decoded letters, so a person mention keeps the words the recognizer cut there."""

from __future__ import annotations

import re

# UTF-8 read as Windows-1252 ("Jos\u00c3\u00a9"): a lead byte shown as "\u00c3"/"\u00c2", then
# the continuation byte's character, or a space and a combining mark where a spacing accent
# ("\u00a8") was normalised, or nothing where it was lost.
_MOJIBAKE = (
    "[\u00c3\u00c2](?: [\u0300-\u036f]|[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122])?"
)


_MOJIBAKE_BEFORE_RE = re.compile(
    rf"(?<![\w\u00c3\u00c2])[A-Z](?:[a-z]|{_MOJIBAKE})*{_MOJIBAKE}(?:[a-z]|{_MOJIBAKE})* $"
)


_MOJIBAKE_REST_RE = re.compile(
    rf"(?: [\u0300-\u036f]|[^\s\w])?(?:[a-z]|{_MOJIBAKE})*"  # after a cut "...\u00c3"
)


_BROKEN_SPACE_RE = re.compile(r" (?=[\u0300-\u036f])")


_GLUE = "\u2060"  # stands for that space inside one name word
