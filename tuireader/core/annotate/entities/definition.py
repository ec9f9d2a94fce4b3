"""Defining sentences: "X is a village in ...", "X was an alternative rock band from ...".

Encyclopedic and explanatory text introduces a name by saying what it is. The class noun that
heads the description types the name (village → LOC, band → ORG, album → MISC, singer → PERSON)
even when the name opens the sentence and no list knows it, and that mention then settles the
name's later mentions in the document.
"""

from __future__ import annotations

import re

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER, Mention
from tuireader.core.annotate.entities.tokens import UPPER, word_set

_LOC_HEADS = word_set(
    "village town city municipality commune parish hamlet suburb district county region "
    "province island river lake mountain valley neighbourhood neighborhood settlement borough "
    "locality township capital state country island peninsula bay desert forest canton "
    "prefecture oblast voivodeship archipelago volcano glacier creek stream"
)
_ORG_HEADS = word_set(
    "band company manufacturer chain retailer club team party organisation organization "
    "association federation league union university college school newspaper magazine "
    "broadcaster label firm corporation airline bank publisher charity foundation agency "
    "orchestra choir duo trio quartet supergroup group ministry department institute society "
    "brand conglomerate subsidiary carrier network channel regiment brigade battalion "
    "squadron ensemble collective cooperative consortium franchise studio supermarket"
)
_MISC_HEADS = (
    word_set(
        "album single song ep film movie documentary novel book play musical opera poem painting "
        "series sitcom show game videogame aircraft car locomotive rifle ship battleship warship "
        "frigate submarine festival award prize language dialect anthem magazine episode "
        "compilation soundtrack mixtape video tournament championship competition convention "
        "conference war battle treaty holiday"
    )
    - _ORG_HEADS
)
_PER_HEADS = (
    word_set(
        "player footballer singer songwriter singer-songwriter actor actress politician writer "
        "poet author novelist musician rapper composer painter artist scientist engineer "
        "businessman businesswoman pitcher boxer wrestler surfer journalist director producer "
        "officer soldier general admiral lawyer judge priest bishop philosopher historian "
        "economist architect designer photographer coach cyclist athlete swimmer golfer guitarist "
        "drummer bassist comedian presenter broadcaster model dancer entrepreneur inventor "
        "playwright screenwriter lyricist sculptor pianist violinist explorer physician "
        "surgeon mathematician physicist chemist biologist astronomer theologian missionary "
        "diplomat statesman activist emperor empress king queen prince princess monk"
    )
    - _ORG_HEADS
)
# Words that end the description: the head is the last word before them.
_STOP = word_set("of in from on for based located that which who with by near at founded")

_NAME_WORD = rf"[{UPPER}0-9][\w'’&.-]*"
# The copula and article are rare and cheap to find; the name is then read back from the
# sentence start (a line start or ". ") to the copula.
_COPULA = re.compile(r" (?:is|was|are|were) (?:a|an|the|one of the) ([^\n.,;:()\"]{1,80})")
# Short words of a title may join its capitalised words: "Tea to Go", "A Day for Us".
_NAME = re.compile(
    rf"((?:The )?{_NAME_WORD}(?: (?:of|de|la|am|and|&|the|to|a|an|for|with|-|{_NAME_WORD}))*?)"
    r"(?: \( [^()\n]{0,80}\))?"
)
_PRONOUNS = word_set(
    "he she it this that there they we i you these those which what who one each both all "
    "some many most its his her their our here today it's"
)


# What every hit of ``_COPULA`` opens with.
_COPULA_OPENINGS = (" is ", " was ", " are ", " were ")


def _copulas(text: str) -> list[re.Match[str]]:
    """The hits of ``_COPULA`` in ``text``, as ``finditer`` gives them. A pattern opening
    with a space is tried at every space of the text; each hit opens with one of
    ``_COPULA_OPENINGS``, so the pattern is tried only where ``str.find`` finds one, in
    order, from the end of the last hit on (the hits are the same)."""
    starts = []
    for opening in _COPULA_OPENINGS:
        at = text.find(opening)
        while at >= 0:
            starts.append(at)
            at = text.find(opening, at + 3)
    starts.sort()
    hits = []
    end = 0
    for at in starts:
        if at >= end:
            hit = _COPULA.match(text, at)
            if hit is not None:
                hits.append(hit)
                end = hit.end()
    return hits


def definitions(text: str, lex: lx.Lexicon) -> list[Mention]:
    """Names that open a defining sentence, labelled by the class noun of the definition."""
    out: list[Mention] = []
    for cop in _copulas(text):
        at = cop.start()
        lo = max(0, at - 200)
        dot, line = text.rfind(". ", lo, at), text.rfind("\n", lo, at)
        if dot < 0 and line < 0 and lo > 0:
            continue  # no sentence start within reach: the subject is no short name
        begin = max(dot + 2 if dot >= 0 else lo, line + 1 if line >= 0 else lo)
        m = _NAME.fullmatch(text, begin, at)
        if m is None:
            continue
        name = m.group(1)
        words = name.split(" ")
        if words[0].lower() in _PRONOUNS or words[-1][:1].islower():
            continue
        label = _head_label(cop.group(1).split())
        if label is None:
            continue
        start = m.start(1)
        if words[0] == "The":
            words = words[1:]  # a sentence-opening "The" is left out of the name, as in CoNLL
            start += 4
            name = name[4:]
        if not words:
            continue
        if len(words) == 1 and lex.zipf.get(name.lower(), 0.0) >= 4.5:
            continue  # "Money is a ...": an everyday word, not a name
        if words == ["The"]:
            continue
        out.append(Mention(start, start + len(name), label, name))
    return out


def _head_label(desc: list[str]) -> str | None:
    """The label of the description's head noun: the last word before a stop word."""
    head = ""
    for word in desc[:8]:
        low = word.lower()
        if low in _STOP:
            break
        head = low
    for heads, label in (
        (_LOC_HEADS, LOC),
        (_ORG_HEADS, ORG),
        (_MISC_HEADS, MISC),
        (_PER_HEADS, PER),
    ):
        if head in heads:
            return label
    return None
