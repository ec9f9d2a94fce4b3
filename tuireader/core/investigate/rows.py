"""An article's entity row: its names with their mention counts, its speakers, the acronyms it
defines. Made by the annotation pass from the annotations it has just found (no second
annotation), kept in the store as compact integer arrays (see ``core.cache.entity_table``).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from tuireader.core.annotate.pipeline import Annotations
from tuireader.core.investigate.naming import canonical_name, speaker_name
from tuireader.core.search.annotation_fields import quote_words

# Entity labels as the table's types; DATE and MONEY are not names.
TYPES = ("person", "org", "place", "misc")
TYPE_OF_LABEL = {"PERSON": 0, "ORG": 1, "LOC": 2, "MISC": 3}
SPEAKER = 0  # speakers are kept as person names (merged with them)
# Bump when entity_row or naming.canonical_name change what they make: the store's rows are
# then made again from the kept annotations.
ROWS_VERSION = "6"  # 3: quotation rows; 4: near-duplicate pairs; 5: quotations without text;
# 6: 64-bit words hashes

# "Department of Example Affairs (DEA)": an acronym in brackets just after a name.
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "la", "&"})


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quotation of an article as who-said-what lists it: its speaker ("" when the
    article names none), offsets in the full text, the hash of its words (the same words are
    one quotation: see ``words_hash``) and its text."""

    speaker: str
    start: int
    end: int
    words: int
    text: str


def words_hash(text: str) -> int:
    """A 64-bit signed hash of a quotation's normalised words (case, punctuation and quote
    marks aside): two articles carrying the same quotation give the same hash. 64 bits, as
    an article naming no speaker joins another's quotation by it: with 32, a few hundred
    thousand quotations already held colliding pairs (other words under a speaker)."""
    words = " ".join(quote_words(text)) or text
    digest = hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(slots=True)
class EntityRow:
    """One article's names: (type, name) -> mentions; speaker name -> quotations; the
    (acronym, expansion) pairs it defines; its quotations; and the sketch of its text (see
    investigate.near_duplicates: what its near-duplicates are found by)."""

    entities: Counter[tuple[int, str]] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)
    acronyms: set[tuple[str, str]] = field(default_factory=set)
    quotes: list[QuoteRow] = field(default_factory=list)
    sketch: tuple[int, ...] = ()


def initials(name: str) -> str:
    """The capitals an acronym of ``name`` is made of ("Department of Example Affairs":
    "DEA"; small words left out)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def defines_acronym(name: str, acronym: str) -> bool:
    """Whether ``acronym`` is plausibly the acronym of ``name`` (its capitals, the small words
    left in or out)."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    if len(letters) < 2:
        return False
    every = "".join(w[0].upper() for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha())
    return letters in (initials(name), every)


def entity_row(text: str, annotations: Annotations) -> EntityRow:
    """The entity row of an article whose full text is ``text``."""
    row = EntityRow()
    for entity in annotations.entities:
        kind = TYPE_OF_LABEL.get(entity.label)
        if kind is None:
            continue
        name = canonical_name(entity)
        if not name:
            continue
        row.entities[kind, name] += 1
        if kind in (1, 3) and " " in name:
            found = _ACRONYM_AFTER.match(text, entity.end)
            if found and defines_acronym(name, found.group(1)):
                row.acronyms.add((found.group(1).replace(".", ""), name))
    for quote in annotations.quotes:
        who = speaker_name(quote.speaker_name)
        if who:
            row.speakers[who] += 1
        row.quotes.append(
            QuoteRow(who or "", quote.start, quote.end, words_hash(quote.text), quote.text)
        )
    return row
