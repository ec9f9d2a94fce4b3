"""Canonical names: one name per person (or organisation, place) in an article.

The same person appears as "Jane Q. Doe", "Senator Jane Doe", "JANE DOE", "Doe's", "Doe" or
with page debris ("Jane Doe1", "Jane Doe Former"); the side panel, the search fields and the
speaker labels must show one name, "Jane Doe". A mention is cleaned (titles, honorifics,
possessives, parentheses, stray digits and trailing role words dropped, ALL-CAPS words given
their usual case), then a lone surname or given name takes the full name it completes in the
article when exactly one full name fits. Two people sharing a surname ("Bill and Hillary
Doe") are never merged: a lone "Doe" then stays "Doe".

Modules, one job each: ``clean`` (one mention's name words), ``given`` (given names and
nicknames), ``forms`` (an article's written forms of a name: the one to show, middle
initials, spelled-out acronyms), ``canon`` (the article's name table, ``Canon``, and
``canonical_entities``), ``plausible`` (names no reader would accept as a speaker),
``mojibake`` (mis-decoded letters in names) and ``words`` (the word lists they share).
"""

from __future__ import annotations

from tuireader.core.annotate.names.canon import Canon, canonical_entities
from tuireader.core.annotate.names.clean import clean_other, clean_person
from tuireader.core.annotate.names.given import is_given_name
from tuireader.core.annotate.names.plausible import plausible_speaker
from tuireader.core.annotate.names.words import org_head, people_word, place_or_people

__all__ = [
    "Canon",
    "canonical_entities",
    "clean_other",
    "clean_person",
    "is_given_name",
    "org_head",
    "people_word",
    "place_or_people",
    "plausible_speaker",
]
