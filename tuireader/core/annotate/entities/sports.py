"""Sports reports: team names are cities, counties and clubs (ORG); national teams stay LOC.

A report is recognised by its headline ("SOCCER - ...") or by result lines and sports words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.mention import LOC, ORG, Mention
from tuireader.core.annotate.entities.tokens import LOCATIVE, previous_word
from tuireader.core.annotate.patterns import any_word

# "Rovers 2 Eastfield 0" or a standings row "Northvale 4 1 1 2 8 8 4": names of teams.
TEAM_LINE = re.compile(
    r"^(?:[^\d\n]{1,40}? \d+ [^\d\n]{1,40}? \d+(?: \(.*\))?|[^\d\n]{1,40}?(?: [-\d./]+){4,}) *$",
    re.M,
)
_SPORTS_WORDS = (
    "match matches goal goals scored innings wicket wickets runs championship league division "
    "tournament seeded beat defeated coach striker midfielder semifinal quarterfinal final "
    "points half-time penalty season race lap cup champion champions medal round standings "
    "played won drew lost"
)
SPORTS_WORDS = re.compile(any_word(_SPORTS_WORDS.split()))

# "won 3-1", "lost 63-7": a match report gives scores; a biography or a band's history full of
# "season", "won" and "tour" gives none, and its places stay places.
SCORE = re.compile(r"\d(?<![\w-]\d)\d{0,2}-\d{1,3}(?![\w-])")  # opens with a digit: fast
# ``SCORE``'s hits found by their dash, which this opens with (re skips to a literal fast, but
# tries a digit at every character); the one to three digits before it are checked behind it.
# Each hit holds one dash: the hits are as many, and end where ``SCORE``'s do.
SCORE_DASH = re.compile(
    r"-(?:(?<=(?<![\w-])\d-)|(?<=(?<![\w-])\d\d-)|(?<=(?<![\w-])\d\d\d-))\d{1,3}(?![\w-])"
)


def is_sports(text: str, lex: lx.Lexicon) -> bool:
    """A sports report: the headline opens with a sport ("SOCCER - ...", "Rugby union: ..."),
    or the text has result lines, or it is full of sports words and gives scores."""
    words = text[:40].lower().replace(":", " ").replace("-", " ").split()
    for size in (2, 1):
        if lex.flags.get(" ".join(words[:size]), 0) & lx.SPORT:
            return True
    if len(_rows(text)) >= 2:
        return True
    head = text[:5000]
    # scores first: few texts give two, and their scan is the cheaper one
    score = _SCORE_DASH_ASCII if head.isascii() else SCORE_DASH
    return _at_least(score, head, 2) and _at_least(SPORTS_WORDS, head, 6)


def _at_least(pattern: re.Pattern[str], text: str, n: int) -> bool:
    """Whether ``pattern`` matches ``text`` ``n`` times or more (the scan stops there)."""
    return sum(1 for _ in islice(pattern.finditer(text), n)) == n


def teams(mentions: list[Mention], text: str) -> None:
    """In sports reports a city or county stands for its team (ORG); countries stay LOC.

    Unknown names in result lines and standings rows are teams too.
    """
    rows = _rows(text)
    # rows lie on lines of their own, in order: the one a mention may be in is found by bisection
    starts = [s for s, _ in rows]
    by_end: dict[int, Mention] = {}  # filled at the first place after a comma
    for m in mentions:
        if m.country or m.fixed:
            continue
        if m.label == LOC and m.place and not m.locative:
            if text.startswith(", ", m.start - 2):
                if not by_end:
                    by_end = {m.end: m for m in mentions}
                if _in_region(text, m, by_end):
                    continue  # "born in Kingsford , Ontario": the region of a place is a place
            if _in_dateline(text, m.start):
                continue  # "NORTHVALE , Ruritania 1996-08-30": a dateline names the place
            if text.startswith(", ", m.start - 2) and _VENUE_BEFORE.search(
                text, (m.start - 40 if m.start > 40 else 0), m.start
            ):
                continue  # "( at Northvale Park , Leeds )": the town of a venue
            if previous_word(text, m.start) not in LOCATIVE:
                m.label = ORG
        elif m.weak and rows:
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < rows[k][1]:
                m.label = ORG


# What follows a region in apposition: a mark, or a word going on with the clause; not a noun
# the name modifies ("At the Oval , Surrey captain ...": the county's team).
_CLAUSE_GOES_ON = re.compile(
    r" ?(?:[,.;:)\n]|$|(?:in|on|and|where|when|during|since)\b|[a-z]+ed\b)"
)


def _in_region(text: str, m: Mention, by_end: dict[int, Mention]) -> bool:
    """The place ``m``, after a comma, follows a place that a preposition opens ("born in
    Kingsford , Ontario"): it names that place's region, which no team does. The label of
    that place is final (``teams`` keeps a place after a preposition), whatever the order."""
    start = m.start
    if not _CLAUSE_GOES_ON.match(text, m.end):
        return False
    before = by_end.get(start - 3 if text[start - 3 : start - 2] == " " else start - 2)
    return (
        before is not None
        and before.label == LOC
        and (before.locative or previous_word(text, before.start) in LOCATIVE)
    )


# "at Northvale Park , " before a place: the place is where the venue is.
_VENUE_BEFORE = re.compile(r"\b(?:at|At) [A-Z][\w.']*(?: [A-Z][\w.']*| 's){0,3} , $")
# A news-wire dateline: "NORTHVALE , Ruritania 1996-08-30", "NORTHVALE 2016-05-01".
_DATELINE = re.compile(
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*(?: , [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?"
    r" (?:19|20)\d\d-\d\d-\d\d *$"
)


def _in_dateline(text: str, start: int) -> bool:
    """Whether the line holding ``start`` is a dateline."""
    ls = text.rfind("\n", (start - 60 if start > 60 else 0), start) + 1
    if ls == 0 and start > 60:
        return False  # the line opens further back: no dateline is that long
    le = text.find("\n", start)
    return _DATELINE.match(text, ls, len(text) if le < 0 else le) is not None


_PARENS = re.compile(r"\([^()]*\)")
# How every row of ``TEAM_LINE`` opens (a name, then a number or a dash): most lines fail
# this at a third of the cost of the whole pattern.
_ROW_OPENING = re.compile(r"[^\d\n]{1,40}? [-\d./]")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}")


# The same patterns for ASCII text, where ``\d`` is a table look-up, not a Unicode one (the
# matches are the same there).
_ROW_OPENING_ASCII = re.compile(_ROW_OPENING.pattern, re.ASCII)
_TEAM_LINE_ASCII = re.compile(TEAM_LINE.pattern, re.M | re.ASCII)
_SCORE_DASH_ASCII = re.compile(SCORE_DASH.pattern, re.ASCII)
# The last text's rows: ``is_sports`` and then ``teams`` ask for the same text's.
_last_rows: tuple[str, list[tuple[int, int]]] = ("", [])


def _row_end(line: str) -> bool:
    """Whether ``line`` may end as a row of ``TEAM_LINE`` does: in a number or a note in
    brackets, or in four groups of digits and dashes (not in a sentence's " ." or a dateline's
    date). A cheap test that passes every row, so most lines skip both patterns."""
    tail = line.rstrip(" ")
    if not tail:
        return False
    last = tail[-1]
    if last == ")":
        return True
    space = tail.rfind(" ")  # the groups stand one space apart
    if last.isdigit() and tail[space + 1 :].isdigit():
        return True
    if not (last.isdigit() or last in "-./"):
        return False
    return space > 0 and (tail[space - 1] in "-./" or tail[space - 1].isdigit())


# The ASCII characters a line cannot end in as a row (``_row_end`` is false for a line ending
# in one): all but a space (stripped first), ")", digits and "-./".
_NO_ROW_END = frozenset(c for c in map(chr, range(128)) if not (c in " )-./" or c.isdigit()))


def _rows(text: str) -> list[tuple[int, int]]:
    """Result lines and standings rows: besides numbers and notes in brackets only names
    ("Rovers 2 Eastfield 0"); a sentence with two numbers ("car # 10 later renumbered # 31")
    is none."""
    global _last_rows
    last = _last_rows
    if last[0] is text:
        return list(last[1])
    opening, line = (
        (_ROW_OPENING_ASCII, _TEAM_LINE_ASCII) if text.isascii() else (_ROW_OPENING, TEAM_LINE)
    )
    # a row is one whole line: tried at line starts only (not at every character), and only
    # where the line ends and opens like a row
    rows = []
    start = 0
    for row in text.split("\n"):
        at = start
        start += len(row) + 1
        # ``_row_end`` is called only where it may say yes: not for an empty line, one ending
        # in a letter or a comma, nor one ending in "." (or "-", "/") after a word whose last
        # character is a letter ("a sentence." and "a sentence ." both)
        if not row or row[-1] in _NO_ROW_END:
            continue
        if row[-1] in "-./" and ((space := row.rfind(" ")) <= 0 or row[space - 1] in _NO_ROW_END):
            continue
        if _row_end(row) and opening.match(text, at):
            m = line.match(text, at)
            if m and not _LOWER_WORD.search(_PARENS.sub("", m.group())):
                rows.append(m.span())
    _last_rows = (text, rows)
    return list(rows)
