"""Document-level consistency: one name, one label, wherever the evidence for it appears.

A later bare "Putin" is a PERSON because "Vladimir Putin" was named; "Zorblax" is an ORG because
"Zorblax Corp" was; a sentence-opening word is kept only if the document names it elsewhere.
"""

from __future__ import annotations

from collections import Counter

from tuireader.core.annotate.entities.mention import ORG, PER, Mention


def settle(mentions: list[Mention]) -> None:
    """Relabel weak mentions from the document's stronger evidence, in place.

    Order of trust for a weak mention: the same text labelled with evidence elsewhere; a word of
    a person's full name; the first word of an organisation's name; the label that a context cue
    gave the same text. Sentence-opening words the document never names elsewhere are dropped.
    """
    confirmed: set[str] = set()
    lone: dict[str, int] = {}  # text -> how many lone mentions it has
    doubtful = False
    for m in mentions:
        text = m.text
        if m.lone:
            lone[text] = lone.get(text, 0) + 1
            doubtful = True
        elif m.tentative:
            doubtful = True
        else:
            confirmed.add(text)
        if " " in text:
            confirmed.update(text.split(" "))
    if doubtful:
        mentions[:] = [
            m
            for m in mentions
            if (not m.tentative or m.text in confirmed)
            and (not m.lone or m.text in confirmed or lone[m.text] > 1)
        ]

    strong: dict[str, str] = {}  # text -> label, from gazetteers, heads and titles
    hinted: dict[str, str] = {}  # text -> label, from context cues
    person_parts: set[str] = set()  # words of full person names
    surnames: set[str] = set()  # their last words: a place name ("Miami") yields only to these
    org_heads: set[str] = set()  # first words of organisation names ("Zorblax" Corp)
    firms: set[str] = set()  # short forms of firms named with their legal form
    # (one pass gathers all of them: the firms' short forms come from weak mentions too)
    for m in mentions:
        text = m.text
        if m.weak:
            if not m.guess:
                hinted.setdefault(text, m.label)
            if m.label == ORG and " " in text:
                _add_firm_stems(text, firms)
            continue
        strong.setdefault(text, m.label)
        if " " in text:
            if m.label == PER:
                person_parts.update(text.split(" "))
                surnames.add(text.rsplit(" ", 1)[1])
            elif m.label == ORG:
                org_heads.add(text.split(" ", 1)[0])
                _add_firm_stems(text, firms)

    for m in mentions:
        text = m.text
        # "Acme" after "Acme Corp"; "Moody" after "Moody's Inc" (most texts name no such firm)
        if (
            firms
            and m.label != ORG
            and text in firms
            and text not in person_parts
            and not m.country
        ):
            m.label, m.weak = ORG, False
            continue
        # only guesses and one-word gazetteer places may change (most mentions: neither)
        if m.weak:
            single = " " not in text
        elif m.place and " " not in text:
            single = True
        else:
            continue
        label = strong.get(text)
        if label and m.weak:
            m.label, m.weak = label, False
        elif (
            single
            and text in (surnames if m.place else person_parts)
            and not m.country
            and not _acronym(text)
        ):
            m.label, m.weak = PER, False
        elif m.weak and text in org_heads and not m.place:
            m.label = ORG
        elif m.guess and text in hinted:
            m.label = hinted[text]


def vote(mentions: list[Mention]) -> None:
    """One name, one label: weak mentions of the same text that the rules labelled apart
    ("Tollan" a place after "in", an organisation after "the", a person once) all take the
    label most of them have; a tie changes nothing. Gazetteer places are left alone: a city
    is also its team."""
    first: dict[str, str] = {}  # text -> the label of its first weak mention
    mixed: set[str] = set()
    for m in mentions:
        weak = m.weak and not m.place and not m.country
        if weak and first.setdefault(m.text, m.label) != m.label:
            mixed.add(m.text)
    if not mixed:
        return
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.text in mixed and m.weak and not m.place and not m.country:
            groups.setdefault(m.text, []).append(m)
    for group in groups.values():
        # (not ``most_common(2)``: it imports heapq on its first call, and the first
        # document to get here pays for the import)
        counts = Counter(m.label for m in group)
        if len(counts) < 2:
            continue
        top = sorted(counts.values(), reverse=True)
        if top[0] == top[1]:
            continue
        label = max(counts, key=counts.__getitem__)
        for m in group:
            m.label = label


_LEGAL_FORMS = frozenset(
    ("inc", "corp", "co", "cos", "ltd", "plc", "llc", "corporation", "company", "ag", "sa", "nv")
)


def _add_firm_stems(name: str, stems: set[str]) -> None:
    """The short forms of a firm named with its legal form, added to ``stems``: "First
    Boston" of "First Boston Corp", "Moody" of "Moody's Investors Service Inc"."""
    words = name.rstrip(".,").split(" ")
    if words[-1].lower().rstrip(".") not in _LEGAL_FORMS:
        return
    stems.add(" ".join(words[:-1]))
    first = words[0]
    if first.endswith(("'s", "’s")):
        stems.add(first[:-2])


def _acronym(word: str) -> bool:
    """ "DNC", "NSA": all-caps words are organisations, never a word of a person's name."""
    return 1 < len(word) <= 5 and word.isupper() and word.isalpha()


def known_names(mentions: list[Mention]) -> dict[str, str]:
    """Lower-cased names used in the body (and surnames of its people) -> label."""
    # each text's first label: the comprehension's last write, read backwards (no method
    # call per mention)
    known = {m.text.lower(): m.label for m in reversed(mentions)}
    for m in mentions:
        if m.label == PER and " " in m.text:
            known.setdefault(m.text.rsplit(" ", 1)[1].lower(), PER)
    return known
