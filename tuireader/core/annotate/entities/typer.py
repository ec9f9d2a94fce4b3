"""A learned typer for names the rules can only guess: PERSON, ORG, LOC, MISC or no name.

The rules label a capitalised phrase with no gazetteer entry, head word or title by a fallback
guess (PERSON for a short phrase). This averaged-perceptron model reads the phrase's words,
suffixes and shape and the two words on each side ("the band X", "in X", "X 's album") and
retypes such guesses; it may also overrule a context cue's label by a larger margin, and it
types a "person" the rules found after "the". Its weights (``data/typer.json.gz``) are trained by
``data/train_typer.py`` on openly licensed corpora (see ``data/SOURCES.md``) and are read
once, on first use; scoring one phrase is a few dozen dict lookups.
"""

from __future__ import annotations

import gzip
import json
import re
import string
from collections.abc import Sequence
from functools import lru_cache

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.context import (
    EMPLOYER_AFTER,
    WORK_LAST,
    WORK_PENULTIMATE,
    apposition_label,
    group_before,
    members_after,
    phrase_by_context,
    publication_after,
    reports_after,
    work_in_apposition,
    work_titled,
)
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER, Mention

LABELS = ("PERSON", "ORG", "LOC", "MISC", "NONE")
MODEL = lx.DATA / "typer.json.gz"
RELABEL = 2.0  # margin over the runner-up needed to change a guessed label
DROP = 2.0  # margin needed to drop a guess as no name
CUE_RELABEL = 4.0  # the same margins for a label that a context cue gave
CUE_DROP = 5.0
MISC_KEEP = 0.0  # a guessed MISC must beat "no name": MISC guesses are the least precise
_OVERRULED_CUES = frozenset((PER, ORG))
_EVERYDAY_SURNAME = 4.0  # Zipf of a surname that is more often a word ("Rock")
COMMON = 5.0  # Zipf frequency of an everyday word ("spring"): no name the model must spare

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
# ``_WORD`` for ASCII text, the same matches there (Unicode's ``\s`` also takes \x1c-\x1f).
_WORD_ASCII = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s\x1c-\x1f]", re.ASCII)


def _two_after(word: re.Pattern[str]) -> re.Pattern[str]:
    """The first two ``word`` tokens after a position (the second optional) by one match:
    what two searches found, the second from the end of the first. Every character is a
    token's first or one that no token holds (a space, and in ``_WORD_ASCII`` also
    \\x1c-\\x1f), so a token opens at the first character after the skipped ones."""
    w, skip = word.pattern, r"[\s\x1c-\x1f]*"
    return re.compile(f"{skip}({w})(?:{skip}({w}))?", word.flags)


_TWO_AFTER = _two_after(_WORD)
_TWO_AFTER_ASCII = _two_after(_WORD_ASCII)
_FLAG_NAMES = (
    (lx.FIRST, "first"),
    (lx.SUR, "sur"),
    (lx.PLACE, "place"),
    (lx.COUNTRY, "country"),
    (lx.DEMONYM, "demonym"),
    (lx.ORG, "org"),
    (lx.MISC, "misc"),
    (lx.ORG_SUFFIX, "orgsuf"),
    (lx.LOC_SUFFIX, "locsuf"),
    (lx.MISC_HEAD, "mischead"),
    (lx.TITLE, "title"),
)


@lru_cache(maxsize=1024)
def _tags(flags: int) -> tuple[str, ...]:
    """Names of the gazetteer flags set in ``flags``."""
    return tuple(tag for bit, tag in _FLAG_NAMES if flags & bit)


@lru_cache(maxsize=2048)
def _tag_features(name: str, flags: int) -> tuple[str, ...]:
    """``name`` before the name of each gazetteer flag set in ``flags`` ("gf:first", ...)."""
    return tuple([name + tag for tag in _tags(flags)])


# An ASCII word's case pattern by one table and one scan instead of a Python loop over its
# characters (three method calls a character): capitals, small letters and digits as
# ``_shape`` writes them, other characters as they are; then one of each run of a character.
_SHAPE_TABLE = str.maketrans(
    string.ascii_uppercase + string.ascii_lowercase + string.digits,
    "X" * 26 + "x" * 26 + "d" * 10,
)
_SHAPE_RUNS = re.compile(r"(.)\1*", re.DOTALL)


@lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    """ "Xx", "X", "x", "d", "X-d": the word's case pattern, runs collapsed."""
    if word.isascii():  # (the loop's tests read ASCII characters as the table does)
        return "".join(_SHAPE_RUNS.findall(word.translate(_SHAPE_TABLE)))[:6]
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def features(
    span: Sequence[str], prev: Sequence[str], nxt: Sequence[str], lex: lx.Lexicon
) -> list[str]:
    """Feature names of the phrase ``span`` between the words ``prev`` and ``nxt``."""
    return span_features(span, lex) + context_features(prev, nxt)


def span_features(span: Sequence[str], lex: lx.Lexicon) -> list[str]:
    """Features of the phrase's own words: what it looks like, whatever surrounds it."""
    # (lists, not generators, and the flags' features cached whole: this runs for each
    # phrase the typer has not seen yet, most of a pass over new articles)
    low = [w.lower() for w in span]
    first, last = low[0], low[-1]
    feats = [
        "b",
        "f:" + first,
        "l:" + last,
        "s3:" + last[-3:],
        "s4:" + last[-4:],
        "n:" + str(len(span) if len(span) < 4 else 4),
        "sh:" + " ".join([_shape(w) for w in span[:4]]),
    ]
    if len(low) > 2:
        feats.extend(["w:" + w for w in low[1:-1]])
    flags = lex.flags
    f = flags.get(first, 0)
    if f:
        feats.extend(_tag_features("gf:", f))
    f = flags.get(last, 0)
    if f:
        feats.extend(_tag_features("gl:", f))
    feats.append("zl:" + str(int(lex.zipf.get(last, 0.0))))
    if len(span) > 1:
        feats.append("zf:" + str(int(lex.zipf.get(first, 0.0))))
    return feats


def context_features(prev: Sequence[str], nxt: Sequence[str]) -> list[str]:
    """Features of the two words before and the two after the phrase."""
    p1 = prev[-1].lower() if prev else "<s>"
    p2 = prev[-2].lower() if len(prev) > 1 else "<s>"
    n1 = nxt[0].lower() if nxt else "</s>"
    n2 = nxt[1].lower() if len(nxt) > 1 else "</s>"
    return [
        "p1:" + p1,
        "p2:" + p2 + " " + p1,
        "n1:" + n1,
        "n2:" + n1 + " " + n2,
        "pn:" + p1 + " _ " + n1,
    ]


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[float, ...]]:
    """Feature -> one weight per label, from the shipped model (empty if it is missing).

    Equal weights (rounded to two decimals, so few distinct ones) share one float object
    and each row is a tuple: the table stays compact in memory, and lookups stay fast.
    """
    if not MODEL.exists():
        return {}
    raw = json.loads(gzip.decompress(MODEL.read_bytes()).decode("utf-8"))["weights"]
    shared: dict[float, float] = {}
    return {feat: tuple(shared.setdefault(v, v) for v in row) for feat, row in raw.items()}


def score(feats: Sequence[str]) -> list[float]:
    """One score per label of ``LABELS`` (the five sums unrolled: this runs per guess)."""
    get = _weights().get
    a = b = c = d = e = 0.0
    for feat in feats:
        w = get(feat)
        if w is not None:
            a += w[0]
            b += w[1]
            c += w[2]
            d += w[3]
            e += w[4]
    return [a, b, c, d, e]


def _words(text: str, start: int, end: int) -> tuple[list[str], list[str], list[str]]:
    """The phrase's words, the two before it and the two after it."""
    span = _WORD.findall(text, start, end)
    prev = _WORD.findall(text, (start - 40 if start > 40 else 0), start)[-2:]
    nxt: list[str] = []
    for m in _WORD.finditer(text, end, end + 40):
        nxt.append(m.group())
        if len(nxt) == 2:
            break
    return span, prev, nxt


def text_features(text: str, start: int, end: int, lex: lx.Lexicon) -> list[str]:
    """Features of the phrase ``text[start:end]`` in its running text."""
    span, prev, nxt = _words(text, start, end)
    return features(span, prev, nxt, lex) if span else []


def classify(text: str, start: int, end: int, lex: lx.Lexicon) -> dict[str, float]:
    """Score of each label for ``text[start:end]`` (empty without a model).

    The phrase's own part of the score is cached by its text (``lex`` is the one shared
    lexicon): names recur within and across articles.
    """
    if not _weights():
        return {}
    phrase = text[start:end]
    own = _SPAN_CACHE.get(phrase)
    if own is None:
        span = _WORD.findall(phrase)
        if not span:
            return {}
        if len(_SPAN_CACHE) > 20_000:
            _SPAN_CACHE.clear()
        own = _SPAN_CACHE[phrase] = score(span_features(span, lex))
    ascii_text = text.isascii()
    key = (*_two_before(_WORD_ASCII if ascii_text else _WORD, text, start), "|")
    # the first two words after (none is empty), by one match
    after = (_TWO_AFTER_ASCII if ascii_text else _TWO_AFTER).match(text, end, end + 30)
    if after is not None:
        first, second = after.groups()
        key += (first,) if second is None else (first, second)
    around = _CONTEXT_CACHE.get(key)
    if around is None:  # "in X ,", "the X of": contexts recur too
        if len(_CONTEXT_CACHE) > 20_000:
            _CONTEXT_CACHE.clear()
        bar = key.index("|")
        around = _CONTEXT_CACHE[key] = score(context_features(key[:bar], key[bar + 1 :]))
    return {
        "PERSON": own[0] + around[0],
        "ORG": own[1] + around[1],
        "LOC": own[2] + around[2],
        "MISC": own[3] + around[3],
        "NONE": own[4] + around[4],
    }


def _two_before(word: re.Pattern[str], text: str, start: int) -> list[str]:
    """The last two ``word`` tokens of the 30 characters before ``start``.

    No token holds a space, so a scan from a space finds the same tokens after it as a
    scan from further back: the scan starts at the second space before ``start`` when
    two tokens follow it, and most words go without tokenising the whole window.
    """
    lo = start - 30 if start > 30 else 0
    space = text.rfind(" ", lo, start - 1) if start > lo + 1 else -1
    if space > lo:
        space = text.rfind(" ", lo, space)
        if space > lo:
            found = word.findall(text, space, start)
            if len(found) >= 2:
                return found[-2:]
    return word.findall(text, lo, start)[-2:]


_SPAN_CACHE: dict[str, list[float]] = {}
_CONTEXT_CACHE: dict[tuple[str, ...], list[float]] = {}


def retype(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """Relabel the rules' fallback guesses by the model; drop those it is sure are no name.

    A label replaces the rules' one when it scores ``RELABEL`` more; a guess is dropped when
    "no name" beats every label by ``DROP``, unless it is made only of known given names and
    surnames: the model has seen too few names to overrule the name lists. A label that a
    context cue gave (a weak one) needs the larger margins ``CUE_RELABEL`` and ``CUE_DROP``.
    A guess that ends up MISC is kept only if MISC scores ``MISC_KEEP`` above "no name".
    """
    out: list[Mention] = []
    surnames = _Surnames(mentions)
    employer = EMPLOYER_AFTER.match  # (bound once: tried after every person)
    for m in mentions:
        if m.label != MISC and (
            (
                not (m.country or m.place)
                and text[m.start - 2 : m.start] == ", "
                and work_in_apposition(text, m.start, m.end)
            )
            # "her book The Long Road": a title (two letters tested before the call, no
            # string built: most names follow no work's noun)
            or (
                m.start > 2
                and text[m.start - 2] in WORK_LAST
                and text[m.start - 3] in WORK_PENULTIMATE
                and work_titled(text, m.start)
            )
        ):
            m.label, m.weak, m.guess, m.typable = MISC, False, False, False
            out.append(m)  # "his album, Grey Lanterns, ...": a title, whatever its words
            continue
        if m.label == PER and " " in m.text and group_before(text, m.start, m.end):
            m.label, m.weak, m.guess, m.typable = ORG, False, False, False
            m.fixed = True
            out.append(m)  # "the band Velvet Quarry": a group, though its words name a person
            continue
        if (
            (m.label == PER or m.weak and m.label == LOC and not m.country)
            and not m.fixed
            and publication_after(text, m.end)
        ):
            m.label, m.weak, m.guess, m.typable = ORG, False, False, False
            out.append(m)  # "Zycie Nowe daily said": a newspaper, though named like a person
            continue
        if m.label == PER and employer(text, m.end) is not None:
            m.label, m.weak, m.guess, m.typable = ORG, False, False, False
            out.append(m)  # "Harlan Wexby analyst Jan Roe": her firm, named like a person
            continue
        if m.weak or m.guess or m.typable:
            apposed = apposition_label(text, m.end)
            if apposed is not None:
                # "X, the campaign's director": the text says what X is, and that it is a name
                m.label, m.tentative, m.lone = apposed, False, False
                out.append(m)
                continue
        if m.weak and m.label in _OVERRULED_CUES and not (m.guess or m.typable or m.fixed):
            # a person or organisation by a context cue ("the X" -> ORG): the model may
            # overrule it by more; a place after "in" stays one
            scores = classify(text, m.start, m.end, lex)
            if scores:
                none = scores.pop("NONE")
                best = max(scores, key=scores.__getitem__)
                if none - scores[best] >= CUE_DROP and not _kept(m, text, surnames, lex):
                    continue
                if scores[best] - scores.get(m.label, 0.0) >= CUE_RELABEL:
                    m.label = best
        if m.guess or m.typable:
            cue = phrase_by_context(text, m.start)
            if cue == ORG and members_after(text, m.end) and _given_first(m.text, lex):
                cue = None  # "the duo Jan Roe and Ada Quill": the members, not the group
            if cue:  # "the band X Y", "the album X Y": the text says what it is
                m.label = cue
                out.append(m)
                continue
            scores = classify(text, m.start, m.end, lex)
            if scores:
                none = scores.pop("NONE")
                best = max(scores, key=scores.__getitem__)
                if none - scores[best] >= DROP and not _kept(m, text, surnames, lex):
                    continue
                if best == PER and _acronym_last(m.text):
                    best = m.label  # "The Q.R.C.", "Ohio NWU-PLU": no person's name
                if scores[best] - scores[m.label] >= RELABEL and not (
                    best == PER and _plural_thing(m.text, lex)
                ):
                    m.label = best
                if m.label == "MISC" and scores["MISC"] - none < MISC_KEEP:
                    continue
        out.append(m)
    return out


def _plural_thing(phrase: str, lex: lx.Lexicon) -> bool:
    """ "Comfort Bikes", "Harbor Falcons": a phrase ending in the plural of an everyday noun
    (no name list's surname) names a team, a firm or a kind of thing, never a person."""
    last = phrase.rsplit(" ", 1)[-1]
    if " " not in phrase or last[-1] != "s" or not last[1:].islower():
        return False
    low = last.lower()
    if lex.flags.get(low, 0) & (lx.FIRST | lx.SUR):
        return False
    zipf = lex.zipf
    return zipf.get(low, 0.0) >= 2.5 and zipf.get(low[:-1], 0.0) >= 3.0


# A Roman numeral or an honour ends a person's name in capitals ("Jan Roe III", "Jan Roe OBE").
_PERSON_CAPS = frozenset(("II", "III", "IV", "VI", "VII", "VIII", "OBE", "MBE", "CBE", "KBE", "QC"))
_ACRONYM_LAST = re.compile(r"(?:[A-Z][.&-]?){2,}[A-Z]?\.?$")


def _acronym_last(phrase: str) -> bool:
    """The phrase ends in an acronym ("Q.R.C.", "NWU-PLU") and has a lower-case letter
    elsewhere (no line in capitals): a person's name ends so only in a numeral or honour."""
    last = phrase.rsplit(" ", 1)[-1]
    return (
        last not in _PERSON_CAPS and _ACRONYM_LAST.match(last) is not None and not phrase.isupper()
    )


def _kept(m: Mention, text: str, surnames: _Surnames, lex: lx.Lexicon) -> bool:
    """A guess the model may not drop: a surname of a full name the document gives, a
    phrase of several words before a reporting verb ("Silver Peak Resources said"), or a
    phrase of listed names (``_all_names``)."""
    phrase = m.text
    if " " in phrase and reports_after(text, m.end):
        return True
    if _COURTESY_BEFORE_RE.search(text, max(0, m.start - 6), m.start):
        return True  # "Mr Mates", "Dr Rock": a person, however everyday the word
    # surnames of the document's full person names: one alone is that person, whatever the
    # model makes of its context ("Harbo, 35, denied ..." after "Quillon Harbo")
    if " " not in phrase and not phrase.isupper() and phrase in surnames:
        return lex.zipf.get(phrase.lower(), 0.0) < _EVERYDAY_SURNAME  # not "Rock", "Red"
    return _all_names(phrase, lex)


_COURTESY_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")


class _Surnames:
    """The words that end a person's name of several words among a document's mentions.

    Asked for a few words of a document, each once scanned all its mentions; the mentions
    are now grouped by their last word at the first question. Their texts stay as they are
    while ``retype`` runs; their labels may change, so those are read at each question.
    """

    __slots__ = ("_mentions", "_by_last")

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions
        self._by_last: dict[str, list[Mention]] | None = None

    def __contains__(self, word: str) -> bool:
        """``word`` (one word) ends the name of a mention labelled a person."""
        by_last = self._by_last
        if by_last is None:
            by_last = self._by_last = {}
            for x in self._mentions:
                if " " in x.text:  # (ending with " " + word: its last word is ``word``)
                    by_last.setdefault(x.text.rsplit(" ", 1)[1], []).append(x)
        return any(x.label == PER for x in by_last.get(word, ()))


def _given_first(phrase: str, lex: lx.Lexicon) -> bool:
    """A phrase of two words or more opening with a listed given name ("Jan Roe")."""
    first, space, _ = phrase.partition(" ")
    return bool(space) and bool(lex.flags.get(first.lower(), 0) & lx.FIRST)


def _all_names(phrase: str, lex: lx.Lexicon) -> bool:
    """Every word is a listed given name or surname and no everyday word ("Spring", "See")."""
    flags, zipf = lex.flags, lex.zipf
    return all(
        flags.get(w.lower(), 0) & (lx.FIRST | lx.SUR) and zipf.get(w.lower(), 0.0) < COMMON
        for w in phrase.split()
    )
