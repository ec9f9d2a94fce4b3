"""Canonical names: one name per person (or organisation, place) in an article.

The same person appears as "Jane Q. Doe", "Senator Jane Doe", "JANE DOE", "Doe's", "Doe" or
with page debris ("Jane Doe1", "Jane Doe Former"); the side panel, the search fields and the
speaker labels must show one name, "Jane Doe". A mention is cleaned (titles, honorifics,
possessives, parentheses, stray digits and trailing role words dropped, ALL-CAPS words given
their usual case), then a lone surname or given name takes the full name it completes in the
article when exactly one full name fits. Two people sharing a surname ("Bill and Hillary
Doe") are never merged: a lone "Doe" then stays "Doe".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from tuireader.core.annotate.gender import PRONOUNS, of_name
from tuireader.core.annotate.patterns import find_words
from tuireader.core.annotate.spans import Entity


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Honorifics and offices that precede a name; never part of it.
_TITLES = _words(
    """mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative
    gov governor pres president vice secretary mayor judge justice chairman chairwoman chair
    speaker leader director general gen lt col maj capt sgt adm cmdr rev fr father sister
    brother rabbi imam pastor bishop cardinal pope king queen prince princess sheikh emir
    minister premier chancellor ambassador amb commissioner councilman councilwoman
    congressman congresswoman alderman alderwoman sheriff chief attorney atty former ex
    then-president then-candidate candidate nominee hon supt det insp officer trooper deputy
    assistant counsel principal advocate committeeman committeewoman
    spokesman spokeswoman spokesperson sens reps govs presidential prime foreign defense
    defence state interior finance first mme mlle herr
    admiral colonel lieutenant sergeant captain commander corporal detective inspector
    superintendent archbishop reverend assemblyman assemblywoman assemblymember
    councilmember
    """
)
# Words that can trail a mention without being a name ("Jane Doe Former", "Doe Jr").
_TRAILING = _TITLES | _words("jr sr said says told wrote spokesman aide")
_SUFFIXES = _words("jr jr. sr sr. ii iii iv")
_PAREN_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]?")
_POSSESSIVE_RE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")
_DIGITS_RE = re.compile(r"(?<=[^\W\d])\d+$")
_INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,2}$|^[A-Z]$")
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019,;:.!?-\u2014\u2013()[]"


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
    if words:
        words[-1] = _DIGITS_RE.sub("", _POSSESSIVE_RE.sub("", words[-1]))
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
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
    ):
        words.pop()
    if len(words) == 1 and words[0].lower().rstrip(".") in _TITLES:
        return ()
    if len(_key_words(words)) > 3 and not _ORG_WORDS & {w.lower() for w in words}:
        # "Metro Desk Editor Jane Doe", "Roe Is Over Jane Doe": the name after a role or a
        # headline's words, as for a speaker
        named = _named_after_role(words)
        if named is not None and not _org_head(named.rsplit(" ", 1)[-1]):
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


# Title-case headline words that end a run before or after a name ("Roe Is Over Jane Doe On").
_HEADLINE_WORDS = _words(
    "on in at with to for by from over is are was says said tells told slams sides took takes"
)


def _org_head(word: str) -> bool:
    """The last word of an organisation's name ("Church", "Corp"): no person ends there."""
    from tuireader.core.annotate.entities.lexicon import ORG_SUFFIX, load

    return bool(load().flags.get(word.lower(), 0) & ORG_SUFFIX)


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


_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")


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
        return 0
    for i, word in enumerate(words[1:-1], 1):
        if lex.flags.get(word.lower(), 0) & FIRST:
            return i
    return 0


@lru_cache(maxsize=1)
def _given_flags() -> tuple[dict[str, int], int]:
    """The gazetteer's flags and its given-name bit, imported once (an import statement run
    per call cost more than the lookup)."""
    from tuireader.core.annotate.entities.lexicon import FIRST, load

    return load().flags, FIRST


def is_given_name(word: str) -> bool:
    """True for a known given name ("jane"), not a headline word ("understated")."""
    flags, first = _given_flags()
    return bool(flags.get(word.lower(), 0) & first)


def _key_words(words: list[str]) -> list[str]:
    """The words that identify a person: no middle initials, no generational suffix."""
    core = [w for w in words if w.lower() not in _SUFFIXES]
    if len(core) > 2:
        core = [core[0]] + [w for w in core[1:-1] if not _INITIAL_RE.match(w)] + [core[-1]]
    return core


_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")
_ACRONYM_SKIP = _words("of the and for on in at de & to")


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
    given names or rare words, not a headline's ("Roe Is Over Ana Le Roe")."""
    if not form.lower().endswith(" " + tail.lower()):
        return False
    lead = form.split()[: -len(tail.split())]
    if len(lead) > 2 or not lead[0][:1].isupper():
        return False
    flags, first = _given_flags()
    from tuireader.core.annotate.entities.lexicon import load

    zipf = load().zipf
    return all(flags.get(w.lower(), 0) & first or zipf.get(w.lower(), 0.0) < 4.5 for w in lead)


def _shown(forms: Counter[str]) -> str:
    """The form of a name to show: not in capitals, the most written, then the shortest."""
    shown = (
        next(iter(forms))
        if len(forms) == 1
        else min(forms, key=lambda f: (f.isupper(), -forms[f], len(f), f))
    )
    return shown.replace(_GLUE, " ") if _GLUE in shown else shown


# UTF-8 read as Windows-1252 ("Jos\u00c3\u00a9"): a lead byte shown as "\u00c3"/"\u00c2", then
# the continuation byte's character, or a space and a combining mark where a spacing accent
# ("\u00a8") was normalised, or nothing where it was lost.
_MOJIBAKE = (
    "[\u00c3\u00c2](?: [\u0300-\u036f]|[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122])?"
)
_MOJIBAKE_BEFORE_RE = re.compile(
    rf"(?<![\w\u00c3\u00c2])[A-Z](?:[a-z]|{_MOJIBAKE})*{_MOJIBAKE}(?:[a-z]|{_MOJIBAKE})* $"
)
_MOJIBAKE_REST_RE = re.compile(
    rf"(?: [\u0300-\u036f]|[^\s\w])?(?:[a-z]|{_MOJIBAKE})*"  # after a cut "...\u00c3"
)
_BROKEN_SPACE_RE = re.compile(r" (?=[\u0300-\u036f])")
_GLUE = "\u2060"  # stands for that space inside one name word


# Common English nicknames and short forms of given names -> the given names they shorten
# (general knowledge): "Ken Doe" and "Kenneth Doe" in one article are one person.
_NICKNAMES = {
    "william": "bill billy will willie",
    "robert": "bob bobby rob robbie",
    "richard": "dick rick ricky rich richie",
    "michael": "mike mikey mick",
    "kenneth": "ken kenny",
    "james": "jim jimmy jamie",
    "john": "jack johnny",
    "joseph": "joe joey",
    "thomas": "tom tommy",
    "charles": "charlie chuck",
    "edward": "ed eddie ted ned",
    "theodore": "ted teddy theo",
    "christopher": "chris",
    "christine": "chris chrissy",
    "christina": "chris tina",
    "daniel": "dan danny",
    "david": "dave davey",
    "donald": "don donny",
    "douglas": "doug",
    "elizabeth": "liz beth betsy betty lizzie",
    "katherine": "kate katie kathy kat",
    "catherine": "cate cathy kate katie",
    "kathleen": "kathy kate katie",
    "margaret": "maggie meg peggy",
    "patricia": "pat patty trish tricia",
    "patrick": "pat",
    "peter": "pete",
    "samuel": "sam sammy",
    "samantha": "sam",
    "stephen": "steve",
    "steven": "steve",
    "susan": "sue susie",
    "anthony": "tony",
    "andrew": "andy drew",
    "alexander": "alex",
    "alexandra": "alex sandy",
    "benjamin": "ben benny",
    "gerald": "jerry",
    "gregory": "greg",
    "jeffrey": "jeff",
    "jennifer": "jen jenny",
    "jonathan": "jon",
    "joshua": "josh",
    "lawrence": "larry",
    "laurence": "larry",
    "leonard": "len lenny",
    "matthew": "matt",
    "nicholas": "nick",
    "philip": "phil",
    "phillip": "phil",
    "raymond": "ray",
    "ronald": "ron ronnie",
    "sandra": "sandy",
    "timothy": "tim",
    "walter": "walt",
    "zachary": "zach",
    "frederick": "fred freddy",
    "albert": "al",
    "alfred": "al",
    "harold": "hal",
    "henry": "hank",
    "abraham": "abe",
    "nathaniel": "nate",
    "vincent": "vince",
    "victoria": "vicky",
    "rebecca": "becky",
    "deborah": "debbie deb",
    "barbara": "barb",
    "judith": "judy",
    "pamela": "pam",
    "cynthia": "cindy",
    "jacqueline": "jackie",
    "eugene": "gene",
    "gabriel": "gabe",
    "mitchell": "mitch",
    "randall": "randy",
    "bernard": "bernie",
    "herbert": "herb",
    "louis": "lou",
    "kimberly": "kim",
    "rodney": "rod",
    "jacob": "jake",
    "francis": "frank",
    "franklin": "frank",
    "frances": "fran",
}
_FORMAL: dict[str, frozenset[str]] = {}
for _formal, _short in _NICKNAMES.items():
    for _nick in _short.split():
        _FORMAL[_nick] = _FORMAL.get(_nick, frozenset()) | {_formal}


class Canon:
    """The canonical names of one article's mentions."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.full: dict[tuple[str, str], str] = {}  # (given, surname) -> display name
        self.by_surname: dict[str, set[tuple[str, str]]] = {}
        self.by_given: dict[str, set[tuple[str, str]]] = {}
        self.others: set[str] = set()
        self.singles: set[str] = set()  # one-word person mentions ("Doe")
        self._surnames_only: dict[str, bool] = {}
        self._middled = _middled(entities)
        self._forms: dict[tuple[str, str], Counter[str]] = {}  # key -> written full forms
        self._alias: dict[tuple[str, str], tuple[str, str]] = {}  # "Ken Doe" -> "Kenneth Doe"
        self._mojibake = "\u00c3" in text or "\u00c2" in text
        self._first: dict[str, int] = {}  # organisation or place name -> its first offset
        self._orgs: set[str] = set()
        self._long: dict[tuple[str, bool], str | None] = {}
        self._the: dict[str, str] = {}
        self._written: dict[str, str | None] = {}
        for e in entities:
            if e.label == "PERSON" or _person_shaped(e.text):
                words = clean_person(self._whole(e) if self._mojibake else e.text)
                self._note(words)
                if len(words) == 1:
                    self.singles.add(words[0].lower())
            else:
                other = clean_other(e.text)
                self.others.add(other)
                self._first.setdefault(other, e.start)
                if e.label == "ORG":
                    self._orgs.add(other)
        self._settle()
        self.spelled = _spelled_out(self.others)

    def _core(self, words: list[str]) -> list[str]:
        """The name words that identify a person; middle initials only where they tell two
        people apart ("George H.W. Bush" and "George W. Bush" in one article)."""
        core = _key_words(words)
        if len(core) >= 2 and (core[0].lower(), core[-1].lower()) in self._middled:
            return [w for w in words if w.lower() not in _SUFFIXES]
        return core

    def _key(self, core: list[str]) -> tuple[str, str]:
        """(given, surname); the given name keeps the middle initials that tell apart; a
        nickname or shorter form of a full name the article uses is that name's key."""
        key = (core[0].lower(), core[-1].lower())
        key = (" ".join(core[:-1]).lower(), key[1]) if key in self._middled else key
        return self._alias.get(key, key)

    def _note(self, words: list[str]) -> None:
        """Count a written full name (two words or more)."""
        core = self._core(words)
        if len(core) >= 2:
            key = (core[0].lower(), core[-1].lower())
            if key in self._middled:
                key = (" ".join(core[:-1]).lower(), key[1])
            self._forms.setdefault(key, Counter())[" ".join(core)] += 1

    def add_person(self, words: list[str]) -> None:
        """Note a full name (two words or more) the article uses."""
        self._note(words)
        self._settle()

    def _settle(self) -> None:
        """One key per person, and the name shown for it.

        "Ken Doe" and "Kenneth Doe" (a nickname and the given name it shortens), or "Le Roe"
        and "Ana Le Roe" (the last words of exactly one longer name), are one person. The
        name shown is the form the article writes most often; on a tie, the shorter one (the
        form a reader uses: "Jane Doe" over "Jane Roe Doe", "Ken Doe" over "Kenneth Doe")."""
        alias: dict[tuple[str, str], tuple[str, str]] = {}
        shortened: set[tuple[str, str]] = set()
        givens: dict[str, set[str]] = {}
        for given, surname in self._forms:
            givens.setdefault(surname, set()).add(given)
        if len(givens) == len(self._forms):  # one given name per surname: nothing to merge
            self._alias = {}
            self.full = {key: _shown(forms) for key, forms in self._forms.items()}
            self.by_surname = {key[1]: {key} for key in self.full}
            self.by_given = {}
            for key in self.full:
                self.by_given.setdefault(key[0], set()).add(key)
            return
        for surname, found in givens.items():
            if len(found) < 2:
                continue
            for given in found:
                formal = _FORMAL.get(given, frozenset()) & found
                if len(formal) == 1:
                    alias[(given, surname)] = (next(iter(formal)), surname)
        for key, forms in self._forms.items():
            if key in alias or len(givens[key[1]]) < 2:
                continue
            tails = {
                other
                for other, written in self._forms.items()
                if other != key and other[1] == key[1] and other not in alias
                for form in written
                for shown in forms
                if _longer_name(form, shown)
            }
            if len(tails) == 1:
                alias[key] = tails.pop()
                shortened.add(key)
        self._alias = alias
        merged: dict[tuple[str, str], Counter[str]] = {}
        for key, forms in self._forms.items():
            if key not in shortened:  # "Le Roe" shows as "Ana Le Roe"
                merged.setdefault(alias.get(key, key), Counter()).update(forms)
        self.full = {key: _shown(forms) for key, forms in merged.items()}
        self.by_surname, self.by_given = {}, {}
        for key in self.full:
            self.by_surname.setdefault(key[1], set()).add(key)
        for key in self._forms:  # a nickname alone ("Ken") finds its person too
            self.by_given.setdefault(key[0], set()).add(alias.get(key, key))

    def person(self, raw: str) -> str:
        """The canonical name of a person mention ("" when nothing of a name is left)."""
        words = clean_person(raw)
        core = self._core(words)
        if not core:
            return ""
        if len(core) >= 2:
            key = self._key(core)
            if len(core) == 2 and not is_given_name(key[0]):
                strong = {k for k in self.by_surname.get(key[1], ()) if is_given_name(k[0])}
                if len(strong) == 1:
                    return self.full[strong.pop()]
            return self.full.get(key, " ".join(core))
        word = core[0].lower()
        keys = self.by_surname.get(word)
        if keys is None and word not in self.by_surname:
            keys = self.by_given.get(word)
        if keys and len(keys) > 1:
            keys = {k for k in keys if is_given_name(k[0])}  # "Understated Doe": a headline word
        if keys and len(keys) == 1:
            return self.full[next(iter(keys))]
        return core[0]

    def speaker(self, raw: str | None, mention: str | None = None) -> str | None:
        """The canonical form of a resolved speaker name; None when it names no one (a
        description such as "statement", a function word, page furniture, a party tag).
        ``mention``: the speaker's words in the text ("Mrs. Doe", "she"), whose courtesy
        title or pronoun tells apart two people sharing a surname."""
        if not raw:
            return None
        other = clean_other(raw)
        words = other.split()
        if not words or any(w[:1].islower() and w.lower() not in _LINKS for w in words):
            return None
        if len(words) == 2 and words[0] in ("The", "A", "An") and place_or_people(words[1]):
            return None  # "The Ohio senator said", cut after its modifier: no name
        if len(words) == 2 and words[0] == "The" and _ACRONYM_RE.fullmatch(words[1]):
            raw = other = words[1]  # "The FBI said": the acronym, not a person "Fbi"
            words = [other]
        long = len(words) > 3 and len(_key_words(words)) > 3  # "Jane Q. Doe Jr." is a person
        if long and not _ORG_WORDS & {w.lower() for w in words}:
            # "Minority Whip Jane Doe", "Metro Desk Editor Jane Doe": the name after the role
            named = _named_after_role(words)
            if named is not None:
                raw, other, words, long = named, named, named.split(), False
        if other in self.others or long or _ORG_WORDS & {w.lower() for w in words}:
            other = self._without_the(other)
            name = self.spelled.get(other, other)
            name = self._long_form(name, speaker=True) or name
        else:
            name = self.person(raw)
            if mention and self._shared(name):
                name = self._of_sex(name, _mention_sex(mention))
        if not name or " " not in name and self._no_name(name, mention):
            return None
        if " " not in name:
            name = self._title_of(name) or name
        if " " not in name and len(name) >= 5 and name.isupper():
            name = self._as_written(name)  # "WIKILEAKS": as the text writes it elsewhere
            if name is None:
                return None  # a headline's word only
        known = name.lower() in self.singles or (name in self.others and " " in name)
        if plausible_speaker(name, known):
            return name
        return (
            name
            if not known and self._surname_only(name) and plausible_speaker(name, True)
            else None
        )

    def _no_name(self, name: str, mention: str | None) -> bool:
        """True for a one-word speaker name that names no one here: a word the lexicon
        marks as never a name alone ("Editor", "God"), a legislative chamber alone
        ("Senate": its members speak), a people's or language's word not used as a noun
        ("Russian for ...", "Mexican newspapers"; "the Texan" is a person), a place named
        as a modifier ("the Ohio sheriff") or only after the place it qualifies ("Dover,
        Delaware,"), or a word the text writes in lower case and
        capitalises only where every word is (a sentence's first: "Embryonic cells are ...").
        Acronyms are names."""
        from tuireader.core.annotate.entities.lexicon import (
            DEMONYM,
            LOC_ANY,
            NAME_ANY,
            STOP,
            load,
        )

        word = name.lower()
        flags = load().flags.get(word, 0)
        lead = mention.split()[0].lower() if mention and mention.split() else ""
        article = lead in ("the", "a", "an")
        if flags & STOP or word in _CHAMBERS:
            return True
        if word in self.singles or name.isupper():
            return False
        if flags & DEMONYM and not article and not word.endswith("s"):
            return True
        if article and flags & LOC_ANY and not flags & DEMONYM and len(mention.split()) == 2:
            return True
        if flags & LOC_ANY and self._only_qualifier(name):
            return True
        return (
            not flags & NAME_ANY
            and name not in self.others
            and re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text) is not None
            and self._capitalised_only_first(name)
        )

    def _only_qualifier(self, place: str) -> bool:
        """True when the text writes ``place`` only after a comma, qualifying the place
        before it ("Dover, Delaware, told ..."): a place tag, not a speaker."""
        found = False
        for m in re.finditer(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])", self.text):
            if not re.search(r"[A-Z][\w.]*, $", self.text[max(0, m.start() - 30) : m.start()]):
                return False
            if self.text[m.end() : m.end() + 2].rstrip() not in (",", ".", ".,"):
                return False
            found = True
        return found

    def _title_of(self, word: str) -> str | None:
        """The title a one-word name was cut from: "Atlas" where the text writes only "Atlas
        of Ruritanian Birds" (two capitalised words or more after "of"; "Doe of Ohio" is a
        person and a place)."""
        found = None
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            title = _OF_TITLE_RE.match(self.text, m.end())
            if title is None:
                return None
            run = title.group(1).split()
            while run[-1].lower() in _LINKS:
                run.pop()
            if sum(w[:1].isupper() for w in run) < 2 or found not in (None, " ".join(run)):
                return None
            found = " ".join(run)
        return f"{word} of {found}" if found else None

    def _capitalised_only_first(self, word: str) -> bool:
        """True when ``word`` is written capitalised only where a sentence or paragraph
        starts."""
        found = False
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            found = True
            before = self.text[max(0, m.start() - 3) : m.start()].rstrip(" \u201c\"'\u2018")
            if before and before[-1] not in ".!?:\n":
                return False
        return found

    def _shared(self, name: str) -> bool:
        """True when two people of the article have the surname ``name`` ends with."""
        return len(self.by_surname.get(name.rsplit(" ", 1)[-1].lower(), ())) > 1

    def _of_sex(self, name: str, sex: str | None) -> str:
        """Of the people sharing the surname of ``name`` ("Doe" or "Bill Doe"), the one of
        ``sex`` when the name is bare or of the other sex and exactly one of them fits
        ("Mrs. Doe" between Bill and Hilda Doe: Hilda Doe)."""
        if sex is None:
            return name
        keys = self.by_surname.get(name.rsplit(" ", 1)[-1].lower(), set())
        if len(keys) < 2 or (" " in name and of_name(name) != _OTHER_SEX[sex]):
            return name
        fits = [k for k in keys if is_given_name(k[0]) and of_name(self.full[k]) == sex]
        return self.full[fits[0]] if len(fits) == 1 else name

    def _surname_only(self, name: str) -> bool:
        """A one-word name the lexicon knows as a name, written more than once and never in
        lower case ("Price said" where "price" never occurs): a name here,
        not the common noun it may also be."""
        if " " in name or not name[:1].isupper() or not name[1:].islower():
            return False
        if name not in self._surnames_only:
            self._surnames_only[name] = self._written_as_name_only(name)
        return self._surnames_only[name]

    def _written_as_name_only(self, name: str) -> bool:
        """``_surname_only`` for a capitalised one-word ``name``, uncached."""
        from tuireader.core.annotate.entities.lexicon import FIRST, SUR, load

        lex = load()
        word = name.lower()
        if not lex.flags.get(word, 0) & (FIRST | SUR) or lex.zipf.get(word, 0.0) >= 5.8:
            return False  # "People", "Will": too common to be taken for a name unseen
        if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            return False
        # named more than once: a stray word ("Server said") is not taken for a name
        return len(re.findall(r"(?<![\w-])" + re.escape(name) + r"\b", self.text)) > 1

    def name(self, entity: Entity) -> str:
        """The canonical name of an entity mention."""
        if entity.label == "PERSON" or _person_shaped(entity.text):
            partner = self._couple(entity)
            if partner:
                return partner
            name = self.person(self._whole(entity))
            if name and " " not in name and self._shared(name):  # "Mrs. Doe": Hilda or Bill?
                title = _TITLE_BEFORE_RE.search(self.text, max(0, entity.start - 6), entity.start)
                lead = title.group(1) + " " if title else ""
                name = self._of_sex(name, _mention_sex(lead + entity.text.strip()))
            return name or clean_other(entity.text)
        name = self.other(entity.text)
        return self._long_form(name) or name if entity.label == "ORG" else name

    def _whole(self, entity: Entity) -> str:
        """A person mention with the mis-decoded words it was cut from ("Jos\u00c3\u00a9 Doe"
        read as Latin-1: the recognizer stops at "\u00c3\u00a9"), so the name keeps its given
        name as the text writes it; the text as it is elsewhere."""
        if not self._mojibake:
            return entity.text
        start, end = entity.start, entity.end
        m = _MOJIBAKE_BEFORE_RE.search(self.text, max(0, start - 40), start)
        if m is not None:
            start = m.start()
        if end > start and self.text[end - 1] in "\u00c3\u00c2":
            end = _MOJIBAKE_REST_RE.match(self.text, end).end()
        if (start, end) == (entity.start, entity.end):
            return entity.text
        return _BROKEN_SPACE_RE.sub(_GLUE, self.text[start:end])

    def other(self, raw: str) -> str:
        """An organisation's or place's name; an acronym the article spells out elsewhere
        takes the spelled name ("DNC" -> "Democratic National Committee")."""
        name = self._without_the(clean_other(raw))
        if " " not in name and len(name) >= 5 and name.isupper():
            name = self._as_written(name) or name
        return self.spelled.get(name, name)

    def _as_written(self, word: str) -> str | None:
        """A one-word name in capitals as the text writes it elsewhere in mixed case
        ("WIKILEAKS" -> "WikiLeaks"; not a sentence's first word "Wikileaks"); None when it
        is written only among other words in capitals (a headline: "PANEL RULES FOR ZORBLAX
        FOUNDER"); else the word."""
        if word in self._written:
            return self._written[word]
        forms: Counter[str] = Counter()
        headline = True
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text, re.I):
            found = m.group(0)
            if found[:1].isupper() and not found.isupper():
                before = self.text[max(0, m.start() - 3) : m.start()].rstrip(" \u201c\"'")
                if not found[1:].islower() or before and before[-1] not in ".!?:\n":
                    forms[found] += 1
            elif headline:
                prev = re.search(
                    r"([^\W\d_][\w.'-]*)\W*$", self.text[max(0, m.start() - 40) : m.start()]
                )
                after = re.match(r"\W*([^\W\d_][\w.'-]*)", self.text[m.end() : m.end() + 40])
                if not any(
                    n is not None and len(n.group(1).replace(".", "")) > 1 and n.group(1).isupper()
                    for n in (prev, after)
                ):
                    headline = False
        shown = forms.most_common(1)[0][0] if forms else None if headline else word
        self._written[word] = shown
        return shown

    def _without_the(self, name: str) -> str:
        """ "The Harbor Authority" at a sentence's start is "Harbor Authority" when the text
        writes it elsewhere without a capital "The" ("the Harbor Authority", "a Harbor
        Authority report") or names an entity so; "The Ledger" (one word after "The") keeps
        it."""
        if not name.startswith("The ") or " " not in name[4:].strip():
            return name
        if name not in self._the:
            rest = name[4:]
            bare = (
                rest in self.others
                or any(  # the recognizer's own name for it
                    self.text[max(0, at - 4) : at] != "The "
                    for at, _ in find_words(self.text, [rest])
                )
            )
            self._the[name] = rest if bare else name
        return self._the[name]

    def _long_form(self, name: str, speaker: bool = False) -> str | None:
        """The one longer organisation name the article gives first for a short one: "Vantor"
        after "Vantor Research", "Quell" after "Quell Capital Partners". Not a common word
        ("Senate" is not "Senate Ethics Committee"), nor a person's name. A speaker cut before
        its complement ("the Dover Board said" after "the Dover Board of Health") too."""
        key = (name, speaker)
        if key not in self._long:
            self._long[key] = self._find_long_form(name, speaker)
        return self._long[key]

    def _find_long_form(self, name: str, speaker: bool) -> str | None:
        """``_long_form``, uncached."""
        from tuireader.core.annotate.entities.lexicon import OF_HEAD, load

        lex = load()
        words = name.split()
        if not words or not name[:1].isupper():
            return None
        if len(words) == 1:
            word = name.lower()
            if (
                lex.zipf.get(word, 0.0) >= 4.5
                or name.isupper()  # an acronym is a name of its own ("GOP", not "GOP Poll")
                or is_given_name(word)
                or word in self.by_surname
                or word in self.by_given
                or word in self.singles
            ):
                return None
            prefix = name + " "
        elif speaker and lex.flags.get(words[-1].lower(), 0) & OF_HEAD:
            prefix = name + " of "
        else:
            return None
        found = [
            org
            for org in self._orgs
            if org.startswith(prefix) and " and " not in org and "&" not in org
        ]
        if len(found) != 1 or self._first[found[0]] > self._first.get(name, len(self.text)):
            return None
        return found[0]

    def _couple(self, entity: Entity) -> str | None:
        """ "Bill and Hillary Doe": the lone given name takes the surname that follows; a
        surname does not ("Doe and Jane Roe" are two people)."""
        word = entity.text.strip()
        if " " in word or not is_given_name(word) or word.lower() in self.by_surname:
            return None
        m = _COUPLE_RE.match(self.text, entity.end)
        if m is None:
            return None
        words = clean_person(m.group(1))
        core = _key_words(words)
        if len(core) < 2:
            return None
        return self.person(f"{_cased(entity.text.strip())} {core[-1]}")  # its fullest form


_COURTESY = _words("mr mrs ms miss dr")


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


def place_or_people(word: str) -> bool:
    """A place, country or people's name ("Ohio", "Ruritanian", "Republican")."""
    from tuireader.core.annotate.entities.lexicon import COUNTRY, DEMONYM, PLACE, load

    return bool(load().flags.get(word.lower(), 0) & (PLACE | COUNTRY | DEMONYM))


_OTHER_SEX = {"m": "f", "f": "m"}
_TITLE_BEFORE_RE = re.compile(r"\b(Mrs?\.?|Ms\.?|Miss)\s+$")


def _mention_sex(mention: str) -> str | None:
    """The sex a speaker's words show: a pronoun ("she") or a courtesy title ("Mrs. Doe")."""
    words = mention.split()
    if not words:
        return None
    if len(words) == 1:
        return PRONOUNS.get(words[0].lower())
    title = words[0].rstrip(".").lower()
    return of_name(mention) if title in ("mr", "mrs", "ms", "miss") else None


_OF_TITLE_RE = re.compile(
    r" of ((?:(?:[A-Z][\w.'\u2019&-]*|of|the|and|for|in|on) )*[A-Z][\w'\u2019&-]*)"
)
# Legislative chambers: their members speak, the chamber alone does not.
_CHAMBERS = _words("senate house congress parliament legislature assembly")
_LINKS = _words("of the and for on in at de del der van von al bin la le da di & y")
_ORG_WORDS = _words(
    """committee party campaign department ministry office agency administration council
    commission bureau service services house senate congress court union association
    university institute foundation group company corporation inc corp co ltd llc news times
    post journal press network police army government board bank fund center centre"""
)
_COUPLE_RE = re.compile(r"\s+(?:and|&)\s+((?:[A-Z][\w'\u2019.-]*\s+){1,2}[A-Z][\w'\u2019-]*)")


def canonical_entities(text: str, entities: Sequence[Entity]) -> tuple[list[Entity], Canon]:
    """The entities with their ``name`` filled, and the article's name table for speakers.

    The table reads only the mentions' labels and texts, which naming leaves as they are: it
    is the table of the named entities too (``extract_quotes`` takes it, not to build it
    twice)."""
    canon = Canon(text, entities)
    named = [Entity(e.start, e.end, e.label, e.text, canon.name(e) or e.text) for e in entities]
    return named, canon


# -- plausible speaker names --------------------------------------------------------------

_FURNITURE = _words(
    """facebook twitter email e-mail share tweet pinterest linkedin whatsapp reddit print
    image images photo photos video play watch getty advertisement comments comment
    related read more subscribe click here updated posted caption copyright"""
)
_FUNCTION = _words(
    """additionally also well shortly however meanwhile moreover furthermore instead indeed
    still yet now then so but and or nor if when while after before as because since though
    although me let us him her them it its this that these those there here what who which
    where why how yes no okay ok oh hey please thanks today yesterday tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday the a an one some"""
)
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
        return False
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
