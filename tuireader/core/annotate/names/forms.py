"""The written forms of one article's names: acronyms spelled out, middle initials that tell
two people apart, longer forms of a name, and the form to show."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tuireader.core.annotate.names.clean import clean_person
from tuireader.core.annotate.names.given import _given_flags
from tuireader.core.annotate.names.mojibake import _GLUE
from tuireader.core.annotate.names.words import (
    _ACRONYM_SKIP,
    _FUNCTION,
    _HEADLINE_WORDS,
    _INITIAL_RE,
    _SUFFIXES,
)
from tuireader.core.annotate.spans import Entity

_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")


def _spelled_out(names: set[str]) -> dict[str, str]:
    """Acronym -> the one name among ``names`` whose capitalised words spell it."""
    spelled: dict[str, set[str]] = {}
    for name in names:
        words = [w for w in name.split() if w.lower() not in _ACRONYM_SKIP]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            initials = "".join(w[0] for w in words)
            spelled.setdefault(initials, set()).add(name)
    return {
        name: next(iter(spelled[name]))
        for name in names
        if _ACRONYM_RE.match(name) and len(spelled.get(name, ())) == 1
    }


def _middled(entities: Sequence[Entity]) -> set[tuple[str, str]]:
    """(given, surname) pairs the article writes with two different middle initials."""
    middles: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for e in entities:
        if e.label != "PERSON":
            continue
        core = [w for w in clean_person(e.text) if w.lower() not in _SUFFIXES]
        if len(core) > 2:
            inner = tuple(w for w in core[1:-1] if _INITIAL_RE.match(w))
            if inner:
                middles.setdefault((core[0].lower(), core[-1].lower()), set()).add(inner)
    return {key for key, found in middles.items() if len(found) > 1}


def _longer_name(form: str, tail: str) -> bool:
    """ "Ana Le Roe" is a longer name of "Le Roe": it ends with it, and the words before are
    a given name or a rare word, then at most one more capitalised word that is no function
    or headline word ("Ana Sol Le Roe"), not a headline's ("Roe Is Over Ana Le Roe")."""
    if not form.lower().endswith(" " + tail.lower()):
        return False
    lead = form.split()[: -len(tail.split())]
    if len(lead) > 2 or not lead[0][:1].isupper():
        return False
    flags, first = _given_flags()
    from tuireader.core.annotate.entities.lexicon import load

    zipf = load().zipf
    if not (flags.get(lead[0].lower(), 0) & first or zipf.get(lead[0].lower(), 0.0) < 4.5):
        return False
    # after a given or rare word, a common one is a name's too ("Aung San Suu Kyi")
    return all(
        w[:1].isupper() and w.lower() not in _HEADLINE_WORDS and w.lower() not in _FUNCTION
        for w in lead[1:]
    )


def _shown(forms: Counter[str]) -> str:
    """The form of a name to show: not in capitals, the most written, then the shortest."""
    shown = (
        next(iter(forms))
        if len(forms) == 1
        else min(forms, key=lambda f: (f.isupper(), -forms[f], len(f), f))
    )
    return shown.replace(_GLUE, " ") if _GLUE in shown else shown
