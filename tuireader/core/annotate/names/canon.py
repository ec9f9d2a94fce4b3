"""The article's name table (``Canon``): one canonical name per person, organisation or
place, for entities and for speakers; ``canonical_entities`` fills the entities' names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tuireader.core.annotate.gender import PRONOUNS, of_name
from tuireader.core.annotate.names.clean import (
    _after_function_word,
    _cased,
    _key_words,
    _named_after_role,
    _person_shaped,
    clean_other,
    clean_person,
)
from tuireader.core.annotate.names.forms import (
    _ACRONYM_RE,
    _longer_name,
    _middled,
    _shown,
    _spelled_out,
)
from tuireader.core.annotate.names.given import _FORMAL, is_given_name
from tuireader.core.annotate.names.mojibake import (
    _BROKEN_SPACE_RE,
    _GLUE,
    _MOJIBAKE_BEFORE_RE,
    _MOJIBAKE_REST_RE,
)
from tuireader.core.annotate.names.plausible import plausible_speaker
from tuireader.core.annotate.names.words import (
    _ANOTHER_BODY,
    _CHAMBERS,
    _FUNCTION,
    _FURNITURE,
    _LEGAL_FORMS,
    _LINKS,
    _ORG_WORDS,
    _PREPOSITIONS,
    _QUOTES,
    _SUFFIXES,
    _TITLES,
    place_or_people,
)
from tuireader.core.annotate.names.words import (
    PLATFORMS as _PLATFORMS,
)
from tuireader.core.annotate.patterns import find_words
from tuireader.core.annotate.spans import Entity


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
        self._cases: dict[str, str] | None = None
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
        if len(core) >= 4:
            headed = self._headed(core)
            if headed:
                return headed
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
            keys = {  # "Jane Doe Harbor House": a name run into a body's, not a second Jane
                k
                for k in keys
                if not any(self.full[k].startswith(self.full[o] + " ") for o in keys)
            }
        if keys and len(keys) == 1:
            return self.full[next(iter(keys))]
        return core[0]

    def _headed(self, core: list[str]) -> str | None:
        """The person whose full name, written alone elsewhere, opens a run of four words or
        more, the rest capitalised words of a headline ("Jane Doe Tours Flooded Towns"); not
        a body named after a person ("Jane Doe White House")."""
        if _ORG_WORDS & {w.lower() for w in core}:
            return None
        for n in range(2, len(core) - 1):
            key = self._key(core[:n])
            if key in self.full and all(w[:1].isupper() for w in core[n:]):
                return self.full[key]
        return None

    def speaker(self, raw: str | None, mention: str | None = None) -> str | None:
        """The canonical form of a resolved speaker name; None when it names no one (a
        description such as "statement", a function word, page furniture, a party tag).
        ``mention``: the speaker's words in the text ("Mrs. Doe", "she"), whose courtesy
        title or pronoun tells apart two people sharing a surname."""
        if not raw:
            return None
        other = clean_other(raw)
        words = other.split()
        nick = _without_nickname(words)
        if nick is not None:  # 'Jon "Tig" Doe': the nickname is no part of the name
            raw = other = " ".join(nick)
            words = nick
        cut = _after_function_word(words)
        if cut is not None:  # "U.S. While Doe": a missed sentence break
            raw = other = " ".join(cut)
            words = cut
        if not words or any(w[:1].islower() and w.lower() not in _LINKS for w in words):
            return None
        if _fragment(words, mention):
            return None
        joint = self._joint(other)
        if joint is None and mention and _JOINT_RE.search(mention) and "," not in mention:
            said = clean_other(mention)  # the resolver's name is one of the two
            parts = _JOINT_RE.split(said)
            if other in parts or any(self.person(p) == self.person(other) for p in parts):
                joint = self._joint(said)
        if joint is not None:
            return joint
        if len(words) == 2 and words[0] in ("The", "A", "An") and place_or_people(words[1]):
            return None  # "The Ohio senator said", cut after its modifier: no name
        if len(words) == 2 and words[0] == "The" and _ACRONYM_RE.fullmatch(words[1]):
            raw = other = words[1]  # "The FBI said": the acronym, not a person "Fbi"
            words = [other]
        elif len(words) == 2 and words[0] == "The" and words[1] in self.others:
            raw = other = words[1]  # "The Quillbank said" where the text names "Quillbank"
            words = [other]
        long = len(words) > 3 and len(_key_words(words)) > 3  # "Jane Q. Doe Jr." is a person
        if long and not _ORG_WORDS & {w.lower() for w in words}:
            # "Minority Whip Jane Doe", "Metro Desk Editor Jane Doe": the name after the role
            named = _named_after_role(words)
            if named is not None:
                raw, other, words, long = named, named, named.split(), False
        if other in self.others or long or _ORG_WORDS & {w.lower() for w in words}:
            other = self._case_form(self._without_the(other))
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
        if " " not in name and name.lower() in _OFFICES and name.lower() not in self.singles:
            return None  # "Doe's running mate, the VP, said": an office, no one's name
        known = (
            name.lower() in self.singles
            or (name in self.others and (" " in name or name.lower() in _PLATFORMS))
            or (mention is None or name in mention.split())
            and (self._name_mid_sentence(name) or self._subject_after_quote(name))
        )
        if plausible_speaker(name, known):
            return name
        return (
            name
            if not known and self._surname_only(name) and plausible_speaker(name, True)
            else None
        )

    def _joint(self, other: str) -> str | None:
        """Two people speaking together ("Jane Doe and Tom Roe said"): both canonical names
        joined by "and"; None when ``other`` is no such pair (an organisation's name, a part
        that names no one). "Bill and Hilda Doe" is a couple: each keeps the surname."""
        parts = _JOINT_RE.split(other)
        if len(parts) != 2 or other in self.others or "," in other:
            return None  # ("Jane Doe, who backed Roe and Tom Poe": one person described)
        first, second = (p.split() for p in parts)
        both = first + second
        if not first or not second or _ORG_WORDS & {w.lower() for w in both}:
            return None
        if any(w[:1].islower() and w.lower() not in _LINKS for w in both):
            return None
        first, second = clean_person(" ".join(first)), clean_person(" ".join(second))
        if not first or not second:
            return None
        if (
            len(first) == 1
            and len(second) >= 2
            and is_given_name(first[0])
            and first[0].lower() not in self.by_surname
        ):
            first = [first[0], second[-1]]  # "Bill and Hilda Doe": Bill Doe, Hilda Doe
        names = []
        for part in (first, second):
            if len(part) < 2 and part[0].lower() not in self.singles | set(self.by_surname):
                return None  # not known as a person here ("Smith and Wesson")
            if len(part) >= 2 and not is_given_name(part[0]):
                return None
            names.append(self.speaker(" ".join(part)))
        if not all(names):
            return None
        return f"{names[0]} and {names[1]}" if names[0] != names[1] else names[0]

    def _name_mid_sentence(self, name: str) -> bool:
        """A one-word capitalised name the text writes after a lower-case word ("according
        to Variety") and never in lower case: the article's name for something, though the
        word is common."""
        if " " in name or not name[:1].isupper() or name.isupper():
            return False
        lower = name.lower()
        if re.search(r"(?<![\w-])" + re.escape(lower) + r"(?![\w-])", self.text):
            return False
        return any(
            _AFTER_LOWER_RE.search(self.text, max(0, m.start() - 30), m.start())
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.text)
        )

    def _subject_after_quote(self, name: str) -> bool:
        """A one-word capitalised name the text writes as the subject of a speech verb just
        after a quotation ('"...," Zorvek said', '"..." Zorvek added') and never in lower
        case: a person's name though the recognizer has none. Not a
        common word that is no name ("Officials"), a title, a party or people's word, a
        month or day, nor a place that is no name."""
        from tuireader.core.annotate.entities.lexicon import (
            DEMONYM,
            FIRST,
            LOC_ANY,
            STOP,
            SUR,
            TITLE,
            load,
        )

        if " " in name or not name[:1].isupper() or not name[1:].islower() or len(name) < 2:
            return False
        lex = load()
        word = name.lower()
        flags = lex.flags.get(word, 0)
        if flags & (STOP | TITLE | DEMONYM) or word in _FUNCTION or word in _FURNITURE:
            return False
        zipf = lex.zipf.get(word, 0.0)
        if not flags & (FIRST | SUR) and (flags & LOC_ANY or zipf >= 3.5) or zipf >= 4.3:
            return False  # a common word, even if some people bear it ("Server", "Police")
        if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            return False
        return any(
            _AFTER_QUOTE_RE.search(self.text, max(0, m.start() - 8), m.start())
            and _VERB_AFTER_RE.match(self.text, m.end())
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.text)
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
        if word in _PLATFORMS and name in self.others:
            return False  # "Twitter said in a statement": the firm the article names
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
        person and a place; "Mr. Doe of the Harbor Trust", after a courtesy title, too, and a
        person mention "Doe of the Harbor Trust" or "Doe of Vole Partners", an organisation
        the article names)."""
        found = None
        person = word.lower() in self.singles
        for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", self.text):
            if _COURTESY_BEFORE_RE.search(self.text, max(0, m.start() - 6), m.start()):
                return None
            title = _OF_TITLE_RE.match(self.text, m.end())
            if title is None:
                return None
            run = title.group(1).split()
            while run[-1].lower() in _LINKS:
                run.pop()
            if person and (run[0] == "the" or " ".join(run) in self.others):
                return None  # "Doe of the Harbor Trust": a person of a body
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

    def mention(self, start: int, end: int) -> str:
        """The words of a mention with the courtesy title written just before it ("Mrs." of
        "Mrs. Doe" when the mention is "Doe"): what tells apart two people of one surname."""
        title = _TITLE_BEFORE_RE.search(self.text, max(0, start - 6), start)
        lead = title.group(1) + " " if title else ""
        return lead + self.text[start:end].strip()

    def name(self, entity: Entity) -> str:
        """The canonical name of an entity mention."""
        if entity.label == "PERSON" or _person_shaped(entity.text):
            partner = self._couple(entity)
            if partner:
                return partner
            name = self.person(self._whole(entity))
            if name and " " not in name and self._shared(name):  # "Mrs. Doe": Hilda or Bill?
                name = self._of_sex(name, _mention_sex(self.mention(entity.start, entity.end)))
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
        name = self._case_form(self._without_the(clean_other(raw)))
        if " " not in name and len(name) >= 5 and name.isupper():
            name = self._as_written(name) or name
        return self.spelled.get(name, name)

    def _case_form(self, name: str) -> str:
        """Of the article's organisation or place names differing only in case ("NEW YORK",
        "LOS Angeles" from a dateline; "New York", "Los Angeles"), the one the text writes
        most often, then the one with fewer capitals, never one opening in lower case; else
        ``name``."""
        if self._cases is None:
            groups: dict[str, set[str]] = {}
            for other in self.others:
                groups.setdefault(other.casefold(), set()).add(other)
            self._cases = {}
            for forms in groups.values():
                if len(forms) > 1:
                    best = max(
                        sorted(forms),
                        key=lambda f: (
                            f[:1].isupper(),  # "Anti-Semitic", not "anti-Semitic"
                            self.text.count(f),
                            -sum(c.isupper() for c in f),
                        ),
                    )
                    self._cases.update(dict.fromkeys(forms, best))
        return self._cases.get(name, name)

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
            return self._inside(name)
        found = [
            org
            for org in self._orgs
            if org.startswith(prefix) and " and " not in org and "&" not in org
        ]
        if len(found) != 1 or self._first[found[0]] > self._first.get(name, len(self.text)):
            return None if len(words) == 1 else self._inside(name)
        return found[0]

    def _inside(self, name: str) -> str | None:
        """The one organisation name the article gives first that is ``name`` with
        capitalised words inside: "Dover Memorial Museum" for "Dover Museum", "The Dover
        Post" for "The Post". Not where the words added make another body: a place's part
        ("University of North Dover"), a state's school ("Dover State University"), a
        company's arm ("Dover Motor Credit Co.")."""
        words = name.split()
        if len(words) < 2 or words[-1].lower().rstrip(".") in _LEGAL_FORMS:
            return None
        found = []
        for org in self._orgs:
            long = org.split()
            if len(long) <= len(words) or long[0] != words[0] or long[-1] != words[-1]:
                continue
            added, at = [], 0
            for word in long:
                if at < len(words) and word == words[at]:
                    at += 1
                else:
                    added.append(word)
            if at == len(words) and all(
                w[:1].isupper() and w.lower() not in _ANOTHER_BODY for w in added
            ):
                found.append(org)
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


_OTHER_SEX = {"m": "f", "f": "m"}


_TITLE_BEFORE_RE = re.compile(r"\b(Mrs?\.?|Ms\.?|Miss)\s+$")
_COURTESY_BEFORE_RE = re.compile(r"\b(?:Mrs?|Ms|Miss|Dr)\.?\s+$")


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


def _without_nickname(words: list[str]) -> list[str] | None:
    """The words without a quoted nickname after a known given name ('Jon "Tig" Doe'); None
    when there is none."""
    for i in range(1, len(words) - 1):
        word = words[i]
        quoted = len(word) > 2 and word[0] in _QUOTES and word[-1] in _QUOTES
        if quoted and is_given_name(words[i - 1].strip(".")):
            return words[:i] + words[i + 1 :]
    return None


# Offices alone: never a speaker's name (unless the article names a person so: "King").
_OFFICES = _TITLES | frozenset(("vp", "ceo", "cfo", "coo"))


def _fragment(words: list[str], mention: str | None) -> bool:
    """True for speaker words that are no name: a fragment opening or closing on a
    preposition ("To Act Whiter To"), a place with a party or people's word describing an
    unnamed person ("a Ruritania Republican said"; "the Ruritania Republican" refers to
    someone named before and stays), or a headline's three words or more in capitals run
    into a name ("GONE WITH WIND Dover"; two may be a slogan or a name). "Chester English" and
    "Al From" are names."""
    from tuireader.core.annotate.entities.lexicon import DEMONYM, LOC_ANY, ORG, load

    if len(words) < 2:
        return False
    if words[0].lower() in _PREPOSITIONS or len(words) > 2 and words[-1].lower() in _PREPOSITIONS:
        return True  # ("Al From" is a name)
    lex = load()
    if len(words) == 2 and not words[1].endswith("s") and not is_given_name(words[0]):
        first, second = (lex.flags.get(w.lower(), 0) for w in words)
        lead = mention.split()[0].lower() if mention and mention.split() else ""
        if second & DEMONYM and first & LOC_ANY and not first & DEMONYM and lead != "the":
            return True
    if all(w.isupper() for w in words):
        return False
    shouted = [
        w
        for w in words
        if len(w) >= 3
        and w.isalpha()
        and w.isupper()
        and not lex.flags.get(w.lower(), 0) & ORG
        and lex.zipf.get(w.lower(), 0.0) >= 4.0
    ]
    return len(shouted) >= 3


_AFTER_LOWER_RE = re.compile(r"(?<![\w.'\u2019-])[a-z][a-z'\u2019]*\s+$")


# A quotation closed just before a word ('"...," Doe said', '"...?" Doe asked').
_AFTER_QUOTE_RE = re.compile(r"[,?!.\u2014-][\"\u201d\u2019']\s+$")


# A speech verb after a speaker.
_VERB_AFTER_RE = re.compile(
    r"\s+(?:said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|noted|"
    r"continued|replied|recalled|argued|insisted|warned|stated|declared|remarked)\b"
)


_JOINT_RE = re.compile(r"\s\s*(?:and|&)\s+")  # (a leading class re skips to in C; = \s+)


_COUPLE_RE = re.compile(r"\s+(?:and|&)\s+((?:[A-Z][\w'\u2019.-]*\s+){1,2}[A-Z][\w'\u2019-]*)")


def canonical_entities(text: str, entities: Sequence[Entity]) -> tuple[list[Entity], Canon]:
    """The entities with their ``name`` filled, and the article's name table for speakers.

    The table reads only the mentions' labels and texts, which naming leaves as they are: it
    is the table of the named entities too (``extract_quotes`` takes it, not to build it
    twice)."""
    canon = Canon(text, entities)
    named = [Entity(e.start, e.end, e.label, e.text, canon.name(e) or e.text) for e in entities]
    return named, canon
