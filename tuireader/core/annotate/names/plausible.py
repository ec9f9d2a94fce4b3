"""Plausible speaker names: no function word, page furniture, party tag, timestamp or single
common noun."""

from __future__ import annotations

import re
from functools import lru_cache

from tuireader.core.annotate.names.words import _EDGE, _FUNCTION, _FURNITURE, PLATFORMS

_PARTY_TAG_RE = re.compile(r"^\(?\s*[RDI]\s*[-\u2013.,]\s*[A-Z][\w.]*\s*\)?$|^[A-Z]\.[A-Z]\.$")


_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{4}\b|\b(?:a\.m|p\.m|am|pm|GMT|EST|EDT|UTC)\b", re.I)


@lru_cache(maxsize=4096)
def plausible_speaker(name: str, known: bool = False) -> bool:
    """False for names no reader would accept as a speaker: a function word or sentence
    adverb ("Additionally", "Well"), a pronoun leftover ("Me", "Let"), page furniture
    ("Facebook Twitter Email", "Play VIDEO"), a party/state tag ("(R-Ohio)"), a timestamp or a
    single common noun ("server") unless the article ``known`` it as a name."""
    name = " ".join(name.split())
    if not name or _PARTY_TAG_RE.match(name) or _TIME_RE.search(name):
        return False
    words = [w.strip(_EDGE).lower() for w in name.split()]
    words = [w for w in words if w]
    if not words or all(w in _FURNITURE for w in words):
        # "Twitter said in a statement": a platform the article names as one speaks; a
        # share bar ("Facebook Twitter Email") does not
        return known and len(words) == 1 and words[0] in PLATFORMS
    if len(words) > 1:
        return words[0] not in _FURNITURE or not any(w in _FURNITURE for w in words[1:])
    word = words[0]
    if word in _FUNCTION or word.endswith("ly") and name[:1].isupper() and len(word) > 4:
        return name.isupper() and len(name) > 1 and word not in _FUNCTION  # "IBM", not "ONLY"
    if name[:1].islower():
        return False
    return known or not _common_noun(word, name)


def _common_noun(word: str, shown: str) -> bool:
    """A single frequent English word that is no known name ("Server", "Mug")."""
    if shown.isupper() and len(shown) > 1:
        return False  # an acronym
    from tuireader.core.annotate.entities.lexicon import FIRST, NAME_ANY, SUR, load

    lex = load()
    if lex.flags.get(word, 0) & (NAME_ANY & ~(FIRST | SUR)):
        return False
    return lex.zipf.get(word, 0.0) >= 3.5
