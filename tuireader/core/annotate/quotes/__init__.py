"""Direct quotations with speaker attribution, by rules (no model, no third-party packages).

``extract_quotes(text, entities)`` pairs quotation marks, attributes each quotation to the
speaker mention found by speech-cue patterns around it, carries speakers over split and
continued quotations, drops scare quotes and titles, and resolves pronouns and
"the senator"-style mentions to a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from tuireader.core.annotate.names import Canon
from tuireader.core.annotate.quotes.attribution import STATE_RE, Attribution
from tuireader.core.annotate.quotes.cues import ORG_NOUNS, PERSON_NOUNS
from tuireader.core.annotate.quotes.extract import find_candidates
from tuireader.core.annotate.quotes.indirect import IndirectFinder, Reported
from tuireader.core.annotate.quotes.marks import (
    find_quoted_stretches,
    headline_marks,
    typeset_marks,
)
from tuireader.core.annotate.quotes.resolve import PARTNER_AND_RE, NameResolver
from tuireader.core.annotate.spans import Entity, Quote, Span

__all__ = ["extract_quotes"]


def _span(text: str, offsets: tuple[int, int] | None) -> Span | None:
    """Span for ``text[start:end]``, or None."""
    if offsets is None:
        return None
    return Span(offsets[0], offsets[1], text[offsets[0] : offsets[1]])


def _to_quote(text: str, start: int, end: int, who: Attribution | None, name: str | None) -> Quote:
    """Assemble the public Quote record."""
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        speaker=_span(text, who.speaker if who else None),
        speaker_name=name,
        cue=_span(text, who.cue if who else None),
    )


def _without_full_stop(text: str, who: Attribution) -> Attribution:
    """A speaker span that ends a sentence ("…," said Dmitry Peskov.) loses the full stop;
    an abbreviation's dot ("Jr.", "Corp.") stays."""
    start, end = who.speaker
    if end - start > 1 and text[end - 1] == ".":
        last_word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
        if len(last_word) > 3 and "." not in last_word:
            return replace(who, speaker=(start, end - 1))
    return who


# Between a speaker mention and the person it introduces: capitalised words, "and", "of",
# "former" and role nouns ("Democratic pollster", "Party Chairman", "Gov. and DNC Chairman").
_ROLE_GAP = re.compile(r"(?:\s+(?:[A-Z][\w'\u2019.&-]*|and|of|the|former|[a-z-]+))*?\s+$")
_GAP_WORDS = PERSON_NOUNS | ORG_NOUNS | frozenset(("and", "of", "the", "former", "state"))


class _Entities:
    """The lookups every quotation makes in the text's entities, prepared once a text: the
    PERSON entities in their order, by start and end when the list is sorted both ways (as
    the recognizers give it), and the spans of LOC entities."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.persons = [e for e in entities if e.label == "PERSON"]
        self.starts = [e.start for e in self.persons]
        self.ends = [e.end for e in self.persons]
        self.sorted = self.starts == sorted(self.starts) and self.ends == sorted(self.ends)
        self.places = {(e.start, e.end) for e in entities if e.label == "LOC"}
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.org_starts = [e.start for e in self.orgs]

    def org_holding(self, start: int) -> Entity | None:
        """The organisation with ``e.start < start < e.end`` (the entities do not overlap)."""
        if not self.sorted:
            return next((e for e in self.orgs if e.start < start < e.end), None)
        j = bisect_left(self.org_starts, start) - 1
        return self.orgs[j] if j >= 0 and start < self.orgs[j].end else None

    def person_holding(self, end: int) -> Entity | None:
        """The first person with ``start < end <= e.end``. (Sorted: the first ending at or
        after ``end``; if it starts at or after ``end``, every later one does too.)"""
        if not self.sorted:
            return next((e for e in self.persons if e.start < end <= e.end), None)
        j = bisect_left(self.ends, end)
        return self.persons[j] if j < len(self.persons) and self.starts[j] < end else None

    def person_before(self, start: int) -> Entity | None:
        """The last person ending at or before ``start``."""
        if not self.sorted:
            return next((e for e in reversed(self.persons) if e.end <= start), None)
        j = bisect_left(self.ends, start + 1)
        return self.persons[j - 1] if j > 0 else None

    def person_after(self, end: int) -> Entity | None:
        """The first person starting at or after ``end``."""
        if not self.sorted:
            return next((e for e in self.persons if e.start >= end), None)
        j = bisect_left(self.starts, end)
        return self.persons[j] if j < len(self.persons) else None


def _through_role(who: Attribution, entities: _Entities, text: str) -> Attribution:
    """A speaker mention that stops before the person it describes reaches the person:
    "said Democratic pollster Jane Doe" is Jane Doe, not "Democratic"; long titles
    ("South Carolina Democratic Party Chairman Jane Doe") too."""
    start, end = who.speaker
    e = entities.person_holding(end)
    if e is not None:
        # the mention ends with a person's name, or cuts it ("... Jane Q." of "Jane Q. Doe")
        return replace(who, speaker=(start, e.end)) if end < e.end else who
    e = entities.person_after(end)
    if e is None or e.start - end > 80:
        return who
    gap = text[end : e.start]
    small = [w for w in gap.split() if w[:1].islower()]
    if "\n" in gap or any(len(w) > 4 and w.endswith(".") for w in gap.split()):
        return who  # '..., said Jane Doe.\n\nRoe's role': the sentence ended before Roe
    if _ROLE_GAP.fullmatch(gap) and all(w in _GAP_WORDS for w in small):
        return replace(who, speaker=(start, e.end))
    return who


# "Jane Doe, analyst at ": a person's apposition naming her employer, the comma still open
# (and perhaps a first name of the firm's: "Jane Doe, analyst at Roe Barney, ").
_EMPLOYED_AT_RE = re.compile(
    r"(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}), (?:an? |the )?"
    r"(?:[a-z][\w-]* ){0,3}(?:at|with|of|for|from) "
    r"(?:[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,3}, )?$"
)


def _across_org_comma(text: str, who: Attribution, entities: _Entities) -> Attribution:
    """A speaker that is the tail of an organisation's name ("Doe Upham and Co said": "Co")
    is the whole organisation, with the names listed before it ("Roe Brothers, Doe Upham and
    Co"), and when those close a person's apposition ("Jane Harlow, analyst at Roe Brothers,
    Doe Upham and Co said") the person."""
    start, end = who.speaker
    org = entities.org_holding(start)
    if org is None or end > org.end or not _AND_BEFORE_RE.search(text, org.start, start):
        return who
    first = org.start
    while (before := entities.org_holding(first - 3)) is not None and text[
        before.end : first
    ] == ", ":
        first = before.start
    lead = _EMPLOYED_AT_RE.search(text, max(0, first - 80), first)
    return replace(who, speaker=(lead.start() if lead else first, org.end))


_AND_BEFORE_RE = re.compile(r"\s(?:and|&)\s+$")


# "In a statement to the ": a preposition whose object cannot be the speaker.
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?:(?<!according )\bto|\b(?:with|for|at|in|on))\s+(?:the\s+)?$", re.I
)


def _past_preposition(text: str, who: Attribution) -> Attribution:
    """A speaker mention that opens with a preposition's object and then names the speaker
    ("In a statement to the Ledger, her adviser, Jane Doe, said": not the Ledger) starts
    after the object."""
    start, end = who.speaker
    comma = text.find(", ", start, end)
    if comma < 0 or not _PREPOSITION_BEFORE_RE.search(text, max(0, start - 12), start):
        return who
    return replace(who, speaker=(comma + 2, end))


# "Dovia, a country that ": a description whose relative clause has a subject of its own.
_RELATIVE_RE = re.compile(
    r",\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){1,3}(?:that|whom)\s+"
    r"(?=(?:the|an?|his|her|its|their)\s|[A-Z])"  # its own subject, not "that has sued"
)


def _relative_subject(text: str, who: Attribution) -> Attribution:
    """A speaker mention running through a relative clause ("Dovia, a country that the
    former nominee, Jane Doe, called “...”") is the clause's subject, Jane Doe."""
    start, end = who.speaker
    if "," not in text[start:end]:
        return who
    m = _RELATIVE_RE.search(text, start, end)
    return replace(who, speaker=(m.end(), end)) if m is not None and m.end() < end else who


# "Jane Doe and Tom Roe said": the conjunction between two people; what may come before the
# first (a sentence or clause start), and a list of three or more, left as it is.
_AND_RE = re.compile(r"\s+(?:and|&)\s+")
_CLAUSE_START_RE = re.compile(
    r"(?:^|[\n.!?:;,(\u2014\u2013\u201c\u201d\"]|\s-|\b(?:[Bb]ut|[Ww]hile|[Ww]hen|[Aa]s|[Bb]ecause|[Aa]fter|"
    r"[Tt]hen|[Tt]hat|[Ss]o|[Tt]hough|[Aa]lthough|[Ss]ince)|(?:^|[.!?]\s)[A-Z][a-z]+ly)\s*$"
)
_LIST_COMMA_RE = re.compile(r",\s*")


def _with_conjunct(text: str, who: Attribution, entities: _Entities) -> Attribution:
    """A speaker who is the second of two people joined by "and" at the head of a clause
    ("Jane Doe and Tom Roe have slammed the plan as "..."", "Jane Doe and her husband, Tom
    Roe, said") is the pair, which the name table
    names jointly as it does "the statement" of two bodies; a name after a preposition ("met
    with Doe and Roe") or a list of three stays as it is."""
    start, end = who.speaker
    if start < 6 or text[start - 1] != " ":
        return who  # (the cheap tests first)
    partner = text[start - 2] == "," and " and " in text[max(0, start - 40) : start]
    if not partner and "and" not in text[start - 6 : start]:
        return who
    e = entities.person_holding(end)
    if e is None or e.start != start:
        return who
    first = entities.person_before(start)
    if first is None:
        return who
    if partner:
        # "Jane Doe and her husband, Tom Roe, said": the couple, not the apposition alone
        if not (text.startswith(",", end) and PARTNER_AND_RE.fullmatch(text, first.end, start)):
            return who
    elif not _AND_RE.fullmatch(text, first.end, start):
        return who
    if not _CLAUSE_START_RE.search(text, max(0, first.start - 40), first.start):
        return who
    listed = entities.person_before(first.start)
    if listed is not None and _LIST_COMMA_RE.fullmatch(text, listed.end, first.start):
        return who  # "Doe, Roe and Poe said": three or more
    return replace(who, speaker=(first.start, end))


# "a woman in Dover, Delaware, told": the description the town's state closes.
_PLACE_TAIL_RE = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013]))(?P<np>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[A-Z][a-z]+s)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:from|of|in)\s+(?:the\s+)?[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*){0,2}),\s*$"
)


def _over_place(text: str, who: Attribution, entities: _Entities) -> Attribution:
    """A speaker that is only the state after a town ("a woman in Dover, Delaware, told",
    "Officials in Dover, Del., said") is the description the place belongs to, which the
    resolver leaves unnamed or gives to the office holder ("the mayor of Dover, Delaware")."""
    start, end = who.speaker
    if "," not in text[max(0, start - 3) : start]:
        return who  # (the cheap test first: a comma right before the speaker)
    words = text[start:end]
    if not STATE_RE.fullmatch(words) and (start, end) not in entities.places:
        return who  # (before the search, which tries every start in its window)
    m = _PLACE_TAIL_RE.search(text, max(0, start - 120), start)
    if m is None:
        return who
    return replace(who, speaker=(m.start("np"), end))


def _reported(text: str, r: Reported, canon: Canon) -> Quote:
    """The public record of reported speech (``direct=False``)."""
    start, end = r.content
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        speaker=_span(text, r.speaker),
        speaker_name=canon.speaker(r.name, canon.mention(*r.speaker)),
        cue=_span(text, r.cue),
        direct=False,
    )


def extract_quotes(
    text: str, entities: Sequence[Entity] = (), indirect: bool = True, canon: Canon | None = None
) -> list[Quote]:
    """Return the quotations of ``text`` in order, each with speaker, name and cue.

    Direct quotations come with ``direct=True``; with ``indirect`` also clearly attributed
    reported speech (``direct=False``, the reported clause as the span) whose speaker is a named
    person or organisation. ``entities`` (PERSON/ORG mentions) improve speaker names; without
    them a capitalised-name heuristic stands in. ``canon``: the name table of ``text`` and
    these entities when the caller has it already (``canonical_entities`` builds it).
    """
    if canon is None:
        canon = Canon(text, entities)
    marked = headline_marks(typeset_marks(text))  # same offsets; ''...'', ‘...’ as "..."
    stretches = find_quoted_stretches(marked)
    candidates = find_candidates(marked, stretches)
    resolver = NameResolver(marked, entities, [(c.start, c.end) for c in candidates])
    quotes = []
    lookups = _Entities(entities)
    for c in candidates:
        if c.who is not None and c.who.speaker[0] == c.who.speaker[1]:
            # an unnamed speaker ("Doe was asked: "..."" - by someone not named)
            quotes.append(_to_quote(text, c.start, c.end, None, None))
            continue
        if c.who is not None:
            c.who = _through_role(_without_full_stop(text, c.who), lookups, text)
            c.who = _over_place(text, c.who, lookups)
            c.who = _past_preposition(text, c.who)
            c.who = _relative_subject(text, c.who)
            if lookups.orgs:
                c.who = _across_org_comma(text, c.who, lookups)
            c.who = _with_conjunct(text, c.who, lookups)
        if c.who is None:
            name = None
        else:
            start, end = c.who.speaker
            name = canon.speaker(resolver.resolve(c.who.speaker), canon.mention(start, end))
        quotes.append(_to_quote(text, c.start, c.end, c.who, name))
    if indirect:
        quoted = [(s.start, s.end) for s in stretches]
        finder = IndirectFinder(marked, resolver, quoted)
        quotes.extend(_reported(text, r, canon) for r in finder.find())
        quotes.sort(key=lambda q: q.start)
    return quotes
