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
    for m in mentions:
        if m.weak:
            if not m.guess:
                hinted.setdefault(m.text, m.label)
            continue
        strong.setdefault(m.text, m.label)
        if " " in m.text:
            if m.label == PER:
                person_parts.update(m.text.split(" "))
                surnames.add(m.text.rsplit(" ", 1)[1])
            elif m.label == ORG:
                org_heads.add(m.text.split(" ", 1)[0])

    firms = _firm_stems(mentions)
    for m in mentions:
        if m.label != ORG and m.text in firms and m.text not in person_parts and not m.country:
            m.label, m.weak = ORG, False  # "Acme" after "Acme Corp"; "Moody" after "Moody's Inc"
            continue
        single = " " not in m.text
        if not m.weak and not (m.place and single):
            continue  # only guesses and one-word gazetteer places may change
        label = strong.get(m.text)
        if label and m.weak:
            m.label, m.weak = label, False
        elif (
            single
            and m.text in (surnames if m.place else person_parts)
            and not m.country
            and not _acronym(m.text)
        ):
            m.label, m.weak = PER, False
        elif m.weak and m.text in org_heads and not m.place:
            m.label = ORG
        elif m.guess and m.text in hinted:
            m.label = hinted[m.text]


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


def _firm_stems(mentions: list[Mention]) -> set[str]:
    """Short forms of the firms named with their legal form: "First Boston" of "First Boston
    Corp", "Moody" of "Moody's Investors Service Inc"."""
    stems: set[str] = set()
    for m in mentions:
        if m.label != ORG or " " not in m.text:
            continue
        words = m.text.rstrip(".,").split(" ")
        if words[-1].lower().rstrip(".") not in _LEGAL_FORMS:
            continue
        stems.add(" ".join(words[:-1]))
        first = words[0]
        if first.endswith(("'s", "’s")):
            stems.add(first[:-2])
    return stems


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
