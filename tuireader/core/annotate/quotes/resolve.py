"""Turning a speaker mention into a name.

Names are cleaned of titles and modifiers ("Trump spokesman Sen. Ben Sasse (R-Neb.)" ->
"Ben Sasse") and completed from earlier mentions ("Sasse" -> "Ben Sasse"). Pronouns and
"the senator"-style mentions take the nearest fitting PERSON/ORG mention before them that is
not inside a quotation; earlier speakers count as mentions too. Mentions come from the caller's
entities when given, else from a capitalised-name heuristic.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from tuireader.core.annotate import gender
from tuireader.core.annotate.gender import PRONOUNS
from tuireader.core.annotate.names import is_given_name, org_head, people_word, place_or_people
from tuireader.core.annotate.patterns import find_words
from tuireader.core.annotate.quotes.attribution import _HEADLINE_VERBS, _LEAD_RE, STATE_RE
from tuireader.core.annotate.quotes.cues import (
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    TITLES,
    word_set,
)
from tuireader.core.annotate.spans import Entity
from tuireader.core.annotate.us_states import US_STATES as _STATES

_TITLE_WORDS = frozenset(w.rstrip(".").lower() for w in TITLES.split())
# (written to open with one class, which re skips to in C: the same matches as \s*\(...)
_PAREN_RE = re.compile(r"[\s(](?:(?<=\()|\s*\()[^()]*\)")
_TITLE_IN_MENTION_RE = re.compile(r"\s*[\"\u201c][^\"\u201c\u201d\n]{1,40}[\"\u201d]")
_CLITIC_RE = re.compile(r"['\u2019](?:s|d|ll|ve|re|m)$")
# A capitalised word or an initial ("G.K."); periods never join words across a sentence end.
_CAP = r"(?:(?:[A-Z]\.){1,3}(?!\w)|[A-Z\u00c0-\u00de][\w'\u2019-]*)"
_LINK = r"(?:(?:de|van|von|bin|al|da|del|la|le)\s+)?"
_NAME_RUN_RE = re.compile(r"(?<![\w'\u2019.-])" + _CAP + r"(?:\s+" + _LINK + _CAP + r"){0,5}")
_TRAILING_NAME_RE = re.compile(_CAP + r"(?:\s+" + _LINK + _CAP + r"){0,3}$")
_ORG_HINTS = word_set(
    """committee party campaign department news times post journal network inc corp co llc
    association council agency administration university institute foundation center centre
    house senate congress bureau commission court group fund union league office ministry
    press reuters cnn fox nbc abc cbs msnbc bbc politico breitbart huffpost club pac
    organization organisation"""
)
_NOT_NAMES = word_set(
    """the a an in on at but and or if when while after before this that these those it he
    she they we i you his her their our its my there here then so yet as for to of by with
    from monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december mr mrs ms dr read
    related watch follow getty click sign republican republicans democrat democrats
    democratic american americans new north south east west united state states"""
)
_ROLE_WORDS = _TITLE_WORDS | word_set(
    "executive director chairman chairwoman spokesman spokeswoman retired deputy assistant "
    "senior chief press manager strategist adviser advisor aide candidate nominee co-founder "
    "treasurer "
    "founder ceo editor host anchor correspondent analyst pollster"
)
_DEFINITE_RE = re.compile(r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,3}(?P<noun>[\w-]+)$", re.I)


# "the statement said": the statement's issuer, if the text names one.
DOCUMENT_NOUNS = word_set(
    "statement statements report letter memo release announcement filing complaint ruling "
    "document message communique communiqué declaration notice lawsuit suit order email "
    "e-mail mailer newsletter"
)
# "the plan would": what someone named owns ("Jane Doe's plan"), never the nearest name.
_OWNED_NOUNS = word_set("plan proposal ad advertisement website platform budget")
# "Jane Doe's statement", "Doe's press release": a document or post of a named owner.
_OWNED_DOCUMENT_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})['\u2019]s\s+"
    r"(?:[a-z-]+\s+){0,2}(?P<noun>[a-z-]+)"
)
_SPOKEN_DOCUMENTS = DOCUMENT_NOUNS | word_set(
    "tweet tweets post posts remarks op-ed answer response reply reaction retort words comments"
)
# "the source added": an unnamed speaker, never the nearest name.
ANONYMOUS_NOUNS = word_set(
    "source sources official officials officer man woman boy girl voter supporter resident "
    "student friend expert analyst witness person people insider observer critic critics "
    "aide spokesperson someone employee worker member"
)
_UNNAMED_NOUNS = PERSON_NOUNS | ANONYMOUS_NOUNS
_UNNAMED_NOUN = r"(?P<noun>" + "|".join(sorted(_UNNAMED_NOUNS, key=len, reverse=True)) + r")s?\b"
# "One Doe aide, who ...", "A senior adviser to the campaign": someone the article does not
# name, leading a sentence; a name attached by a preposition belongs to the description.
# What comes before a sentence's first letter: a line break, or its end mark and a space.
_BEFORE_SENTENCE = (r"\n", r"[.!?:]\s", r"[.!?][\"\u201d\u2019]\s")
_OPENS_HERE = r"(?:(?<![\s\S]{2})|" + "|".join(f"(?<={b}.)" for b in _BEFORE_SENTENCE) + ")"
_UNNAMED_TAIL = (
    r"\s+(?:[\w'\u2019-]+\s+){0,4}?" + _UNNAMED_NOUN + r"(?:,?\s+(?:for|to|with|at|from|in|of|"
    r"close\s+to)\s+(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s*)+)?"
)
_UNNAMED_RE = re.compile(
    # "A", "An", "One" or "Another" opening the text, a line or a sentence: checked after the
    # first letter, so that re skips to "A" and "O" instead of trying every character
    r"(?:A" + _OPENS_HERE + r"(?:|n|nother)|O" + _OPENS_HERE + r"ne)" + _UNNAMED_TAIL,
    re.M,
)
# "But one aide", "And a senior adviser": after a conjunction opening the sentence (found
# with str.find: a third pattern of capitals above would slow every text's scan)
_CONJUNCTIONS = ("But ", "And ", "Yet ")
_SENTENCE_OPENS_RE = re.compile("|".join(f"(?<={b})" for b in _BEFORE_SENTENCE))
_UNNAMED_AFTER_CONJUNCTION_RE = re.compile(r"(?:But|And|Yet)\s+(?:one|another|an?)" + _UNNAMED_TAIL)
# "The senator from Maine", "a woman in Akron": a person described by where they are from;
# the place names no one.
_DESCRIBED_AT_RE = re.compile(
    r"^(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<mods>(?:[a-z][\w-]*\s+){0,3}?)"
    r"(?P<noun>[a-z][\w-]*?)(?P<plural>(?<=[^s])s)?"
    r"\s+(?:from|of|in)\s+(?:the\s+)?(?P<place>[A-Z][\w.'\u2019-]*(?:,?\s+[A-Z][\w.'\u2019-]*){0,3})$"
)
# "It is strange that", "It wasn't just the cries that", "it seems": "it" standing for nothing
_EXPLETIVE_AFTER_RE = re.compile(
    r"\s+(?:is|was|isn['\u2019]t|wasn['\u2019]t|seems|seemed|appears|appeared)\b"
)
# "The leader of the League", "the head of the Ohio party": a role in an organisation, whose
# holder the apposition names
_ROLE_OF_RE = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}?(?i:"  # "the Bishop of Dover" too
    + "|".join(sorted(PERSON_NOUNS | {"head", "chief"}, key=len, reverse=True))
    + r")\s+(?:of|for|at)\s"
)
# "Senate Democrats", "House Republicans": the group an organisation's name modifies.
_GROUP_AFTER_RE = re.compile(
    r"\s+(?:Democrats|Republicans|Conservatives|Liberals|Members|Leaders)\b"
)
_GROUP_AT_RE = re.compile(
    r"^(?P<noun>[A-Za-z]+)\s+(?:from|of|in)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})$"
)
# "Aides said", "Officials say": a group of people no one names.
_GROUP_WORDS = frozenset(
    noun + "s" for noun in _UNNAMED_NOUNS if noun not in ("democrat", "republican")
) | frozenset(n for n in ANONYMOUS_NOUNS if n.endswith("s"))
_INDEFINITE_RE = re.compile(
    r"(?:a|an|one|another)\s+(?:[\w'\u2019-]+\s+){0,4}?" + _UNNAMED_NOUN, re.I
)


# "He responds", "she replied": an answer, given by the one just spoken to.
_REPLY_AFTER_RE = re.compile(
    r"\s+(?:responds|responded|replies|replied|answers|answered|retorts|retorted|wrote back|"
    r"writes back)\b"
)
_SPOKE_TO_RE = re.compile(
    r"\b(?:(?:writes|wrote|says|said|speaks|spoke|turns|turned)\s+to|asks|asked|tells|told|"
    r"emails|emailed)\s+(?P<to>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})"
)
# A place closing an apposition after a capitalised name ("Judge Jane Doe of Ohio").
_OF_PLACE_TAIL_RE = re.compile(
    r"(?<=[A-Za-z])\s+(?:of|from)\s+(?:the\s+)?(?P<place>[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*){0,2})\s*$"
)
_ISSUED_BY_RE = re.compile(
    r"\b(?:statements?|report|letter|memo|release|announcement|communiqu[eé]|declaration)"
    r"(?:\s+\w+){0,2}?\s+(?:released|issued|signed|published|sent|posted|put\s+out|"
    r"written|made|delivered)\s+(?:\w+\s+){0,2}?by\s+(?P<by>[^.;:!?\"\u201c\u201d\n]{3,250}?)"
    r"(?=[.;:!?\"\u201c\u201d\n]|,\s|\s+(?:on|that|which|who|to|after|saying|said)\b|$)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A PERSON or ORG mention: offsets, label and name text."""

    start: int
    end: int
    label: str
    name: str


def strip_titles(name: str) -> str:
    """Drop leading titles ('Sen.', 'President') while a name word remains."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def clean_name(raw: str) -> str:
    """Drop parentheticals, appositions, possessives and titles from a name (cached: every
    entity of every article is cleaned, and names recur)."""
    name = _PAREN_RE.sub("", raw).split(",")[0].strip()
    return _POST_NOMINAL_RE.sub("", strip_titles(_CLITIC_RE.sub("", name)))


# "Jane Doe MP", "Jane Doe QC": letters after a name are no part of it
_POST_NOMINAL_RE = re.compile(r"(?<=\w)(?:\s+(?:MP|MSP|MEP|MLA|AM|QC|KC|OBE|MBE|CBE)\b\.?)+$")


def proper_name(phrase: str) -> str | None:
    """The proper name a phrase ends with ('CBS moderator Nancy Cordes' -> 'Nancy Cordes');
    a closing abbreviation's dot ("Jane Doe Jr.") does not hide it."""
    m = _TRAILING_NAME_RE.search(phrase)
    if phrase.endswith("."):
        # "Jane Doe Jr.": the dot is the name's; "according to CNN.": the sentence's, and
        # read with it the name would be the initial "N."
        bare = _TRAILING_NAME_RE.search(phrase.rstrip("."))
        if bare is not None and (m is None or bare.start() < m.start()):
            m = bare
    if m is None:
        return None
    words = m.group().split()
    owners = [i for i, w in enumerate(words[:-1]) if _CLITIC_RE.search(w)]
    words = words[owners[-1] + 1 :] if owners else words  # "GAF's Heyman" -> "Heyman"
    words = _after_roles([_CLITIC_RE.sub("", w) for w in words]) or words[-1:]
    joined = " ".join(words)
    name = _POST_NOMINAL_RE.sub("", joined)
    if name != joined and " " not in name and _THE_BEFORE_RE.search(phrase, 0, m.start()):
        return None  # "the Dover MP": a role at a place, not a person "Dover"
    if _POST_NOMINAL_RE.fullmatch(" " + name) and _THE_BEFORE_RE.search(phrase, 0, m.start()):
        return None  # "the MEP said": the role alone
    return None if name.lower() in _NOT_NAMES else name


_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
_INITIAL_RE = re.compile(r"[A-Z]\.")


def _heuristic_label(words: list[str]) -> str | None:
    """ORG for runs with an org word or an acronym, PERSON for two or three name words."""
    lowered = {w.lower().strip(".'\u2019") for w in words}
    if lowered & _ORG_HINTS or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return "ORG"
    if lowered & _NOT_NAMES:
        return None
    return "PERSON" if 2 <= len(words) <= 3 else None


def _after_roles(words: list[str]) -> list[str]:
    """The words after the last title or role word ('Party Chairman David Pepper'); a last
    word after a given name is a surname even where it is a title ("Ann Pope")."""
    last = len(words) - 1
    before = last - 1
    while before > 0 and _INITIAL_RE.fullmatch(words[before]):
        before -= 1  # "Peter T. King": the initials between the given name and the surname
    if before >= 0 and is_given_name(words[before].rstrip(".")):
        last -= 1
    for i in range(last, -1, -1):
        word = words[i].rstrip(".").lower()
        if word in _ROLE_WORDS or all(p in _ROLE_WORDS for p in word.split("-")):
            return words[i + 1 :]  # "Secretary-Treasurer Jane Doe" too
    return words


def heuristic_mentions(text: str) -> list[Mention]:
    """Capitalised-name runs labelled PERSON/ORG by shape (fallback when no entities).

    A lone surname counts as a PERSON once its full name has appeared ('Trump').
    """
    found = []
    full_names: dict[str, str] = {}
    for m in _NAME_RUN_RE.finditer(text):
        run = m.group()
        if " " not in run:  # most runs are one capitalised word: decide cheaply
            word = _CLITIC_RE.sub("", run)
            if word in full_names:
                found.append(Mention(m.start(), m.end(), "PERSON", full_names[word]))
            elif word.isupper() and len(word) > 1:
                found.append(Mention(m.start(), m.end(), "ORG", word))
            continue
        words = clean_name(run).split()
        if not words:
            continue
        label = _heuristic_label(words)
        if label == "PERSON" or label is None:
            person = _after_roles(words)
            if _heuristic_label(person) == "PERSON":
                name = " ".join(person)
                full_names.setdefault(person[-1], name)
                found.append(Mention(m.start(), m.end(), "PERSON", name))
        elif label == "ORG":
            found.append(Mention(m.start(), m.end(), "ORG", " ".join(words)))
    return found


def _lone_surnames(
    text: str, entities: Sequence[Entity], mentions: Sequence[Mention]
) -> list[Mention]:
    """Surnames of people named in full, standing alone later where no entity was found
    ("Jane Doe ... Later, Doe said"): the recognizer may miss a bare surname, the resolver
    should not."""
    first: dict[str, int] = {}
    for m in mentions:
        words = m.name.split()
        surname = words[-1] if m.label == "PERSON" and len(words) > 1 else ""
        if len(surname) > 2 and surname[:1].isupper() and surname[1:].islower():
            first.setdefault(surname, m.end)
    if not first:
        return []
    spans = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in spans]
    found = []
    for start, word in find_words(
        text, sorted(first, key=len, reverse=True), not_before="'\u2019.-", not_after="-"
    ):
        end = start + len(word)
        if start < first[word] or _LONE_NEXT_RE.match(text, end):
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and spans[i][1] > start:
            continue
        if _LONE_PREV_RE.search(text, max(0, start - 30), start):
            continue
        found.append(Mention(start, end, "PERSON", word))
    return found


# A capitalised word right before or after makes it part of another name ("Doe Tower").
_LONE_NEXT_RE = re.compile(r"\s+[A-Z]")
_LONE_PREV_RE = re.compile(r"(?<![.!?:\n])\s[A-Z][\w'\u2019-]*\s+$")


@lru_cache(maxsize=8192)
def _org_name(raw: str) -> str:
    """``clean_name`` for an organisation: its first word is no title to drop ("General
    Electric", "President's Choice")."""
    return _CLITIC_RE.sub("", _PAREN_RE.sub("", raw).split(",")[0].strip())


def _entity_mentions(entities: Sequence[Entity]) -> list[Mention]:
    """PERSON/ORG entities as mentions, sorted by offset."""
    return sorted(
        (
            Mention(
                e.start,
                e.end,
                e.label,
                clean_name(e.text) if e.label == "PERSON" else _org_name(e.text),
            )
            for e in entities
            if e.label in ("PERSON", "ORG")
        ),
        key=lambda m: (m.start, m.end),
    )


# "Jane Doe via Getty Images", "Jane Doe/AP": a photographer's credit, no one written about
_PHOTO_CREDIT_RE = re.compile(
    r"\s*(?:via\s+|/\s*|for\s+)(?:Getty|AP\b|AFP\b|Reuters\b|EPA\b|Associated\s+Press|"
    r"Bloomberg\s+via|Shutterstock|Alamy|PA\s+(?:Media|Wire))"
)
_GLUED_VERBS = _HEADLINE_VERBS | word_set("vows pledges promises denies admits")


_HEADLINE_START_RE = re.compile(r"(?:[A-Z][\w'\u2019.-]*[ \t]+){2,4}(?=[^\n]{0,200}\n)")


def _headline_subject(text: str) -> Mention | None:
    """ "Jane Doe Slams Budget Plan" opening the text: Jane Doe (a given name first, two or
    three words, then a headline verb)."""
    m = _HEADLINE_START_RE.match(text)
    if m is None:
        return None
    words = m.group().split()
    for i in (2, 3):
        if i < len(words) and words[i].lower() in _GLUED_VERBS:
            if not is_given_name(words[0].lower()):
                return None
            end = 0
            for w in words[:i]:
                end = text.index(w, end) + len(w)
            return Mention(0, end, "PERSON", " ".join(words[:i]))
    return None


def _without_headline_verb(m: Mention) -> Mention:
    """A PERSON mention glued to a title-case headline's verb ("Doe Vows" of "Doe Vows to
    Fight On") is the name before the verb."""
    if m.label != "PERSON" or " " not in m.name:
        return m
    head, _, last = m.name.rpartition(" ")
    if last.lower() not in _GLUED_VERBS or not last[:1].isupper():
        return m
    return Mention(m.start, m.end - len(last) - 1, m.label, head)


class NameResolver:
    """Resolves the speaker mentions of one text, in text order, to names."""

    def __init__(
        self, text: str, entities: Sequence[Entity], quotes: Sequence[tuple[int, int]]
    ) -> None:
        self.text = text
        self._entities = entities
        self._quotes = quotes
        self._quote_starts = [s for s, _ in quotes]
        self._mentions: list[Mention] | None = None
        self._starts: list[int] = []
        self._fuller: dict[str, list[tuple[int, str]]] | None = None
        self.speakers: list[Mention] = []
        self._unnamed: list[tuple[int, int, str]] | None = None  # (start, end, words)
        self._sexes: dict[str, str] | None = None
        self._sex_of: dict[tuple[int, str], str | None] = {}
        self._name_sex_of: dict[int, str | None] = {}
        self._lower: dict[str, bool] = {}
        self._spelled: dict[str, list[tuple[int, str]]] = {}
        self._chosen: Mention | None = None  # the mention ``_nearest`` last answered with
        self._parts: dict[int, tuple[int, int]] = {}  # position -> ``_sentence_parts``
        self._places: frozenset[str] | None = None  # the texts of LOC entities

    @property
    def mentions(self) -> list[Mention]:
        """PERSON/ORG mentions outside quotations, found on first use (the heuristic is slow)."""
        if self._mentions is None:
            found = _entity_mentions(self._entities) if self._entities else None
            if found is not None:
                found = sorted(
                    found + _lone_surnames(self.text, self._entities, found),
                    key=lambda m: (m.start, m.end),
                )
            found = found if found is not None else heuristic_mentions(self.text)
            found = [_without_headline_verb(m) for m in found]
            headline = _headline_subject(self.text)
            if headline is not None and not any(m.start < headline.end for m in found[:1]):
                # "Jane Doe Slams Budget Plan": the recognizer finds no one in a title-case
                # headline; its subject is the person the article is about
                found.insert(0, headline)
            starts = [s for s, _ in self._quotes]
            self._mentions = [
                m
                for m in found
                if not _inside(m.start, self._quotes, starts)
                and not _PHOTO_CREDIT_RE.match(self.text, m.end)
            ]
            self._starts = [m.start for m in self._mentions]
        return self._mentions

    @property
    def starts(self) -> list[int]:
        """Start offsets of ``mentions``, for bisection."""
        _ = self.mentions
        return self._starts

    def resolve(self, speaker: tuple[int, int]) -> str | None:
        """The name a speaker mention refers to, else None.

        A description that names no one ("the source", "the governors") stays unnamed: None,
        never the nearest name.
        """
        name = self._resolve(speaker)
        if name and not any(m.start == speaker[0] for m in self.speakers):
            # a country that spoke is no antecedent for a later "he" or "she"
            label = "LOC" if self._spoken_place(name) else "PERSON"
            self.speakers.append(Mention(speaker[0], speaker[1], label, name))
        elif name is None:
            raw = self.text[speaker[0] : speaker[1]].strip()
            indefinite = _INDEFINITE_RE.match(raw.split(",")[0])
            if indefinite:
                self.unnamed.append((speaker[0], speaker[1], raw.lower()))
                self.unnamed.sort()
        return name

    @property
    def unnamed(self) -> list[tuple[int, int, str]]:  # (start, end, lower-cased text)
        """People the article describes but does not name ("one aide", "a senior adviser")
        where they lead a sentence or speak, by start; found on first use."""
        if self._unnamed is None:
            found = [(m.start(), m.end(), m.group()) for m in _UNNAMED_RE.finditer(self.text)]
            found += _after_conjunctions(self.text)
            found.sort()
            self._unnamed = [
                (start, end, words.lower())
                for start, end, words in found
                if not _inside(start, self._quotes, self._quote_starts)
            ]
        return self._unnamed

    def _unnamed_since(self, before: int, noun: str | None = None) -> bool:
        """The last person mentioned before ``before`` is one the article does not name (a
        described ``noun`` if given): no named person comes between that description and
        ``before``, so "he" or "the adviser" stands for the unnamed one."""
        last = None
        for start, end, found in self.unnamed:
            if start >= before:
                break
            if before - start <= 1500 and (noun is None or noun in found.split()):
                last = end
        if last is None:
            return False
        return not any(
            last <= m.start and m.end <= before for m in self._fitting(before, {"PERSON"})
        )

    def _resolve(self, speaker: tuple[int, int]) -> str | None:
        """Resolution proper: pronoun, proper name, apposition, then definite description."""
        raw = _PAREN_RE.sub("", self.text[speaker[0] : speaker[1]]).strip()
        if "\u201c" in raw or '"' in raw:
            # 'Doe's "Save the Port" campaign': the mention without the title in it
            raw = _TITLE_IN_MENTION_RE.sub("", raw).strip()
        head, _, apposition = raw.partition(",")
        head = _CLITIC_RE.sub("", head.strip())
        tail = _OF_PLACE_TAIL_RE.search(apposition)
        if tail is not None and self._place(tail["place"]):
            # "the head of the panel, Judge Jane Doe of Ohio": Doe, not Ohio
            apposition = apposition[: tail.start()]
        if " and " in head:
            pair = self._pair_named(speaker[0], speaker[0] + len(head))
            if pair is None and apposition:
                # "Jane Doe and her husband, Tom Roe": the two, as "Jane Doe and Tom Roe"
                pair = self._pair_named(speaker[0], speaker[1], PARTNER_AND_RE)
            if pair is not None:
                return pair
        lowered = head.lower()
        if lowered in PERSON_PRONOUNS or lowered == "his":
            if self._unnamed_since(speaker[0]):
                return None  # "One aide, who asked not to be named, ... he said"
            sex = "m" if lowered == "his" else PRONOUNS.get(lowered)
            if lowered in ("he", "she") and _REPLY_AFTER_RE.match(self.text, speaker[1]):
                addressee = self._addressee(speaker[0])
                if addressee is not None:
                    return addressee
            return self._nearest(speaker[0], {"PERSON"}, sex)
        if lowered == "their":
            return self._nearest(speaker[0], {"ORG", "PERSON"})
        if lowered in ("they", "we", "them"):
            return self._plural(speaker[0])
        if lowered == "it":
            if _EXPLETIVE_AFTER_RE.match(self.text, speaker[1]):
                return None  # "It is strange that Doe would denounce "..."": no one
            return self._nearest(speaker[0], {"ORG"})
        owned = _CAMP_RE.match(raw)
        after = raw[owned.end() :].split(None, 1) if owned is not None else []
        if owned is not None and not (after and _camp_member(after[0])):
            # "Doe's campaign", "her campaign": the candidate's own camp speaks for her
            owner = owned.group("owner")
            if owner.lower() in ("his", "her"):
                return self._nearest(speaker[0], {"PERSON"}, "m" if owner.lower() == "his" else "f")
            return self._complete(clean_name(owner), speaker[0])
        document = _OWNED_DOCUMENT_RE.fullmatch(head)
        if document is not None and document.group("noun").lower() in _SPOKEN_DOCUMENTS:
            # "Doe's statement read:", "Doe's press release said": the owner's words
            return self._complete(clean_name(document.group("owner")), speaker[0])
        role_at = _ROLE_AT_PLACE_RE.fullmatch(head)
        if (
            role_at is not None
            and role_at["noun"].lower() in _ROLES_AT_PLACES
            and (role_at["of"] == "of" or role_at["noun"].lower() in _MEMBER_NOUNS)
            and self._place(role_at["place"])
        ):
            # "The Archbishop of York said", "the Labour MP for Leeds asked": a role at a
            # place; the place names no one
            named = proper_name(apposition.strip())
            if named:
                return self._complete(named, speaker[0])
            noun = role_at["noun"].lower()
            if noun in _MEMBER_NOUNS:  # the member for a seat: the person just written about
                return self._described_person(noun, speaker[0])
            office = _office(head)
            holder = self._office_holder(office, speaker[0]) if office is not None else None
            roled = self._with_role(noun, speaker[0])
            return holder or (next(iter(roled)) if len(roled) == 1 else None)
        if _LONE_ROLE_RE.fullmatch(head):  # "the MEP said": the role alone, as "the senator"
            return self._described_person(head.split()[-1].lower(), speaker[0])
        if _LONE_ROLE_RE.fullmatch(head[:-1]) and head.endswith("s"):
            return None  # "The MPs said": members the article does not name
        of_org = self._person_of(speaker[0], speaker[0] + len(raw.partition(",")[0]))
        if of_org is not None:
            # "Jane Doe of the Harbor Trust said": the person, not the body she is of
            return self._complete(proper_name(of_org.name) or of_org.name, of_org.start)
        inner = self._person_inside(speaker[0], speaker[0] + len(raw.partition(",")[0]))
        if inner is not None and head[:1].isupper():
            # "House Republican Jane Doe", "Clinton ally Jane Doe": the person the recognizer
            # found at the end of the phrase, not the words before it.
            return self._complete(proper_name(inner.name) or inner.name, inner.start)
        org = self._org_of(
            speaker[0], speaker[0] + len(raw.partition(",")[0]), proper_name(head)
        ) or self._org_cut(speaker[0] + len(raw.partition(",")[0]))
        if org is not None:
            return self._complete(org.name, org.start)
        body = _BODY_FOR_RE.fullmatch(head)
        if body is not None and (org_head(body["head"]) or body["head"] in ("Centre", "Center")):
            # "The Centre for Policy Studies said" where the recognizer found no organisation:
            # the body named whole, not "Policy Studies"
            return self._complete(body["body"], speaker[0])
        if head.lower() in _GROUP_WORDS:
            return None  # "Aides say": people the article does not name
        group = _GROUP_AT_RE.match(head)
        if group and group.group("noun").lower() in _GROUP_WORDS and self._place(group["place"]):
            return None  # "Officials in Dover said": people from a place, not the place
        described = _DESCRIBED_AT_RE.match(head)
        if described is not None and self._place(described.group("place")):
            return self._described_at(described, apposition, speaker)
        if " " not in head and head[:1].isupper() and head in self._fuller_names():
            # "Field said" after "Jane Field": the surname, even where it is a common word
            return self._complete(head, speaker[0])
        if _QUANTIFIED_RE.match(head):
            head = ""  # "Some Democrats say", "Many Ohio Republicans": a group, unnamed
        elif _INDEFINITE_NAME_RE.fullmatch(head) and not self._named_end(
            speaker[0], speaker[0] + len(head)
        ):
            # "a Nevada Democrat said": one of a group, not a name (but "a spokesman for
            # Jane Doe" and "an aide, Jane Roe," still name someone)
            head = ""
        named = proper_name(apposition.strip()) if _ROLE_OF_RE.match(head) else None
        if named and self._person_named(named, speaker[0] + len(raw.partition(",")[0])):
            return self._complete(named, speaker[0])  # "The leader of the League, Jane Doe,"
        people = _ONE_OF_A_PEOPLE_RE.fullmatch(head)
        if people and people_word(people.group(1)):
            # "the Texan said", "the Briton added": a person described by where they are
            # from, found as "the senator" is (never a speaker named "Texan")
            named = proper_name(apposition.strip())
            if named:
                return self._complete(named, speaker[0])  # "the Briton, Tom Roe, said"
            if self._unnamed_since(speaker[0]):
                return None
            return self._nearest(speaker[0], {"PERSON"})
        whole = self._org_spanning(speaker[0], speaker[0] + len(head))
        if whole is not None:
            return self._complete(whole.name, whole.start)  # "General Electric", not "Electric"
        name = proper_name(head) or proper_name(apposition.strip())
        if name:
            return self._complete(name, speaker[0])
        if _AGED_RE.fullmatch(head):
            # "the 54-year-old said": an age stands for the person last written about, as "he"
            if self._unnamed_since(speaker[0]):
                return None
            return self._nearest(speaker[0], {"PERSON"})
        office = _office(head)
        if office is not None:
            return self._office_holder(office, speaker[0])
        definite = _DEFINITE_RE.match(head)
        if definite and _proper_modifier(head) and definite.group("noun").lower() in DOCUMENT_NOUNS:
            # "the Ledger Press report notes": the body named before the document
            words = head.split()[1:-1]
            if all(w[:1].isupper() for w in words) and not self._place(" ".join(words)):
                return self._complete(" ".join(words), speaker[0])
        if definite and _proper_modifier(head):
            noun = definite.group("noun").lower()
            if (noun in PERSON_NOUNS or noun in _PLAYER_NOUNS) and noun not in ANONYMOUS_NOUNS:
                # "the Vermont senator", "the Rovers boss", "the former England midfielder":
                # a role at a place or a club, as "the senator" (not "the Doe aide": a person's)
                fitting = self._fitting(speaker[0], {"PERSON"})
                words = {w for m in fitting for w in m.name.split()}
                if not any(w in words for w in head.split()[1:-1]):
                    mods = [
                        w
                        for w in head.split()[1:-1]
                        if w[:1].isupper() and w not in _PARTY_MODIFIERS
                    ]
                    described = self._described(mods, fitting, speaker[0])
                    roled = self._roled(noun, speaker[0], fitting, described)
                    party = _parties(head.split()[1:-1])
                    if roled is not None:
                        # "Jane Doe, the Ohio front-runner, ... The Ohio front-runner said":
                        # the one the article gave that role, not the person last named
                        return self._of_party(roled, party, fitting, speaker[0])
                    if self._unnamed_since(speaker[0], noun):
                        return None
                    found = self._nearest_described(speaker[0], described)
                    return self._of_party(found, party, fitting, speaker[0])
        if definite and not _proper_modifier(head):
            noun = definite.group("noun").lower()
            if noun in _EPITHET_NOUNS and _WHO_AFTER_RE.match(self.text, speaker[1]):
                # "said the man who built his career on ...": a known person, as "he"
                return self._nearest(speaker[0], {"PERSON"}, _EPITHET_NOUNS[noun])
            if noun in DOCUMENT_NOUNS:
                return (
                    self._issuer(speaker[0])
                    or self._sender(noun, speaker[0])
                    or self._owner(noun, speaker[0])
                )
            if noun in _OWNED_NOUNS:
                return self._owner(noun, speaker[0])
            found = self._resolve_definite(noun, speaker[0]) or self._named_after(noun, speaker[1])
            party = _parties(head.split()[1:-1]) if found and noun in PERSON_NOUNS else None
            if party:
                # "Democratic rival Jane Doe ... the Republican nominee said": not Doe
                fitting = self._fitting(speaker[0], {"PERSON"})
                return self._of_party(found, party, fitting, speaker[0])
            return found
        owned = _OWNED_DESCRIPTION_RE.match(head)
        if owned is not None:
            # "his family doctor said ... The note was signed by Dr. Jane Roe"
            return self._named_after(owned.group("noun").lower(), speaker[1])
        return None

    def _plural(self, before: int) -> str | None:
        """ "they" or "we": the closest organisation or group ("Senate Democrats", not the
        "Senate" it names); never one person, whom "they" does not stand for (people named
        together, "Jane Doe and Tom Roe ... they wrote", stay unnamed too)."""
        self._chosen = None
        name = self._nearest(before, {"ORG", "PERSON"})
        best = self._chosen
        if name is None or best is None:
            return name
        if best.label != "PERSON":
            group = _GROUP_AFTER_RE.match(self.text, best.end)
            return self.text[best.start : group.end()] if group else name
        return self._pair_from(best)

    def _pair_from(self, first: Mention) -> str | None:
        """ "Jane Doe and Tom Roe" when the PERSON mention ``first`` opens such a pair at the
        head of a sentence ("Jane Doe and Tom Roe held a news conference. ... they said");
        else None."""
        i = bisect.bisect_right(self.starts, first.start)
        if i >= len(self.mentions):
            return None
        last = self.mentions[i]
        if last.label != "PERSON" or not _AND_RE.fullmatch(self.text, first.end, last.start):
            return None
        if not _SENTENCE_OPEN_RE.search(self.text, max(0, first.start - 40), first.start):
            return None
        if not _VERB_AFTER_RE.match(self.text, last.end):
            return None
        return self.text[first.start : last.end]

    def _pair_named(self, lo: int, hi: int, joint: re.Pattern[str] | None = None) -> str | None:
        """ "the Harbor Trust and the Port Office said", "by Jane Doe and the Port Office":
        two mentions joined by "and" that make up the phrase ``[lo, hi)`` speak together,
        named as "the statement" of two bodies is (see ``_issuer``)."""
        i = bisect.bisect_left(self.starts, lo)
        pair = self.mentions[i : i + 2]
        if len(pair) != 2 or pair[1].end > hi or self.text[pair[1].end : hi].strip(" .'\u2019s"):
            return None
        first, second = pair
        if self.text[lo : first.start].strip().lower() not in ("", "the"):
            return None
        if not (joint or _PAIR_AND_RE).fullmatch(self.text, first.end, second.start):
            return None
        names = [self._complete(m.name, m.start) for m in pair]
        return " and ".join(names) if names[0] != names[1] else None

    def _person_named(self, name: str, after: int) -> bool:
        """Whether a PERSON mention named ``name`` starts within 40 characters after ``after``."""
        i = bisect.bisect_left(self.starts, after)
        for m in self.mentions[i : i + 3]:
            if m.start - after > 40:
                break
            if m.label == "PERSON" and m.name == name:
                return True
        return False

    def _named_end(self, start: int, end: int) -> bool:
        """Whether an ORG mention, a person's full name or a person named before ``start``
        ends the phrase [start, end) ("One Harbor News", "a defiant Doe" after Jane Doe)."""
        i = bisect.bisect_left(self.starts, end)
        for m in self.mentions[max(0, i - 3) : i]:
            if m.end != end:
                continue
            if m.label == "ORG":
                before = self.text[start : m.start].split()
                # "a newly formed super PAC": a kind of body, not one (but "One Harbor News")
                return not (m.name.isupper() and before and before[-1][:1].islower())
            words = m.name.split()
            if m.label == "PERSON" and len(words) > 1 and is_given_name(words[0]):
                return True  # "an angry Jane Doe"
            last = words[-1]
            j = bisect.bisect_left(self.starts, start)
            if m.label == "PERSON" and any(
                p.label == "PERSON" and p.name.split()[-1] == last for p in self.mentions[:j]
            ):
                return True  # (only phrases opening with "a"/"one" get here: rare)
        return False

    def _spoken_place(self, name: str) -> bool:
        """Whether a speaker's name is a place ("Turkey said"): a LOC entity of the text or
        one word that is a place or a people (cheaper than ``_place`` on every name)."""
        if self._places is None:
            self._places = frozenset(e.text for e in self._entities if e.label == "LOC")
        return name in self._places or (" " not in name and place_or_people(name))

    def _addressee(self, before: int) -> str | None:
        """ "Doe writes to Roe. He responds": the person the sentence before spoke to."""
        opening = _sentence_start(self.text, max(0, before - 2))
        found = None
        for m in _SPOKE_TO_RE.finditer(self.text, opening, before):
            found = m
        if found is None:
            return None
        i = bisect.bisect_left(self.starts, found.start("to"))
        for m in self.mentions[i:]:
            if m.start >= found.end("to") or m.start >= before:
                break
            if m.label == "PERSON":
                return self._complete(m.name, m.start)
        return None

    def _place(self, words: str) -> bool:
        """Whether ``words`` name a place ("Maine", "Akron, Ohio"): a LOC entity of the text, or
        every word a place, country or people's name."""
        if self._places is None:
            self._places = frozenset(e.text for e in self._entities if e.label == "LOC")
        if words in self._places:
            return True
        return all(place_or_people(w.strip(",.")) for w in words.split())

    def _described_at(self, described: re.Match[str], apposition: str, speaker) -> str | None:
        """ "the senator from Maine": the person an apposition names, else the office holder
        or the person the description stands for; one of several ("a woman in Akron",
        "officials in Ohio"): unnamed."""
        apposition = apposition.strip()
        if apposition and (self._place(apposition) or STATE_RE.fullmatch(apposition)):
            apposition = ""  # "a woman in Dover, Delaware": the town's state, not a name
        named = proper_name(apposition) if apposition else None
        if named:
            return self._complete(named, speaker[0])
        if described.group("det").lower() != "the" or described.group("plural"):
            return None
        noun = described.group("noun").lower()
        if noun in _OFFICES:
            mods = frozenset(described.group("mods").lower().split())
            places = frozenset(described.group("place").lower().replace(",", " ").split())
            office = Office((noun,), bool(mods & _FORMER), (mods - _FORMER) | places)
            return self._office_holder(office, speaker[0])
        return self._resolve_definite(noun, speaker[0])

    def _named_after(self, noun: str, after: int) -> str | None:
        """The person a description of a ``noun`` ("the doctor", "her lawyer") is named as
        later in its paragraph: "signed by Dr. Jane Roe", "doctor Jane Roe", "Jane Roe, his
        doctor"."""
        if noun not in PERSON_NOUNS or noun in ANONYMOUS_NOUNS:
            return None
        end = self.text.find("\n", after)
        end = min(after + 500, len(self.text) if end < 0 else end)
        role_re = _named_role_pattern(noun)
        i = bisect.bisect_left(self.starts, after)
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.label != "PERSON":
                continue
            lead = self.text[max(after, m.start - 40) : m.start]
            if _CREDITED_TO_RE.search(lead) or role_re.search(lead):
                return self._complete(m.name, m.start)
            if _appositive_pattern(noun).match(self.text, m.end, end):
                return self._complete(m.name, m.start)
        return None

    def _org_spanning(self, lo: int, hi: int) -> Mention | None:
        """The ORG mention that is the whole phrase ``[lo, hi)`` (bar a leading "The"): a
        firm whose first word is a title ("General Electric") is named whole."""
        i = bisect.bisect_left(self.starts, lo)
        for m in self.mentions[i : i + 2]:
            if m.label == "ORG" and m.end == hi and (
                m.start == lo or self.text[lo : m.start] in ("The ", "the ")
            ):
                return m
        return None

    def _person_of(self, lo: int, hi: int) -> Mention | None:
        """The PERSON mention followed by "of"/"from" + a capitalised name in ``[lo, hi)``,
        with at most a title before it ("Mr. Doe of the Harbor Trust")."""
        if " of " not in self.text[lo:hi] and " from " not in self.text[lo:hi]:
            return None
        i = bisect.bisect_left(self.starts, lo)
        for m in self.mentions[i:]:
            if m.start >= hi:
                break
            if m.label != "PERSON":
                continue
            if not _PERSON_OF_RE.match(self.text, m.end, hi):
                return None
            lead = self.text[lo : m.start].split()
            if all(w[:1].isupper() or w.rstrip(".").lower() in _TITLE_WORDS for w in lead):
                return m  # "Mr. Doe of ...", "Senate Republican Leader Jane Doe of Ohio"
            return None
        return None

    def _org_of(self, lo: int, hi: int, tail: str | None) -> Mention | None:
        """The ORG mention "X of ``tail``" (or "for", "and") that ends the phrase ``[lo, hi)``
        ("the Bank of Dover", "the Institute for Fiscal Studies", "Doe Upham and Co"): named
        whole, where the phrase's last capitalised words give only ``tail``."""
        if tail is None:
            return None
        i = bisect.bisect_left(self.starts, lo)
        for m in self.mentions[i:]:
            if m.start >= hi:
                break
            if (
                m.label == "ORG"
                and m.name.endswith((" of " + tail, " for " + tail, " and " + tail, " & " + tail))
                and not self.text[m.end : hi].strip()
            ):
                return m
        return None

    def _org_cut(self, hi: int) -> Mention | None:
        """The ORG mention the phrase ending at ``hi`` stops inside ("a spokeswoman for the
        Department" of "the Department for Trade said"): the body named whole."""
        i = bisect.bisect_left(self.starts, hi) - 1
        if i < 0:
            return None
        m = self.mentions[i]
        inside = m.label == "ORG" and m.start < hi < m.end
        return m if inside and self.text.startswith((" for ", " of "), hi) else None

    def _person_inside(self, lo: int, hi: int) -> Mention | None:
        """The last PERSON mention of two or more words ending the phrase ``[lo, hi)``."""
        i = bisect.bisect_left(self.starts, lo)
        found = None
        for m in self.mentions[i:]:
            if m.start >= hi:
                break
            if m.label == "PERSON" and m.end <= hi and " " in m.name:
                found = m
        if found is None or self.text[found.end : hi].strip(" .'\u2019s"):
            return None
        return found

    def nearest_person(self, speaker: tuple[int, int]) -> str | None:
        """The person "he"/"she" at ``speaker`` refers to, without recording a speaker."""
        pronoun = self.text[speaker[0] : speaker[1]].strip().lower()
        return self._nearest(speaker[0], {"PERSON"}, PRONOUNS.get(pronoun))

    def _issuer(self, before: int) -> str | None:
        """ "the statement said" after "a joint statement released by A and B": A and B (the
        PERSON/ORG mentions of the last such phrase before the quote)."""
        found = None
        for m in _ISSUED_BY_RE.finditer(self.text, max(0, before - 3000), before):
            found = m
        if found is None:
            return None
        lo, hi = found.span("by")
        i = bisect.bisect_left(self.starts, lo)
        names: list[str] = []
        for m in self.mentions[i:]:
            if m.start >= hi:
                break
            if m.end <= hi and m.name not in names:
                names.append(m.name)
        return " and ".join(names) if names else None

    def _owner(self, noun: str, before: int) -> str | None:
        """ "the plan would" after "Jane Doe's 10-year plan": Doe (the last person or
        organisation named as the owner of such a thing in the 1,500 characters before)."""
        owned_re = _owned_pattern(noun)
        for m in reversed(self._fitting(before, {"PERSON", "ORG"})):
            if m.start < before - 1500:
                break
            owner_end = m.end - 2 if self.text[m.end - 2 : m.end] in ("'s", "\u2019s") else m.end
            if owned_re.match(self.text, owner_end, before):
                return self._complete(m.name, m.start)
        return None

    def _sender(self, noun: str, before: int) -> str | None:
        """ "read the email" after "Doe's campaign sent out a fundraising email": Doe (the
        subject of the last sentence that sent or released such a document); "the complaint
        alleged" after "Doe's campaign sued the city" or "filed a complaint": Doe."""
        sent_re = _sent_pattern(noun)
        found = None
        for m in sent_re.finditer(self.text, max(0, before - 1500), before):
            found = m
        if found is None:
            return None
        opening = _sentence_start(self.text, found.start())
        lead = _LEAD_RE.match(self.text, opening, found.start())
        lo, hi = (lead.end() if lead else opening), found.start()
        i = bisect.bisect_left(self.starts, lo)
        before = [m for m in self.mentions[i:] if m.end <= hi]
        if before and _SUBJECT_GAP_RE.fullmatch(self.text, before[-1].end, hi):
            # "The Ledger said Doe provided a statement", "Doe left, the Ledger said in a
            # statement": the name right before the verb is its subject
            return self._complete(before[-1].name, before[-1].start)
        if _NAME_BEFORE_VERB_RE.search(self.text, lo, hi):
            return None  # "Doe left the company, Harborco said in a statement": not Doe
        if before:
            return self._complete(before[0].name, lo)
        owner = _OWNER_PRONOUN_RE.match(self.text, lo, hi)
        if owner is None:
            return None
        sex = {"his": "m", "her": "f"}.get(owner.group(1).lower())
        return self._nearest(lo, {"PERSON", "ORG"} if sex is None else {"PERSON"}, sex)

    def _resolve_definite(self, noun: str, before: int) -> str | None:
        """'the senator' -> nearest PERSON; 'the campaign' -> nearest ORG. Plurals ("the
        governors") and anonymous roles ("the source", "the official") stay unnamed."""
        if noun in ANONYMOUS_NOUNS:
            return None
        if noun in PERSON_NOUNS:  # "the host": often the person just named, not the subject
            return self._described_person(noun, before)
        if noun in _MEDIA_NOUNS:
            # "Factwatch examined the claim. The news service pointed to ...": an outlet the
            # recognizer missed, the subject of the sentence before, over one named earlier
            found = self._unlabelled_subject(before)
            if found is not None:
                return found
        if noun in ORG_NOUNS or noun in _MEDIA_NOUNS:
            return self._nearest_org(noun, before)
        return None

    def _described_person(self, noun: str, before: int) -> str | None:
        """ "the governor": one the article gave that role, else the person the description
        stands for (the nearest, or the topic where it opens its sentence); unnamed after an
        unnamed one ("A senior adviser said ... the adviser added")."""
        found = self._fitting(before, {"PERSON"})
        # "Gov. Jane Doe ... the governor said": one the article gave that role first.
        roled = self._with_role(noun, before)
        with_role = [m for m in found if self._complete(m.name, m.start) in roled]
        if not with_role and self._unnamed_since(before, noun):
            return None
        after_quotation = _AFTER_QUOTATION_RE.search(self.text, before - 6, before)
        if not with_role and (self._opens_sentence(before) or after_quotation):
            # "In an interview with Roe, the candidate said", '"...," the nominee said': a
            # description leading its sentence or right after a quotation continues the
            # topic, found as "he" or "she" would be (not the last name of the sentence
            # before: "Doe said Roe should have phoned him. "...," the nominee said")
            return self._nearest(before, {"PERSON"})
        found = with_role or found
        best = max(found, key=lambda m: m.end) if found else None
        return self._complete(best.name, best.start) if best else None

    def _unlabelled_subject(self, before: int) -> str | None:
        """The one capitalised word opening the sentence before the one at ``before`` ("Factwatch
        (which ...) rated it"), when no PERSON or ORG mention is there."""
        opening, body = self._sentence_parts(before)
        if body >= before:  # the description opens its sentence: the one before
            if opening < 2:
                return None
            body = self._sentence_parts(opening - 1)[1]
        m = _LONE_SUBJECT_RE.match(self.text, body, before)
        if m is None or m.group(1).lower() in _NOT_NAMES or self._written_lower(m.group(1).lower()):
            return None
        i = bisect.bisect_left(self.starts, body)
        if i < len(self.mentions) and self.mentions[i].start < m.end(1):
            return None
        return m.group(1)

    def _office_holder(self, office: Office, before: int) -> str | None:
        """ "the former secretary of state", "the independent Vermont senator": the person the
        article gave that office before ``before`` ("Sen. Jane Doe", "Jane Doe, the senator
        from Ohio"), a current holder over a former one unless the description says
        "former", then the one matching more of its modifiers, then the most mentioned. No
        holder: None after the quotation (the nearest person is too often someone else)."""
        pre_re, post_re = _office_patterns(office)
        i = bisect.bisect_left(self.starts, before)
        holders: dict[str, tuple[bool, int]] = {}
        states = {_STATES[w] for w in office.modifiers if w in _STATES}
        for k, m in enumerate(self.mentions[:i]):
            if m.label != "PERSON":
                continue
            pre = pre_re.search(self.text, max(0, m.start - 80), m.start)
            post = post_re.match(self.text, m.end, min(before, m.end + 120))
            if (pre or post) and states and self._other_state(m, before, states):
                continue  # "Sen. Jane Doe (I-Vt.)" is not "the Florida senator"
            near: set[str] = set()
            if (pre or post) and office.modifiers:
                # "Sen. Jane Doe (D-Ohio)" for "the Ohio senator": the place beside the name
                near = self._near_words(m, self.mentions, k, before) & office.modifiers
            for found in (pre, post):
                if found is None:
                    continue
                words = set(re.findall(r"[\w-]+", found.group().lower())) | near
                former = bool(words & _FORMER)
                fit = (former == office.former, len(words & office.modifiers))
                name = self._complete(m.name, m.start)
                holders[name] = max(holders.get(name, fit), fit)
        for sp in self.speakers:
            # "the independent Ohio senator said" resolved earlier: a later "the senator"
            # is the same person.
            words = set(re.findall(r"[\w-]+", self.text[sp.start : sp.end].lower()))
            if states and {_STATES[w] for w in words if w in _STATES} - states:
                continue  # "Doe, the senator from Vermont" said before "the Florida senator"
            if sp.end <= before and office.words[0] in words and sp.name not in holders:
                holders[sp.name] = (bool(words & _FORMER) == office.former, 0)
        if not holders:
            # "Jane Doe called for calm. The mayor said ...": a description leading its
            # sentence continues the topic, as "he" or "she" would.
            if self._opens_sentence(before) or (
                office.modifiers and all(place_or_people(w) for w in office.modifiers)
            ):
                # "the Vermont senator said": an office at a place stands for the person
                # last written about, as "he" does
                return self._nearest(before, {"PERSON"})
            return None
        counts = Counter(m.name for m in self.mentions[:i] if m.label == "PERSON")
        return max(holders, key=lambda n: (holders[n], counts[n] + counts[n.split()[-1]]))

    def _other_state(self, m: Mention, before: int, states: set[str]) -> bool:
        """Whether the words beside the mention ``m`` in its sentence name a US state and none
        of ``states`` ("Sen. Jane Doe (I-Vt.)", "Doe, the senator from Vermont", beside "the
        Florida senator")."""
        words = re.findall(r"[a-z]+", self._near_text(m, [], 0, before))
        near = {_STATES[w] for w in words if w in _STATES}
        return bool(near) and not near & states

    def _with_role(self, noun: str, before: int) -> set[str]:
        """Names of people mentioned before ``before`` right after the role word ``noun``
        ("Gov. Jane Doe", "talk-show hosts Jane Doe") or with it in an apposition ("Jane Doe,
        the state's governor")."""
        role = _ROLE_ABBREVIATIONS.get(noun)
        words = [noun, noun + "s"] + ([role] if role else [])
        before_re = re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")\.?\s+$", re.IGNORECASE)
        after_re = re.compile(
            r",\s+(?:the|a|an|its|their|his|her)\s+(?:[\w'\u2019-]+\s+){0,4}?"
            + "(?i:"
            + re.escape(noun)
            + r")\b"
        )
        i = bisect.bisect_left(self.starts, before)
        names = set()
        for m in self.mentions[:i]:
            if m.label != "PERSON":
                continue
            if before_re.search(self.text, max(0, m.start - 20), m.start) or after_re.match(
                self.text, m.end, min(before, m.end + 80)
            ):
                names.add(self._complete(m.name, m.start))
        return names

    def _roled(
        self, noun: str, before: int, fitting: list[Mention], described: Sequence[str] = ()
    ) -> str | None:
        """The latest of ``fitting`` the article gave the role ``noun`` ("front-runner Jane
        Doe", "Jane Doe, the party's front-runner"), the latest of ``described`` among them
        first ("the Ohio senator": the senator from Ohio, not a later one), else None."""
        roled = self._with_role(noun, before)
        if not roled:
            return None
        for name in reversed(described):
            if name in roled:
                return name
        for m in reversed(fitting):
            name = self._complete(m.name, m.start)
            if name in roled:
                return name
        return None

    def _described(self, mods: list[str], fitting: list[Mention], before: int) -> list[str]:
        """Names of the people of ``fitting`` (in order) with every one of the capitalised
        modifiers ``mods`` of a description next to their mention: "Ohio preacher Jane Doe"
        for "the Ohio leader"."""
        if not mods:
            return []
        wanted = {w.lower() for w in mods}
        found: list[str] = []
        for k, m in enumerate(fitting):
            if wanted <= self._near_words(m, fitting, k, before):
                name = self._complete(m.name, m.start)
                if name in found:
                    found.remove(name)
                found.append(name)
        return found

    def _of_party(
        self, name: str | None, party: set[str], fitting: list[Mention], before: int
    ) -> str | None:
        """``name``, unless the article gives that person another party than the description
        ("Democratic rival Jane Doe ... the Republican nominee said"): then the last of
        ``fitting`` it gives the description's party, else no one (a party is no speaker)."""
        if not party or name is None:
            return name
        known: dict[str, set[str]] = {}
        for k, m in enumerate(fitting):
            if m.label == "PERSON":
                lo = fitting[k - 1].end if k else 0
                # (the description itself, "Doe, the Democratic nominee, said", gives no one)
                hi = min(fitting[k + 1].start if k + 1 < len(fitting) else before, before)
                known.setdefault(self._complete(m.name, m.start), set()).update(
                    self._party_at(m, lo, hi)
                )
        own = known.get(name)
        if own and own & party:
            return name
        for m in reversed(fitting):
            other = self._complete(m.name, m.start) if m.label == "PERSON" else None
            if other is not None and known.get(other, set()) & party:
                # (also over a nearest of no known party: "Jane Doe, the Democratic nominee,
                # ... Tom Roe ... the Democratic nominee said" is Doe)
                return other
        return None if own else name

    def _party_at(self, m: Mention, lo: int, hi: int) -> set[str]:
        """The parties the words of a mention, the few right before it (after ``lo``, in its
        sentence, outside quotations), a tag or a description after it (before ``hi``) give
        the person: "Republican rival Jane Doe", "the Tory leader", "Doe (D-Ohio)", "Jane Doe,
        the Democratic nominee,", "Doe spoke as the Democratic nominee"."""
        lo = max(lo, m.start - 40)
        for stop in _SENTENCE_STOP_RE.finditer(self.text, lo, m.start):
            lo = stop.end()
        before = _AFTER_QUOTE_MARK_RE.split(self.text[lo : m.start])[-1]
        found = _parties(before.split()[-4:] + self.text[m.start : m.end].split())
        tag = _PARTY_TAG_RE.match(self.text, m.end)
        if tag is not None:
            found.add(tag.group(1))
        described = _DESCRIBED_AFTER_RE.match(self.text, m.end, max(m.end, hi))
        if described is not None:
            found |= _parties(described.group().split())
        return found

    def _nearest_described(self, before: int, described: list[str]) -> str | None:
        """The person last written about, as "he" would be, unless the article described
        others by the description's modifiers and not this one: then the last of those
        ("Ohio preacher Jane Doe. Tom Roe spoke. The Ohio leader said": Jane Doe)."""
        nearest = self._nearest(before, {"PERSON"})
        if not described or nearest in described:
            return nearest
        return described[-1]

    def _near_words(self, m: Mention, others: list[Mention], k: int, before: int) -> set[str]:
        """The lower-cased words of ``_near_text`` ("Senator Jane Doe of Ohio", "Sen. Jane Doe
        (D-Ohio)")."""
        return set(re.findall(r"[\w']+", self._near_text(m, others, k, before)))

    def _near_text(self, m: Mention, others: list[Mention], k: int, before: int) -> str:
        """The lower-cased text next to the mention ``m`` (``others[k]``, if there): in its
        sentence, within 60 characters, before the next or after the last other name and
        before ``before``."""
        lo, hi = max(0, m.start - 60), min(before, m.end + 60)
        if k < len(others) and others[k] is m:
            lo = max(lo, others[k - 1].end if k else 0)
            hi = min(hi, others[k + 1].start if k + 1 < len(others) else hi)
        for stop in _SENTENCE_STOP_RE.finditer(self.text, lo, m.start):
            lo = stop.end()
        stop = _SENTENCE_STOP_RE.search(self.text, m.end, hi)
        return self.text[lo : stop.start() if stop else hi].lower()

    def _nearest(self, before: int, labels: set[str], sex: str | None = None) -> str | None:
        """Name of the subject of the closest sentence with a fitting mention before ``before``.

        "Ted Cruz drew contrasts with Jane Roe. He said ..." -> Ted Cruz: in each sentence,
        back from the pronoun (paragraph breaks crossed), the first fitting mention after any
        lead-in clause ("As for Roe's plan, Cruz said") is the sentence's subject far more
        often than the object nearer the pronoun. Earlier speakers count as mentions. With
        ``sex`` ("m" for "he", "f" for "she"), names of the other sex are passed over.
        """
        found = self._fitting(before, labels)
        fits = self._sex_filter(found, sex) if sex else _anyone
        if not any(fits(m) for m in reversed(found)):
            return None
        pos = before
        for turn in range(5):
            opening, body = self._sentence_parts(pos)
            # "He said Roe ...": the subject is a pronoun: its antecedent is further back.
            opener = _PRONOUN_OPENING_RE.match(self.text, body)
            # "He was joined by Jane Roe. She said": a pronoun of the other sex leading the
            # sentence is not the one sought; the person it leaves is.
            pronoun = opener is not None and (
                sex is None or PRONOUNS.get(opener.group().lower(), sex) == sex
            )
            inside = [m for m in found if body <= m.start and m.end <= pos and fits(m)]
            if sex and inside and not pronoun and self._sex(inside[0]) is None:
                # "It isn't as if she hasn't backed one - she was a booster of Mitt Roe":
                # the sought pronoun before a name of unknown sex is the sentence's subject
                pronoun = _SEX_PRONOUN_RE[sex].search(self.text, body, inside[0].start) is not None
            # "Doe's plan ..., Roe said": an owner is not the subject when another name is.
            inside = [m for m in inside if not self._possessive(m)] or inside
            # "A loyal Doe supporter, Roe said": a name modifying a noun is not the subject
            inside = [m for m in inside if not self._modifier(m)] or inside
            # "On another topic, Mr. Roe, Mr. Doe was asked": the name set off by commas
            # closes the lead-in; the one right after it is the subject.
            while len(inside) > 1 and _APPOSED_RE.fullmatch(
                self.text, inside[0].end, inside[1].start
            ):
                inside = inside[1:]
            if inside and not pronoun:
                # '"...," Roe said of Doe. She added': the one who spoke leads the sentence.
                spoke = [m for m in inside if any(m is s for s in self.speakers)]
                best = (spoke or inside)[0]
                if (
                    not spoke
                    and len(inside) > 1
                    and inside[0] is best
                    and _ASKED_OBJECT_RE.fullmatch(self.text, best.end, inside[1].start)
                    and not _ASKING_AFTER_RE.match(self.text, before)
                ):
                    # "Quillon asked Renwick whether he would run. "I might," he said": the
                    # one asked answers
                    best = inside[1]
                self._chosen = best
                return self._complete(best.name, best.start)
            # "Asked about Roe's plan, she said": a name in the pronoun's own lead-in clause
            # is not what the pronoun stands for.
            lead_in = [m for m in found if opening <= m.start < body and fits(m)] if turn else []
            if lead_in and not pronoun:
                best = lead_in[-1]
                self._chosen = best
                return self._complete(best.name, best.start)
            if opening == 0:
                break
            pos = opening
            while pos > 0 and (pos == opening or self.text[pos - 1].isspace()):
                pos -= 1
        best = max((m for m in found if fits(m)), key=lambda m: m.end)
        self._chosen = best
        return self._complete(best.name, best.start)

    def _sex_filter(self, found: list[Mention], sex: str) -> Callable[[Mention], bool]:
        """Whether a mention of ``found`` may be the "he" or "she" of ``sex``: of that sex or
        of none, and no name after "the" ("The Ledger reported"). Asked only of the mentions
        ``_nearest`` looks at, not all in its reach; what ``_sex`` remembers is settled now
        all the same where it could change later (a lone surname, completed from the
        speakers so far; the article's own pronouns, read on the first call)."""
        if found:
            self._pronoun_sex()
        for m in found:
            if " " not in m.name and m.name:
                self._sex(m)
        text = self.text
        return lambda m: (
            self._sex(m) in (None, sex) and text[max(0, m.start - 4) : m.start] not in _THE
        )

    def _opens_sentence(self, pos: int) -> bool:
        """True when ``pos`` is where its sentence's body starts (after any lead-in); the
        sentence is looked up one character on, so a sentence starting at ``pos`` counts."""
        return self._sentence_parts(min(pos + 1, len(self.text)))[1] == pos

    def _sentence_parts(self, pos: int) -> tuple[int, int]:
        """(start, body start) of the sentence holding ``pos``: the start taken outside any
        quotation, the body after its lead-in ("On Monday,"). Remembered: a pronoun's search
        goes back through the same sentences as the one before it."""
        parts = self._parts.get(pos)
        if parts is None:
            opening = self._outside_quotes(_sentence_start(self.text, pos))
            lead = _LEAD_RE.match(self.text, opening, pos)
            parts = self._parts[pos] = (opening, lead.end() if lead else opening)
        return parts

    def _outside_quotes(self, pos: int) -> int:
        """A sentence start inside a quotation moves to the quotation's start: sentences the
        speaker spoke are not the reporter's ('"He's fun," the host said.')."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self._quotes[i][0] < pos < self._quotes[i][1]:
            return self._quotes[i][0]
        return pos

    def _modifier(self, mention: Mention) -> bool:
        """True for a name modifying the noun of a noun phrase: "an avid Doe supporter", "the
        Doe campaign"."""
        m = _NOUN_AFTER_RE.match(self.text, mention.end)
        if m is None:
            return False
        noun = m.group(1).lower()
        if noun not in _BACKER_NOUNS and noun not in PERSON_NOUNS and noun[:-1] not in PERSON_NOUNS:
            return False
        if _CAPITAL_NEXT_RE.match(self.text, m.end()):
            return True  # "Doe spokesman Ben Roe said": the role of the name after it
        return (
            _DETERMINER_BEFORE_RE.search(self.text, max(0, mention.start - 40), mention.start)
            is not None
        )

    def _possessive(self, mention: Mention) -> bool:
        """True for "Doe's" (the mention or the text right after it ends in 's)."""
        after = self.text[mention.end - 2 : mention.end + 2]
        return _POSSESSIVE_RE.search(after) is not None

    def _sex(self, mention: Mention) -> str | None:
        """The sex a mention's (completed) given name or courtesy title implies, if any; the
        article's own "he" or "she" for the person overrules the given name."""
        key = (mention.start, mention.name)
        if key in self._sex_of:  # asked again for every pronoun nearby
            return self._sex_of[key]
        name = self._complete(mention.name, mention.start)
        said = self._pronoun_sex().get(name)
        if said is None:
            said = gender.of_name(name, self.text[max(0, mention.start - 6) : mention.start])
        self._sex_of[key] = said
        return said

    def _one_of_sex(self, sex: str, lo: int, hi: int) -> bool:
        """True when a person whose name implies ``sex`` is mentioned in [lo, hi)."""
        i = bisect.bisect_left(self.starts, max(0, lo))
        for k in range(i, len(self.mentions)):
            x = self.mentions[k]
            if x.start >= hi:
                break
            if x.label == "PERSON" and self._name_sex(k) == sex:
                return True
        return False

    def _name_sex(self, k: int) -> str | None:
        """The sex the given name or title of mention ``k`` implies (asked for every
        sentence-opening pronoun in the 400 characters after it)."""
        if k not in self._name_sex_of:
            x = self.mentions[k]
            name = self._complete(x.name, x.start)
            self._name_sex_of[k] = gender.of_name(name, self.text[max(0, x.start - 6) : x.start])
        return self._name_sex_of[k]

    def _pronoun_sex(self) -> dict[str, str]:
        """Name -> "m" or "f" where the article refers to that person as "he" or "she":
        a sentence opening with the pronoun right after a sentence naming only that person
        ("Jane Doe disagreed. She said ...": the person is its subject), and never the other
        pronoun so."""
        if self._sexes is None:
            votes: dict[str, set[str]] = {}
            for m in _SENTENCE_PRONOUN_RE.finditer(self.text):
                pos = m.start("p")
                if _inside(pos, self._quotes, self._quote_starts):
                    continue
                prev_end = m.start("p") - len(m.group("gap"))
                opening, body = self._sentence_parts(prev_end)
                i = bisect.bisect_left(self.starts, body)
                j = bisect.bisect_left(self.starts, prev_end)
                people = [x for x in self.mentions[i:j] if x.label == "PERSON"]
                names = {self._complete(x.name, x.start) for x in people}
                said = PRONOUNS[m.group("p").lower()]
                if (
                    len(names) == 1
                    and _TITLES_ONLY_RE.fullmatch(self.text, body, people[0].start)
                    and not self._one_of_sex(said, body - 400, body)
                ):
                    # the one person named leads that sentence, and no one just before has
                    # a name of that sex the pronoun could stand for
                    votes.setdefault(names.pop(), set()).add(said)
            self._sexes = {name: next(iter(v)) for name, v in votes.items() if len(v) == 1}
        return self._sexes

    def _nearest_org(self, noun: str, before: int) -> str | None:
        """ "the committee" -> the closest organisation named "... Committee"; "the company",
        "the group" -> the closest organisation."""
        found = self._fitting(before, {"ORG"})
        if noun in _ANY_ORG and found:
            # (not "telling Channel 9 that": whom the group told)
            speaking = [
                m for m in found if not _TOLD_BEFORE_RE.search(self.text, m.start - 20, m.start)
            ]
            return self._topic_org(speaking or found)
        for m in reversed(found):
            words = m.name.lower().split()
            if noun in words:
                return m.name
            if noun in _MEDIA_NOUNS and _MEDIA_WORDS.intersection(words):
                return m.name  # "the newspaper" -> "The Daily Example"
        # "the office" after "the Federal Example Office" long before: a name with the noun
        # in it stays the one meant however far back it was (a company or group does not).
        i = bisect.bisect_left(self.starts, before)
        for m in reversed(self.mentions[:i]):
            if m.label == "ORG" and m.end <= before and noun in m.name.lower().split():
                return m.name
        return None

    def _topic_org(self, found: list[Mention]) -> str:
        """ "the company said": the nearest organisation, unless it is named just once in the
        passage while another is named more often: then the one the passage is about (the
        label, not a band on it named once; the carmaker, not the agency it told)."""
        counts: dict[str, int] = {}
        for m in found:
            counts[m.name] = counts.get(m.name, 0) + 1
        top = max(counts.values())
        near = found[-1]
        opening = self.text[_sentence_start(self.text, near.start) : near.start].split()
        if counts[near.name] > 1 or top < 2 or len(opening) <= 1:
            return near.name  # the nearest, unless named just once in passing
        return next(m.name for m in reversed(found) if counts[m.name] == top)

    def _fitting(self, before: int, labels: set[str]) -> list[Mention]:
        """Mentions and earlier speakers with one of ``labels`` in the 3,000 characters before
        ``before``, by start."""
        i = bisect.bisect_left(self.starts, before)
        lo = bisect.bisect_left(self.starts, before - 3000)
        found = [m for m in self.mentions[lo:i] if m.label in labels and m.end <= before]
        found += [
            m
            for m in self.speakers
            if m.label in labels and before - 3000 <= m.start and m.end <= before
        ]
        return sorted(found, key=lambda m: (m.start, -m.end))

    def _spelled_before(self, surname: str, before: int) -> str | None:
        """The one full name "Given Surname" (a known given name, never written in lower
        case in the text, no month) the text writes before ``before``, else None."""
        if not surname[:1].isupper() or not surname[1:].islower():
            return None
        if surname not in self._spelled:
            self._spelled[surname] = self._spelled_out(surname)
        fulls = {full for end, full in self._spelled[surname] if end <= before}
        return fulls.pop() if len(fulls) == 1 else None

    def _spelled_out(self, surname: str) -> list[tuple[int, str]]:
        """(end, text) of every "Given Surname" in the text that ``_spelled_before`` admits."""
        found = []
        text = self.text
        # each written surname, and the given name (and initial) right before it: a substring
        # scan, not a regular expression tried at every capitalised word
        for start, _ in find_words(text, [surname]):
            m = _GIVEN_BEFORE_RE.search(text, max(0, start - 40), start)
            if m is None:
                continue
            end = start + len(surname)
            given = m.group(1)
            lead = _WORD_BEFORE_RE.search(self.text, max(0, m.start() - 40), m.start())
            word = lead.group(1).rstrip(".").lower() if lead is not None else "the"
            if word not in _ROLE_WORDS and word not in _LEAD_WORDS and "-" not in word:
                continue  # "New York Times": part of a longer capitalised name
            if (
                given.lower() in _MONTHS
                or not is_given_name(given)
                or self._written_lower(given.lower())
            ):
                continue
            found.append((end, text[m.start() : end]))
        return found

    def _written_lower(self, word: str) -> bool:
        """True when the text writes ``word`` (lower case) as a word of its own: "Rose" is no
        given name in a text about "a rose"."""
        if word not in self._lower:
            self._lower[word] = bool(find_words(self.text, [word]))
        return self._lower[word]

    def _fuller_names(self) -> dict[str, list[tuple[int, str]]]:
        """Last word -> (index in ``mentions``, name) of the person mentions of two words or
        more ending with it, in text order: ``_complete`` runs for every candidate of every
        quotation, and scanning all mentions each time grew with the square of their number."""
        if self._fuller is None:
            self._fuller = {}
            for k, m in enumerate(self.mentions):
                if m.label == "PERSON" and " " in m.name:
                    self._fuller.setdefault(m.name.rsplit(" ", 1)[1], []).append((k, m.name))
        return self._fuller

    def _complete(self, name: str, before: int) -> str:
        """Expand a surname to the fuller earlier mention ending with it ('Trump'). When two
        people share it ("Bill and Hillary Doe"), a bare surname speaking is the one the
        article has named more often so far (a tie leaves it as it is); the two people stay
        apart in the name table."""
        if " " in name or not name:
            return name
        i = bisect.bisect_left(self.starts, before)
        fuller = self._fuller_names().get(name, ())
        n = bisect.bisect_left(fuller, i, key=_INDEX)  # (in text order: those before are a prefix)
        if n and len({full for _, full in fuller[:n]}) == 1:
            return fuller[0][1]  # one fuller name so far: the answer without a count
        counts = Counter(full for _, full in fuller[:n])
        if not counts:
            # "..., explained Jane Doe" where the recognizer missed the person: an earlier
            # speaker's full name completes a later "Doe said".
            counts = Counter(
                m.name for m in self.speakers if m.start < before and m.name.endswith(" " + name)
            )
        if not counts:
            # "... Jane Doe of Dover ... Doe said" where the recognizer missed Jane Doe: a
            # known given name written before the surname earlier in the text.
            return self._spelled_before(name, before) or name
        ranked = counts.most_common(2)
        if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        if ranked:
            # named equally often: the one of them who has spoken already ("Tom Vale
            # said ... Ron Vale ... Vale said": Tom)
            top = {full for full, n in counts.items() if n == ranked[0][1]}
            spoke = Counter(m.name for m in self.speakers if m.start < before and m.name in top)
            said = spoke.most_common(2)
            if len(said) == 1 or (said and said[0][1] > said[1][1]):
                return said[0][0]
        return name


_INDEX = itemgetter(0)

# "George W. Bush": a middle initial ends no sentence.
_INITIAL_RE = re.compile(r"[A-Z]\.")
# (one class opens both branches, "[.!?]...|\n" written "[.!?\n](?:(?<=\n)|...)": re skips in C
# to those characters instead of trying a match at every one; the same matches)
_SENTENCE_END_RE = re.compile(
    r"[.!?\n](?:(?<=\n)|[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(]?[A-Z]))"
)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (a rough cut: "Sen." and "U.S." rarely fall
    between a subject and the mention that follows it)."""
    start = max(0, pos - 400)
    # the last sentence end counts: read from the last one back, the first that is one
    for m in reversed(list(_SENTENCE_END_RE.finditer(text, start, pos))):
        word = text[max(0, m.start() - 4) : m.start() + 1].split()[-1:] or [""]
        if m.group() == "\n" or (
            word[0].rstrip(".").lower() not in _ABBREVIATED and not _INITIAL_RE.fullmatch(word[0])
        ):
            return m.end()
    return start


# Role nouns and the titles that give a person that role ("Gov. Jane Doe" is a governor).
_ROLE_ABBREVIATIONS = {
    "governor": "gov",
    "senator": "sen",
    "congressman": "rep",
    "congresswoman": "rep",
    "representative": "rep",
    "president": "pres",
    "general": "gen",
    "professor": "prof",
    "doctor": "dr",
}
# "his campaign sent ...": the campaign speaks for the one "his" stands for.
_OWNER_PRONOUN_RE = re.compile(r"(his|her|their)\s+(?:[\w-]+\s+){0,2}?campaign\b", re.I)
# "Doe's campaign", "his re-election campaign": a candidate's camp, speaking for the candidate.
_CAMP_RE = re.compile(
    r"(?:[Tt]he\s+(?=[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s+campaign\b))?"
    r"(?P<owner>[Hh]is|[Hh]er|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?=['\u2019]s\s|\s+campaign\b))(?:['\u2019]s)?\s+(?:[a-z-]+\s+){0,2}?campaign\b"
)  # "The Doe campaign" too


def _camp_member(word: str) -> bool:
    """ "campaign manager", "campaign co-chair": someone of the camp, not the camp."""
    word = word.strip(",.").lower()
    return word in _ROLE_WORDS or word in PERSON_NOUNS or word.rstrip("s") in PERSON_NOUNS


# "the man who ...", "the woman whose ...": a description of someone already named.
_EPITHET_NOUNS = {"man": "m", "woman": "f"}
# Sports roles, as "the Rovers boss", "the Ruritania striker"
_PLAYER_NOUNS = word_set(
    "boss coach striker midfielder defender goalkeeper keeper winger forward player skipper "
    "batsman bowler jockey"
)
# "the 54-year-old", "the 23-year-old midfielder": a person by age
_AGED_RE = re.compile(r"the\s+\d{1,3}-year-old(?:\s+[a-z][\w-]*)?", re.I)
_WHO_AFTER_RE = re.compile(r"\s+(?:who|whose)\b")
_APPOSED_RE = re.compile(r",\s*(?:[A-Z][a-z]{1,3}\.\s+)?")
# A given name (and a middle initial) ending where a surname starts: "Jane Doe", "Jane Q. Doe".
_GIVEN_BEFORE_RE = re.compile(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?\Z")
_WORD_BEFORE_RE = re.compile(r"(?<![\w.'\u2019-])([A-Z][\w.'\u2019-]*)\s$")
_LEAD_WORDS = word_set("the a an whip leader editor publisher host anchor")
_MONTHS = word_set("january february march april may june july august september october")
_CAPITAL_NEXT_RE = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")
_NOUN_AFTER_RE = re.compile(r"\s+([a-z][a-z-]+)\b")
_DETERMINER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_BACKER_NOUNS = word_set(
    "supporter supporters backer backers fan fans voter voters loyalist loyalists ally allies "
    "critic critics surrogate surrogates campaign camp administration donor donors delegate "
    "delegates volunteer volunteers"
)
_POSSESSIVE_RE = re.compile(r"['\u2019]s?(?:\b|$)")
_MEDIA_NOUNS = word_set("newspaper paper magazine outlet website site service")
_LONE_SUBJECT_RE = re.compile(r"([A-Z][a-z]+[A-Z]?[a-z]+)(?=\s+(?:\(|[a-z]+(?:ed|s)\b))")
_MEDIA_WORDS = word_set(
    """journal times post news herald tribune gazette daily magazine press review chronicle
    telegraph guardian observer examiner inquirer register courier dispatch sun star globe
    mail express standard record bulletin weekly monthly"""
)
_AFTER_QUOTATION_RE = re.compile(r"[,!?]?[\"\u201d\u2019]\s+$")
_ANY_ORG = word_set("company firm group organization organisation agency")
_TOLD_BEFORE_RE = re.compile(r"\b(?:told|tells|telling|tell)\s+(?:the\s+)?$")
_AND_RE = re.compile(r"\s+and\s+")


def _anyone(m: Mention) -> bool:
    """Every mention fits a pronoun of no sex."""
    return True


_PAIR_AND_RE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
# "Jane Doe and her husband, Tom Roe,": the second of a pair named in apposition
PARTNER_AND_RE = re.compile(r"\s+and\s+(?:his|her|their)\s+[a-z]+(?:\s+[a-z]+)?,\s+")
# before a pair that opens a sentence: start of text, a sentence end or a line break, and
# at most two capitalised words ("Senators", "Former Gov.")
_SENTENCE_OPEN_RE = re.compile(r"(?:^|[.!?][\"\u201d\u2019]?\s+|\n\s*)(?:[A-Z][\w.-]*\s+){0,2}$")
_VERB_AFTER_RE = re.compile(r"(?:,[^,\n]{1,80},)?\s+(?:both\s+|also\s+|jointly\s+)?[a-z]+")
_SEX_PRONOUN_RE = {
    "m": re.compile(r"(?<![\w'\u2019])[Hh]e\b"),
    "f": re.compile(r"(?<![\w'\u2019])[Ss]he\b"),
}
_PRONOUN_OPENING_RE = re.compile(r"(?:He|She|They|he|she|they)\b")
# "Doe of the Harbor Trust", "Doe from Ohio": the rest of a speaker phrase after a person.
_PERSON_OF_RE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z]")
# "Doe asked Roe", "Doe pressed Roe": the verb between an asker and the one who answers.
_ASKED_OBJECT_RE = re.compile(
    r"\s+(?:then\s+|later\s+|also\s+)?(?:asked|pressed|questioned|interviewed|quizzed|grilled)\s+"
)
# '"...?" he asked': the pronoun's own cue asks, so it stands for the asker.
_ASKING_AFTER_RE = re.compile(
    r"\w+\s+(?:then\s+|also\s+|again\s+)?(?:asked|asks|wondered|inquired|pressed|continued|"
    r"followed|added|interjected|interrupted)\b"
)
_THE = ("the ", "The ")
_TITLES_ONLY_RE = re.compile(r"(?:[A-Z][\w.-]*\s+){0,3}")
_SENTENCE_PRONOUN_RE = re.compile(r"[.!?](?P<gap>[\"\u201d\u2019)]*\s+)(?P<p>He|She)\b")
_ABBREVIATED = word_set("mr mrs ms dr sen rep gov gen st jr sr lt col u.s u.n d.c")
# a sentence's end, not a title's dot ("Sen.", "Capt.")
_SENTENCE_STOP_RE = re.compile(
    r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})[.!?]\s|\n"
)
_PARTY_MODIFIERS = word_set("Democratic Republican Democrat GOP Conservative Labour Liberal")
# Capitalised party words, each as its party's key ("GOP" is the Republicans' too).
_PARTY_KEYS = {
    "Republican": "R",
    "GOP": "R",
    "Democratic": "D",
    "Democrat": "D",
    "Labour": "Lab",
    "Conservative": "Con",
    "Tory": "Con",
}
_AFTER_QUOTE_MARK_RE = re.compile('["\u201c\u201d]')
# "Jane Doe, the Democratic nominee", "Doe spoke as the Democratic nominee": a description
_DESCRIBED_AFTER_RE = re.compile(
    r"(?:,\s+|[^;:.!?\"\u201c\u201d\n]{0,50}?\s+as\s+)(?:the|a|an)\s+[^,;:.!?\"\u201c\u201d\n]{1,50}"
)
_PARTY_TAG_RE = re.compile(r"\s*\(([DR])-[A-Z]")  # "Jane Doe (R-Ohio)"


def _parties(words: list[str]) -> set[str]:
    """The parties capitalised words name ("Liberal Democrat" is a party of its own)."""
    found = set()
    for i, word in enumerate(words):
        key = _PARTY_KEYS.get(word.strip(",.'\u2019s") if word[:1].isupper() else "")
        if key is not None:
            found.add("LD" if key == "D" and i and words[i - 1] == "Liberal" else key)
    return found


# Offices a description can stand for ("the senator", "the former secretary of state").
_OFFICES = word_set(
    "senator governor president secretary congressman congresswoman representative mayor ambassador"
)
_FORMER = word_set("former ex ex-")
_OFFICE_RE = re.compile(
    r"^(?:the|this|that)\s+(?P<mods>(?:[\w.'\u2019-]+\s+){0,3}?)(?P<noun>[a-z]+)"
    r"(?P<of>\s+of\s+[a-z]+(?:\s+[a-z]+)?)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Office:
    """A description of an office holder: the office's words, "former", other modifiers."""

    words: tuple[str, ...]
    former: bool
    modifiers: frozenset[str]


def _office(head: str) -> Office | None:
    """The office a description names ("the former Ohio governor"), if any."""
    m = _OFFICE_RE.match(head)
    if m is None or m.group("noun").lower() not in _OFFICES:
        return None
    mods = frozenset(m.group("mods").lower().split())
    words = (m.group("noun").lower(), *(m.group("of") or "").lower().split())
    return Office(words, bool(mods & _FORMER), mods - _FORMER)


_LEGAL_NOUNS = word_set("complaint lawsuit suit filing")


_SUBJECT_GAP_RE = re.compile(r"\s+(?:[a-z]+ly\s+|also\s+|later\s+)?")
# a capitalised word the recognizer did not take for a name, right before the verb
_NAME_BEFORE_VERB_RE = re.compile(
    r"(?<=[\s,])(?!(?:The|It|He|She|They|We|I)\s)[A-Z][\w.'\u2019&-]+\s+$"
)


@lru_cache(maxsize=64)
def _sent_pattern(noun: str) -> re.Pattern[str]:
    """ "sent out a fundraising email", "filed a complaint", "sued": issuing the document."""
    issued = (
        r"\b(?:sent(?:\s+out)?|released|issued|put\s+out|published|posted|emailed|"
        r"circulated|distributed|filed|submitted|lodged|provided|gave|offered|read|"
        # "Doe said in a statement", "Doe told the Ledger in an email": who wrote it
        r"(?:said|says|added|wrote|announced|told(?:\s+[A-Z][\w.'\u2019-]*){1,4})\s+in|"
        r"(?:said|says|added|wrote|announced)\s+(?:on\s+\w+\s+)?in)\s+(?:an?|the|its|his|"
        r"her|their|a\s+new)\s+(?:[\w-]+\s+){0,3}?" + re.escape(noun) + r"s?\b"
    )
    if noun in _LEGAL_NOUNS:
        issued += r"|\bsued\b|\bfiled\s+suit\b"
    return re.compile(issued)


# "her family doctor": someone described by a role of a person named before.
_OWNED_DESCRIPTION_RE = re.compile(
    r"^(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[\w-]+)$", re.IGNORECASE
)
# "a Nevada Democrat", "another unaligned Ohio Republican": an indefinite article, modifiers
# and capitalised words (a group's member, no name); "a spokesman for Doe" names Doe.
_INDEFINITE_NAME_RE = re.compile(
    r"(?:[Aa]n?|[Aa]nother|[Oo]ne)(?:\s+(?!(?:for|of|to|with|at|from|by|in|on|and|or|near|"
    r"close|about|who)\b)[a-z][\w-]*)*(?:\s+[A-Z][\w'\u2019.-]*)+"
)
_ROLE_AT_PLACE_RE = re.compile(
    r"(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[A-Za-z]+)\s+(?P<of>of|for)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})"
)
_BODY_FOR_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<body>(?:[A-Z][\w'\u2019-]*\s+){0,3}(?P<head>[A-Z][\w'\u2019-]*)\s+"
    r"(?:for|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019-]*){0,3})"
)
_MEMBER_NOUNS = word_set("mp mep msp mla member councillor")
_LONE_ROLE_RE = re.compile(r"[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:MP|MEP|MSP|MLA)")
_ROLES_AT_PLACES = PERSON_NOUNS | _MEMBER_NOUNS | word_set("archbishop")
_ONE_OF_A_PEOPLE_RE = re.compile(r"[Tt]he\s+([A-Z][a-z]+(?<!s))")
_QUANTIFIED_RE = re.compile(r"(?:[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Ff]ew|[Oo]ther)\s")
_CREDITED_TO_RE = re.compile(
    r"\b(?:attributed\s+to|signed\s+by|written\s+by|came\s+from|issued\s+by)\s+"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$"
)


@lru_cache(maxsize=64)
def _named_role_pattern(noun: str) -> re.Pattern[str]:
    """ "doctor Dr. " right before a name."""
    return re.compile(
        r"\b" + re.escape(noun) + r"s?,?\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$", re.IGNORECASE
    )


@lru_cache(maxsize=64)
def _appositive_pattern(noun: str) -> re.Pattern[str]:
    """ ", his doctor" right after a name."""
    return re.compile(
        r",\s+(?:the|his|her|their|a|an)\s+(?:[\w-]+\s+){0,3}?" + re.escape(noun) + r"\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=64)
def _owned_pattern(noun: str) -> re.Pattern[str]:
    """ "'s 10-year plan": an owner's thing, right after the owner's name."""
    return re.compile(
        r"['\u2019]s\s+(?:[\w$,.-]+\s+){0,4}?" + re.escape(noun) + r"s?\b", re.IGNORECASE
    )


@lru_cache(maxsize=64)
def _office_patterns(office: Office) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for a title before a name ("former Ohio Gov.", "Secretary of State") and an
    apposition after it (", the former governor of Ohio")."""
    noun = office.words[0]
    if len(office.words) > 1:
        role = r"\s+".join(office.words)
        title = role
    else:
        abbreviation = _ROLE_ABBREVIATIONS.get(noun)
        role = noun + "s?"
        title = role + (r"|" + abbreviation + r"\." if abbreviation else "")
        title = r"(?:" + title + r")(?:\s+of\s+[A-Za-z]+)?"
    pre = re.compile(
        r"(?:\b(?i:former|ex-?)\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?<![Vv]ice\s)(?<![Vv]ice-)(?i:"
        + title
        + r")\s+$"
    )
    post = re.compile(
        r",\s+(?:the|a|an|its|their|his|her)\s+(?:[\w'\u2019-]+,?\s+){0,5}?(?i:"
        + role
        + r")\b(?:\s+(?:of|from|for)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?"
    )
    return pre, post


def _proper_modifier(phrase: str) -> bool:
    """ "the Russian government", "the Trump campaign": a description made specific by a name,
    so it is not a stand-in for the nearest organisation or person."""
    return any(w[:1].isupper() and w not in _PARTY_MODIFIERS for w in phrase.split()[1:-1])


def _after_conjunctions(text: str) -> list[tuple[int, int, str]]:
    """The unnamed people described after a conjunction opening a sentence ("But one aide")."""
    found = []
    for word in _CONJUNCTIONS:
        at = text.find(word)
        while at >= 0:
            if at == 0 or _SENTENCE_OPENS_RE.match(text, at):
                m = _UNNAMED_AFTER_CONJUNCTION_RE.match(text, at)
                if m is not None:
                    found.append((at, m.end(), m.group()))
            at = text.find(word, at + 4)
    return found


def _inside(pos: int, spans: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``pos`` falls inside one of the (sorted) spans; ``starts`` are their starts."""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
