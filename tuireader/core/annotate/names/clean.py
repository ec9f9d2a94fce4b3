"""Cleaning one mention into a name's words: titles, honorifics, possessives, parentheses,
stray digits, roles and headline words dropped; ALL-CAPS words given their usual case."""

from __future__ import annotations

import re
from functools import lru_cache

from tuireader.core.annotate.names.given import is_given_name
from tuireader.core.annotate.names.words import (
    _CLAUSE_OPENERS,
    _CLAUSE_WORDS,
    _COURTESY,
    _DESCRIBING,
    _EDGE,
    _FUNCTION,
    _FURNITURE,
    _HEADLINE_WORDS,
    _INITIAL_RE,
    _ORG_WORDS,
    _QUOTES,
    _SUFFIXES,
    _TITLES,
    _TRAILING,
    org_head,
)

# (written to open with one class, which re skips to in C: the same matches as \s*[(\[]...)
_PAREN_RE = re.compile(r"[\s(\[](?:(?<=[(\[])|\s*[(\[])[^()\[\]]*[)\]]?")


_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")


_DIGITS_RE = re.compile(r"(?<=[^\W\d])\d+$")


def _cased(word: str) -> str:
    """An ALL-CAPS name word in its usual case ("DOE" -> "Doe", "O'NEILL" -> "O'Neill")."""
    if len(word) < 3 or not word.isupper() or not word.isalpha() and "'" not in word:
        return word
    return "-".join(
        "'".join(p[:1] + p[1:].lower() for p in part.split("'")) for part in word.split("-")
    )


def clean_person(raw: str) -> list[str]:
    """The name words of a person mention: "Sen. JANE Q. DOE's (R-Ohio)" -> Jane Q. Doe."""
    return list(_clean_person(raw))


@lru_cache(maxsize=8192)
def _clean_person(raw: str) -> tuple[str, ...]:
    """``clean_person``, cached: each mention is cleaned twice per article (entity names, then
    speaker names) and names recur across articles."""
    text = _PAREN_RE.sub(" ", raw).split(",")[0]
    words = text.split()
    words = [  # 'Jane "JD" Doe': a nickname in quotes is no part of the name
        w.strip(_EDGE.replace(".", ""))
        for i, w in enumerate(words)
        if not (0 < i < len(words) - 1 and len(w) > 2 and w[0] in _QUOTES and w[-1] in _QUOTES)
    ]
    words = [w for w in words if w]
    bar = next((i for i, w in enumerate(words) if i and _share_bar(w)), None)
    if bar is not None:  # "Jane DoeFlagShareLikeReplyTom Roe": a share bar run into it
        button = next(m for m in _PIECE_RE.finditer(words[bar]) if m.group(0) in _BUTTONS)
        words = words[:bar] + ([words[bar][: button.start()]] if button.start() else [])
    words = _after_function_word(words) or words  # "U.S. While Jane Doe": a missed break
    if words:
        words[-1] = _DIGITS_RE.sub("", _POSSESSIVE_RE.sub("", words[-1]))
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in _TITLES
        # "Tory Jane Doe", "Boss Tom Roe", "Labour MSP Jane Doe"
        or len(words) > 2
        and words[0].lower() in _DESCRIBING
        and (is_given_name(words[1]) or words[1].lower() in _TITLES)
    ):
        words.pop(0)
    given = _first_given(words)
    if given:  # "Staff Katie Walsh", "Understated Tom Perez": words before the given name
        words = words[given:]
    while len(words) > 1 and (
        words[-1].lower().rstrip(".") in _TRAILING
        and words[-1].lower() not in _SUFFIXES
        and not _surname_title(words[-1])
        or not words[-1][:1].isupper()
        or len(words) > 2
        and words[-1].lower() in _HEADLINE_WORDS  # "Jane Doe On"
        or len(words) > 2  # "Jane Doe The dispute ...": a missed full stop
        and words[-1] in ("The", "A", "An")
    ):
        words.pop()
    if len(words) == 1 and words[0].lower().rstrip(".") in _TITLES:
        return ()
    if len(_key_words(words)) > 3 and not _ORG_WORDS & {w.lower() for w in words}:
        # "Metro Desk Editor Jane Doe", "Roe Is Over Jane Doe": the name after a role or a
        # headline's words, as for a speaker
        named = _named_after_role(words)
        if named is not None and not org_head(named.rsplit(" ", 1)[-1]):
            words = named.split()
    if len(words) > 2 and is_given_name(words[0]):
        # "Jane Doe Says Roe Is Wrong": a headline after the name
        cut = next((k for k in range(2, len(words)) if words[k].lower() in _HEADLINE_WORDS), None)
        if cut is not None:
            words = words[:cut]
    words = [_DIGITS_RE.sub("", w) for w in words]
    if len(words) == 1 and _acronym_in_name(words[0]):
        return tuple(words)  # "WSJ", not "Wsj"
    if all(w.isupper() for w in words if w):
        return tuple(_cased(w) for w in words if w)
    return tuple(w if _acronym_in_name(w) else _cased(w) for w in words if w)


_PIECE_RE = re.compile(r"[A-Z][a-z]+")


# A share bar's buttons, as written run together ("FlagShareLikeReply").
_BUTTONS = frozenset({w.capitalize() for w in _FURNITURE} | {"Flag", "Like", "Reply"})


def _share_bar(word: str) -> bool:
    """True for a word of three capitalised pieces or more, one of them page furniture
    ("DoeFlagShareLikeReply"): a share bar's buttons run together, no name's."""
    pieces = _PIECE_RE.findall(word)
    return len(pieces) >= 3 and any(p.lower() in _FURNITURE for p in pieces)


def _after_function_word(words: list[str]) -> list[str] | None:
    """The words after the last capitalised clause word inside ``words`` (or before it, when
    it ends them), or after a first word that only opens a clause ("Then", "But"; not "So",
    a given name too); None when there is none."""
    for i in range(len(words) - 1, 0, -1):
        word = words[i]
        if word[:1].isupper() and not word.isupper() and word.lower() in _CLAUSE_WORDS:
            return words[i + 1 :] or words[:i]
    if len(words) > 1 and words[0] in _CLAUSE_OPENERS:  # "Then Vorlex Mills, ... said"
        return words[1:]
    return None


def _acronym_in_name(word: str) -> bool:
    """A short capitalised word in a name not written all in capitals is an acronym
    ("Forward NRVA"), unless it is a known given name or surname ("JOE Doe")."""
    if not 1 < len(word) <= 4 or not word.isalpha() or not word.isupper():
        return False
    from tuireader.core.annotate.entities.lexicon import FIRST, SUR, load

    return not load().flags.get(word.lower(), 0) & (FIRST | SUR)


def _surname_title(word: str) -> bool:
    """A title that is also a surname ("Abel King", "Dana Pope"): a name at the end of one."""
    from tuireader.core.annotate.entities.lexicon import SUR, load

    return word[:1].isupper() and "." not in word and bool(load().flags.get(word.lower(), 0) & SUR)


@lru_cache(maxsize=8192)
def clean_other(raw: str) -> str:
    """An organisation, place or other name without parentheses, possessive or edge marks."""
    text = _PAREN_RE.sub(" ", raw)
    text = " ".join(text.split()).strip(_EDGE.replace(".", "").replace(")", ""))
    text = _POSSESSIVE_RE.sub("", text)
    if text.isupper() and " " in text:  # an all-caps headline name, not an acronym
        text = " ".join(w if len(w) <= 4 else _cased(w) for w in text.split())
    return text


def _named_after_role(words: list[str]) -> str | None:
    """The last two or three words of a long capitalised phrase when they start with a known
    given name and a word that is no given name comes right before ("County Recorder Jane
    Doe" -> "Jane Doe"; "Luis Felipe Soto Brell" stays whole)."""
    for i in range(max(1, len(words) - 3), len(words) - 1):
        if is_given_name(words[i]) and not is_given_name(words[i - 1]):
            return " ".join(words[i:])
    return None


def _first_given(words: list[str]) -> int:
    """Index of the first known given name when words that are not names precede it (they
    are then debris: a headline word, a role); 0 otherwise."""
    if len(words) < 3:
        return 0
    from tuireader.core.annotate.entities.lexicon import FIRST, SUR, load

    lex = load()
    first = words[0].lower()
    if lex.flags.get(first, 0) & FIRST or (
        lex.flags.get(first, 0) & SUR and lex.zipf.get(first, 0.0) < 3.5
    ):
        second = words[1].lower()
        if (
            len(words) < 4
            or lex.flags.get(second, 0) & (FIRST | SUR)
            or lex.zipf.get(second, 0.0) < 4.0
        ):
            return 0
        # "Council Chair Jane Doe": a role, though its first word is some given name too
        return next(
            (i for i in range(2, len(words) - 1) if lex.flags.get(words[i].lower(), 0) & FIRST),
            0,
        )
    for i, word in enumerate(words[1:-1], 1):
        if lex.flags.get(word.lower(), 0) & FIRST:
            return i
    return 0


def _key_words(words: list[str]) -> list[str]:
    """The words that identify a person: no middle initials, no generational suffix."""
    core = [w for w in words if w.lower() not in _SUFFIXES]
    if len(core) > 2:
        core = [core[0]] + [w for w in core[1:-1] if not _INITIAL_RE.match(w)] + [core[-1]]
    return core


@lru_cache(maxsize=4096)
def _person_shaped(text: str) -> bool:
    """A mention a recognizer may label an organisation that can only be a person's name:
    a courtesy title and a name ("Mr. Vole"), or a given name, a middle initial and one more
    word ("Dana J. Vole")."""
    words = text.split()
    if len(words) == 2:
        return words[0].rstrip(".").lower() in _COURTESY and words[1][:1].isupper()
    return (
        len(words) == 3
        and _INITIAL_RE.match(words[1]) is not None
        and is_given_name(words[0])
        and words[2][:1].isupper()
        and words[2].lower() not in _FUNCTION  # "Washington D.C. This"
    )
