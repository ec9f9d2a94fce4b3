"""Pairing double quotation marks into quoted stretches, one paragraph at a time.

News text mixes curly and straight marks, nests quotes with the wrong glyph and leaves
multi-paragraph quotes open at each paragraph end, so a mark's role (opening or closing) is
judged from its neighbours first and from its glyph only when the neighbours are ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING_MARKS = "\u201c\u201e\u00ab"
CLOSING_MARKS = "\u201d\u00bb"
STRAIGHT_MARK = '"'

_MARK_RE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
_PARAGRAPH_RE = re.compile(r"[^\n]+")
# Markup such as <tweet tweet-id="123"> carries attribute quotes that are not quotations.
_TAG_RE = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")
# Characters after which a mark opens (start of a stretch) and before which it closes.
_BEFORE_OPEN = set(" \t\n\u00a0([{\u2014\u2013-/:\u2018'\u201c\u201e\u00ab\u2015")
_AFTER_CLOSE = set(" \t\n\u00a0)]}.,;:!?\u2014\u2013-/\u2019'\u201d\u00bb\u2015\u2026")


@dataclass(frozen=True, slots=True)
class QuotedStretch:
    """A quotation candidate: ``text[start:end]``, marks included.

    ``closed`` is False when the paragraph ended before a closing mark (a multi-paragraph
    quote, or a typo); ``paragraph`` is the index of the paragraph it sits in.
    """

    start: int
    end: int
    closed: bool
    paragraph: int


# Typeset quotation marks made of two characters: '' (opening and closing) and `` (opening).
_PAIRED_RE = re.compile(r"'{2,3}|``")
_OPEN_CONTEXT = set(" \t\n\u00a0([{\u2014\u2013-/:")
_JOINER = "\u2060"  # word joiner: a filler that is neither a letter nor a space


def _paired_mark(text: str, m: re.Match) -> str:
    """The same-length replacement of one run of apostrophes or backquotes (see below)."""
    run, i, j = m.group(), m.start(), m.end()
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    opens = before in _OPEN_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    if run == "``":
        return '"' + (_JOINER if not after.isspace() else " ")
    if opens == closes:
        # "word''word" is no mark; a lone '' between spaces is left to the pairing's stack.
        return '" ' if run == "''" and before.isspace() and after.isspace() else run
    if opens:
        return '"' + _JOINER + run[2:]
    # Closing: the punctuation inside the mark is doubled so '...,'' still ends with a comma.
    return run[2:] + before + '"'


def typeset_marks(text: str) -> str:
    """``text`` with doubled apostrophes (''...'' and ``...'', as typeset news and treebank
    text mark quotations) rewritten as straight double marks, offsets kept: each two-character
    mark becomes '"' plus a filler (a word joiner after an opening mark; the character before a
    closing mark repeated, so the punctuation inside the quote still shows). A single apostrophe
    (possessives, "rock 'n' roll") is never a mark."""
    if "''" not in text and "``" not in text:
        return text
    return _PAIRED_RE.sub(lambda m: _paired_mark(text, m), text)


_HEADLINE_INTRO = re.compile(r"(?::|\b(?:[Ss]ays?|[Ss]aid|[Tt]ells?|[Tt]old|[Ww]arns?))\s$")
# "Doe: Roe's plan is 'a fraud'": a headline led by its speaker and a colon.
_HEADLINE_SPEAKER = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}:\s")
_SINGLE_CLOSE = " .,;:!?)\u2014\u2013-"


def headline_marks(text: str) -> str:
    """``text`` with the single quotation marks of its headline (the first line, when short
    and followed by more text) rewritten as double marks, offsets kept, where a speaker
    introduces them: "Doe: ‘We Will Win’", "Doe Says 'We Will Win'", "Doe: Roe Is 'Unfit'".
    Other single-quoted words of a headline are mostly labels and scare quotes, and
    apostrophes ("Doe’s", "voters' ") close nothing that was not opened."""
    end = text.find("\n")
    if not 0 < end <= 250 or _MARK_RE.search(text, 0, end):
        return text
    line = text[:end]
    if "\u2018" not in line and "'" not in line:
        return text
    chars = list(text)
    opened = -1
    for i, ch in enumerate(line):
        if ch in "\u2018'" and opened < 0:
            intro = _HEADLINE_INTRO.search(line, 0, i) or _HEADLINE_SPEAKER.match(line, 0, i)
            if intro and i + 1 < end and line[i + 1].isalnum():
                opened = i
        elif (
            ch in "\u2019'"
            and opened >= 0
            and i > opened + 1
            and not line[i - 1].isspace()
            and (i + 1 == end or line[i + 1] in _SINGLE_CLOSE)
        ):
            chars[opened], chars[i] = "\u201c", "\u201d"
            opened = -1
    return "".join(chars)


def mask_markup(text: str) -> str:
    """Blank out markup tags (same length) so their attribute quotes are not paired."""
    if "<" not in text:
        return text
    return _TAG_RE.sub(lambda m: " " * len(m.group()), text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-empty line; news dumps use a line per paragraph."""
    return [m.span() for m in _PARAGRAPH_RE.finditer(text)]


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Classify the mark at ``i`` as 'open', 'close' or '' (decide from the glyph)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    can_open = before in _BEFORE_OPEN and not after.isspace()
    can_close = after in _AFTER_CLOSE and not before.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return ""


def _is_opening(mark: str, role: str, stack: list[tuple[int, str]]) -> bool:
    """Decide whether a mark opens, using its role, else its glyph, else the stack."""
    if role:
        return role == "open"
    if mark in OPENING_MARKS:
        return True
    if mark in CLOSING_MARKS:
        return False
    return not stack or stack[-1][1] != STRAIGHT_MARK


def _pair_paragraph(text: str, lo: int, hi: int, index: int) -> list[QuotedStretch]:
    """Pair the marks of one paragraph; outermost pairs only, nested ones stay inside."""
    found: list[QuotedStretch] = []
    stack: list[tuple[int, str]] = []
    for m in _MARK_RE.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        if _is_opening(mark, _role(text, i, lo, hi), stack):
            stack.append((i, mark))
        elif stack:
            start = stack.pop()[0]
            if not stack:
                found.append(QuotedStretch(start, i + 1, True, index))
    if stack:
        end = len(text[lo:hi].rstrip()) + lo
        found.append(QuotedStretch(stack[0][0], end, False, index))
    return found


# Feet and inches ("6’2”", "5'11\""): the inch sign is no quotation mark.
# (The lookbehind follows the first digit: re then skips to digits instead of trying every
# character.)
_INCH_RE = re.compile(r"(\d(?<=\d['\u2019]\d)\d?)[\"\u201d]")
# Every height has an apostrophe before a digit; few texts do, and re skips to the two marks.
_APOSTROPHE_DIGIT_RE = re.compile(r"['\u2019]\d")


def mask_inches(text: str) -> str:
    """Blank the inch sign of heights such as 6’2” (same length)."""
    if _APOSTROPHE_DIGIT_RE.search(text) is None:
        return text
    return _INCH_RE.sub(lambda m: m.group(1) + " ", text)


def find_quoted_stretches(text: str) -> list[QuotedStretch]:
    """Return the outermost double-quoted stretches of ``text`` in order."""
    masked = mask_inches(mask_markup(text))
    found: list[QuotedStretch] = []
    for index, (lo, hi) in enumerate(paragraphs(masked)):
        if _MARK_RE.search(masked, lo, hi):
            found.extend(_pair_paragraph(masked, lo, hi, index))
    return found
