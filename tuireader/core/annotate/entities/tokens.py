"""Compiled patterns that find candidate names without a Python loop over characters.

A candidate is a run of capitalised tokens joined by single spaces, optionally through a
lower-case connector ("Department of Homeland Security", "Frederik de Klerk", "Procter & Gamble").
Possessive "'s" never enters a token, so "Putin's" yields "Putin".
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(words.split())


# Capitals of Latin-1 and Latin Extended-A ("Łódź", "Šarūnas", "Żywiec", "İzmir").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"

# A capitalised token: letters/digits, inner apostrophes (not a possessive 's), inner hyphens,
# dots and ampersands ("O'Neill", "Jean-Pierre", "U.S", "AT&T"), and one optional final dot that
# the caller keeps only for abbreviations ("U.S.", "Corp.", "Sen.").
# Written as letters, then (inner mark, letters) pairs, with possessive repeats: re takes
# each stretch of letters in one step and keeps no backtracking state per repeat (the
# matches are those of ``(?:\w+|['’](?!...)(?=\w)|[-.&](?=\w))*\.?``: nothing after the
# tail needs any of it back).
_APOSTROPHE = r"['’](?!(?:[sSmMdDtT]|ll|ve|re)\b)"
_CAP_TAIL = rf"\w*+(?:(?:{_APOSTROPHE}|[-.&])(?=\w)\w*+)*+\.?"
_CAP = rf"[{UPPER}]{_CAP_TAIL}"

# Lower-case connectors that may sit inside a name. Longest alternatives first.
CONNECTORS = (
    "of the",
    "for the",
    "on the",
    "de la",
    "van der",
    "van den",
    "von der",
    "of",
    "for",
    "on",
    "de",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "das",
    "du",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "bin",
    "ibn",
    "al",
    "y",
    "and",
    "&",
)
# The connectors are tried after every capitalised word followed by a space: a look at the
# next character first passes over the lower-case words no connector starts with.
_JOIN_FIRST = re.escape("".join(sorted({c[0] for c in CONNECTORS})))
_JOIN = rf"(?=[{_JOIN_FIRST}])(?:{'|'.join(re.escape(c) for c in CONNECTORS)})"

# Nothing of a word before the first capital (checked just after it, "(?<!X.)": the pattern
# then opens with the capitals, which re skips to instead of trying every character). A dash
# is part of a word ("anti-Trump") unless it opens a line or follows a space: a list bullet.
# The words' repeat is possessive (nothing follows it to give a word back to).
RUN = re.compile(rf"[{UPPER}](?<![\w'’.].)(?<!\S-.){_CAP_TAIL}(?: (?:(?:{_JOIN}) )?{_CAP})*+")
# ``RUN`` for ASCII text, the same matches there: capitals A-Z, ``\w`` by table look-up (not by
# Unicode's), and ``\S`` spelled out (Unicode's ``\s`` also takes the separators \x1c-\x1f).
RUN_ASCII = re.compile(
    RUN.pattern.replace(f"[{UPPER}]", "[A-Z]").replace(r"\S", r"[^\s\x1c-\x1f]"), re.ASCII
)

# "ex-Milan", "pro-Western", "anti-American": CoNLL marks such words MISC. The pattern finds
# the "-Milan" part (a fast literal scan); ``prefixed`` checks the word before it.
DASH_CAP = re.compile(rf"-(?<=[a-z]-)[{UPPER}][\w-]*\w")
_PREFIXES = frozenset(("ex", "pre", "post", "anti", "pro", "non", "neo", "pan", "mid", "trans"))


def prefixed(text: str) -> list[tuple[int, int]]:
    """Spans of words such as "ex-Milan" whose lower-case prefix modifies a name."""
    out = []
    for m in DASH_CAP.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if text[k : m.start()] in _PREFIXES and (k == 0 or text[k - 1] not in "-'’"):
            out.append((k, m.end()))
    return out


# Any word, for all-caps lines where capitalisation tells nothing.
WORD = re.compile(rf"(?<![\w'’])[^\W\d_]{_CAP_TAIL}")

LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
HAS_LOWER = re.compile(r"[a-zß-öø-ÿ]")
UPPER_CHARS = re.compile(rf"[{UPPER}]")
LOWER_CHARS = re.compile(r"[a-zß-öø-ÿ]")
DATELINE_TAIL = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\(|-|,|\d{1,2}/\d{1,2})")
DIGIT_AHEAD = re.compile(r" ?[-(]?\d")

# A previous character after which a capitalised word opens a sentence or a quotation.
SENTENCE_OPENERS = frozenset(".!?:;\"'“”‘’-–—*•|")

# Words after which a capitalised word is usually a place.
LOCATIVE = word_set(
    "in at near from to outside across into towards toward via around throughout inside"
)


def is_caps_line(line: str) -> bool:
    """True for headline-style text where nearly every letter is upper case."""
    first_lower = HAS_LOWER.search(line, 0, 160)
    if first_lower is not None and first_lower.start() < 12:
        return False  # ordinary text shows a lower-case letter at once
    upper = len(UPPER_CHARS.findall(line, 0, 160))
    if upper < 2:
        return False
    lower = len(LOWER_CHARS.findall(line, 0, 160))
    return lower * 4 < upper


_DOT_SPACE = re.compile(r"(\S+)\. ")


def _has_sentence_break(line: str) -> bool:
    """A ". " after an ordinary word, not an abbreviation ("U.S. Officially", "Sen. Sasse")."""
    for m in _DOT_SPACE.finditer(line):
        word = m.group(1)
        if not ("." in word or len(word) == 1 or (len(word) <= 3 and word[0].isupper())):
            return True
    return False


def is_title_line(line: str) -> bool:
    """True for a Title Case headline ("Only 24 Percent of Donors Are Small Donors")."""
    if len(line) > 150 or len(line) < 19:  # (four words of four letters or more: 19)
        return False
    # One pass over the words (each test below is a plain condition, so their order is
    # free): the long words that open with a letter and those of them capitalised are
    # counted, and the first lower-case word that is not one of the minor words ends it.
    # Title case capitalises short verbs too ("Donors Are Small"): such a word makes the
    # line a sentence ("Jane Doe was an Ohio lawyer.").
    long = capital = 0
    for w in line.split():
        if w.islower() and w.isalpha() and w not in _MINOR_WORDS:
            return False
        if len(w) > 3 and w[0].isalpha():
            long += 1
            if w[0].isupper():
                capital += 1
    if long < 4 or capital * 4 < long * 3:
        return False
    return not (". " in line and _has_sentence_break(line))


_MINOR_WORDS = frozenset(
    ("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in")
    + ("of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto")
    + ("over", "than", "upon")
)


def opens_sentence(text: str, start: int) -> bool:
    """Whether the token at ``start`` is the first word of a sentence or quotation."""
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in SENTENCE_OPENERS or text[j] == "\n"


def previous_word(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` ("" if none), for context rules."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return text[k + 1 : j + 1].lower()
