"""The working form of a mention while a document is analysed."""

from __future__ import annotations

from dataclasses import dataclass

PER = "PERSON"
ORG = "ORG"
LOC = "LOC"
MISC = "MISC"


@dataclass(slots=True)
class Mention:
    """A labelled span plus what the document-level rules need to know about it.

    ``weak`` marks a label that came from a fallback guess rather than a gazetteer, a title
    or an organisation head, so document-level evidence may overrule it.
    """

    start: int
    end: int
    label: str
    text: str
    weak: bool = False
    locative: bool = False  # after "in", "at", "near" ...: a place even in a sports report
    country: bool = False  # a country or continent: national teams stay LOC
    place: bool = False  # labelled LOC from the place gazetteer (a city may be a team)
    fixed: bool = False  # a dateline or other position where the label is certain
    guess: bool = False  # no evidence but the fallback: same-name mentions with evidence win
    tentative: bool = False  # opens a sentence: kept only if the document names it elsewhere
    lone: bool = False  # an unknown word, no context: kept if confirmed or used again
    typable: bool = False  # a person only by a surname-like last word: the typer may retype it
