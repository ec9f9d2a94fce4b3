"""All-caps lines (headlines, datelines, some tables): names by case-insensitive lookup only.

Capitalisation says nothing there, so a phrase is a name only if a gazetteer or the document's
own body knows it ("RUSSIA DENIES HACKING CLAIMS BY U.S." -> RUSSIA, U.S.).
"""

from __future__ import annotations

from operator import methodcaller

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, Mention
from tuireader.core.annotate.entities.tokens import DATELINE_TAIL, LOCATIVE, WORD, previous_word
from tuireader.core.annotate.patterns import find_words

_SPAN = methodcaller("span")
_MAX_CAPS_NGRAM = 5
# A word this frequent in English is read as the word in a headline ("US", "WHO", "MAY").
_CAPS_COMMON = 5.5
_NAMED = lx.ORG | lx.COUNTRY | lx.PLACE | lx.DEMONYM | lx.MISC


def caps_line(
    text: str,
    ls: int,
    le: int,
    lex: lx.Lexicon,
    known: dict[str, str],
    known_firsts: set[str] | None = None,
) -> list[Mention]:
    """Names in an all-caps line, by longest case-insensitive match; ``known_firsts``: the
    first words of ``known``'s names of two words or more (``first_words``; None: found here).
    """
    if known_firsts is None:
        known_firsts = first_words(known)
    flags = lex.flags
    # each word's offsets by one call; ``_trim`` only for a word ending in a dot (no other
    # word's end moves)
    words = [
        span
        if text[span[1] - 1] != "."
        else (span[0], _trim(text[span[0] : span[1]], span[1], flags))
        for span in map(_SPAN, WORD.finditer(text, ls, le))
    ]
    out: list[Mention] = []
    i = 0
    n = len(words)
    dateline = bool(words) and _is_dateline(text, words, le)
    # reach[i]: the end of the words from i on joined by single spaces (a phrase's extent)
    reach = [n] * n
    for k in range(n - 2, -1, -1):
        reach[k] = reach[k + 1] if words[k][1] + 1 == words[k + 1][0] else k + 1
    # an ASCII line lowered once: each phrase's lower case is a slice of it (not so in general:
    # "İ" lowers to two characters, a final "Σ" by its context)
    line = text[ls:le]
    low = line.lower() if line.isascii() else None
    firsts = lex.firsts
    while i < n:
        hit = None
        # (``reach[i]`` is at most ``n``; a comparison costs less than a call of ``min``)
        top = reach[i] if reach[i] < i + _MAX_CAPS_NGRAM else i + _MAX_CAPS_NGRAM
        if top > i + 1 and text[words[i][1]] == " ":  # a phrase of several opens "word "
            start, end = words[i]
            first = text[start:end].lower() if low is None else low[start - ls : end - ls]
            if first not in firsts and first not in known_firsts:
                top = i + 1  # no known name and no entry opens with the word: it alone
        for j in range(top, i, -1):
            start, end = words[i][0], words[j - 1][1]
            phrase = text[start:end].lower() if low is None else low[start - ls : end - ls]
            if phrase not in known and not flags.get(phrase, 0) & _NAMED:
                continue  # most phrases: no name ``_caps_label`` could give
            label = _caps_label(phrase, j - i, lex, known)
            if label and j - i == 1 and not label[1] and _written_small(phrase, text, known):
                label = None  # "... COMPLETES SALE" over "the sale": the word, not the town
            if label:
                # (positional: a keyword call costs more)
                hit = Mention(start, end, label[0], text[start:end], False, False, label[1])
                hit.place = label[0] == LOC
                hit.locative = previous_word(text, start) in LOCATIVE
                hit.fixed = dateline and i == 0
                break
        if hit:
            if j < n and words[j][0] == words[j - 1][1] + 1:
                head = lex.flags.get(text[words[j][0] : words[j][1]].lower(), 0)
                # (a person's name before "Power", "Group" is no firm: "DOE POWER PLAN")
                if head & lx.MISC_HEAD or (head & lx.ORG_SUFFIX and hit.label in (ORG, LOC)):
                    label = MISC if head & lx.MISC_HEAD else ORG  # "RIVERTON OPEN"
                    end = words[j][1]
                    hit = Mention(hit.start, end, label, text[hit.start : end])
                    j += 1
            out.append(hit)
            i = j
        else:
            i += 1
    return out


def first_words(known: dict[str, str]) -> set[str]:
    """The first words of the names of two words or more among ``known``."""
    out = set()
    for name in known:
        if " " in name:
            out.add(name.split(" ", 1)[0])
    return out


def _written_small(word: str, text: str, known: dict[str, str]) -> bool:
    """The document's own text writes this word in small letters, and never as a name."""
    if word in known or not word.isalpha():
        return False
    return bool(find_words(text, (word,)))


def _trim(word: str, end: int, flags: dict[str, int]) -> int:
    """End offset of a caps word, without a sentence-final dot."""
    if word.endswith(".") and "." not in word[:-1] and word.lower() not in flags:
        return end - 1
    return end


def _is_dateline(text: str, words: list[tuple[int, int]], le: int) -> bool:
    """A line such as "LONDON 1996-08-30" or "MOSCOW (Reuters) -"."""
    tail = text[words[0][1] : le]
    if len(words) > 1 and words[1][0] - words[0][1] == 1 and DATELINE_TAIL.match(tail) is None:
        tail = text[words[1][1] : le]
    return DATELINE_TAIL.match(tail) is not None


def _caps_label(
    phrase: str, size: int, lex: lx.Lexicon, known: dict[str, str]
) -> tuple[str, bool] | None:
    """(label, is_country) for an all-caps phrase, or None."""
    label = known.get(phrase)
    f = lex.flags.get(phrase, 0)
    if label:
        return label, bool(f & lx.COUNTRY)
    if size == 1 and lex.zipf.get(phrase, 0.0) >= _CAPS_COMMON:
        return None
    if f & lx.ORG:
        return ORG, False
    if f & lx.COUNTRY:
        return LOC, True
    if f & lx.PLACE:
        return LOC, False
    if f & (lx.DEMONYM | lx.MISC):
        return MISC, False
    return None
