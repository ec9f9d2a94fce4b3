"""Cut a run of capitalised tokens into segments at sentence ends and at connectors.

A connector stays inside a name only when it makes sense there: "of" after an organisation or
place head ("Bank of England"), particles of personal names ("de", "van", "bin"), "&", and
"and" inside a known phrase or an organisation ("Department of Health and Human Services"), or
between everyday words before an organisation head ("Food and Drug Administration").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.segment import _CLUB_PREFIXES, Tok
from tuireader.core.annotate.entities.tokens import word_set

_OF = frozenset(("of", "of the", "for", "for the", "on", "on the"))
_AND = frozenset(("and", "&"))
_ON = frozenset(("on", "on the"))
# Heads that take "on" inside a name; after any other word "on" ends the name.
_ON_HEADS = word_set(
    "council committee commission conference convention panel board forum summit center "
    "centre institute force subcommittee caucus coalition alliance campaign network "
    "partnership project initiative program programme office task court "
    "agreement treaty accord pact declaration charter"
)
# Words that, after "and", continue a firm's name: "Bear Sterling and Co", "Doe and Sons".
_AND_FIRM = word_set("co co. cos cos. company sons partners associates")
_OF_HEADS = lx.OF_HEAD | lx.ORG_SUFFIX | lx.LOC_OF | lx.MISC_OF | lx.MISC_HEAD
# Competitions: "the Super League for FC Northvale" names two things, the league and the club.
_COMPETITIONS = word_set("league conference division cup championship championships series")
# A company's legal form: the last word of its name.
_LEGAL_FORMS = word_set("inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv gmbh")
_FIRM_ENDS = _LEGAL_FORMS | word_set("company corporation")
_ABBREVIATIONS = word_set("st. mt. ft. jr. sr. bros. no. inc. corp. co. ltd. plc. cos.")


@dataclass(slots=True)
class Segment:
    """Tokens (capitalised words and the connectors kept inside) that form one candidate."""

    toks: list[Tok]
    opens: bool  # first word of a sentence
    after_title: bool = False  # follows "Secretary of", so leading title words are stripped


def _tokens(text: str, start: int, run: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_connector) per space-separated token; a final dot kept only if needed."""
    pos = start
    for word in run.split(" "):
        end = pos + len(word)
        yield pos, end, not word[0].isupper()
        pos = end + 1


# Buttons of a page's share bar, run together with the text around them when it is scraped.
_SHARE = word_set(
    "facebook twitter email e-mail print share tweet pinterest linkedin reddit whatsapp "
    "google+ messenger comments comment sms flipboard tumblr"
)


_SHARE_WORD = (
    r"(?:Facebook|Twitter|E-?mail|Print|Share|Tweet|Pinterest|LinkedIn|Reddit|WhatsApp|"
    r"Google\+|Messenger|Comments?|SMS|Flipboard|Tumblr)"
)
_COMMON_BUTTONS = ("Facebook", "Twitter", "Email", "Share", "FACEBOOK", "TWITTER", "EMAIL")
_SHARE_PAIR = re.compile(_SHARE_WORD + " " + _SHARE_WORD, re.IGNORECASE)


def has_share_bar(text: str) -> bool:
    """Whether two share-button words stand side by side anywhere in ``text``; a bar holds
    one of the common buttons, so only the words around those are looked at."""
    n = len(text)
    for button in _COMMON_BUTTONS:
        # (``in`` takes no arguments to parse: most texts have no such button)
        i = text.find(button) if button in text else -1
        while i >= 0:
            s, e = i, i + len(button)
            while s and text[s - 1] not in " \n":
                s -= 1
            while e < n and text[e] not in " \n":
                e += 1
            if text[s:e].lower() in _SHARE:
                after = text[e + 1 : n if (k := text.find(" ", e + 1)) < 0 else k]
                before = text[text.rfind(" ", 0, max(s - 1, 0)) + 1 : max(s - 1, 0)]
                if after.lower() in _SHARE or before.lower() in _SHARE:
                    return True
            i = text.find(button, e)
    return False


def _furniture(text: str, toks: list[tuple[int, int, bool]]) -> set[int]:
    """Indices of page furniture in a run: two or more share buttons in a row ("Facebook
    Twitter Email"); one alone ("Facebook") may be the firm."""
    out: set[int] = set()
    n = len(toks)
    k = 0
    while k < n:
        j = k
        while j < n and text[toks[j][0] : toks[j][1]].lower() in _SHARE:
            j += 1
        if j - k >= 2:
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _abbreviation(word: str, flags: dict[str, int]) -> bool:
    low = word.lower()
    return len(word) == 2 or "." in word[:-1] or low in _ABBREVIATIONS or low in flags


def segments(
    text: str,
    start: int,
    run: str,
    flags: dict[str, int],
    opens: bool,
    zipf: dict[str, float] | None = None,
    share: bool = False,
) -> list[Segment]:
    """Split one regex run into the segments to label, merging across connectors; ``zipf``
    (word frequencies) lets "and" join everyday words before an organisation head; ``share``
    (the text has a share bar somewhere, see ``has_share_bar``) makes it look for one."""
    if " " not in run and run[-1] != ".":
        return [Segment([(start, start + len(run))], opens)]
    words = run.split(" ")
    plain = not share  # capitalised words only, no dot at a word's end (a loop, no generator)
    if plain:
        for w in words:
            if not w[0].isupper() or w[-1] == ".":
                plain = False
                break
    if plain:
        one: list[Tok] = []  # capitalised words only, no sentence end: one segment
        for word in words:
            one.append((start, start + len(word)))
            start += len(word) + 1
        return [Segment(one, opens)]
    toks: Iterable[tuple[int, int, bool]] = _tokens(text, start, run)
    furniture: set[int] | tuple[()] = ()
    if share and _SHARE_PAIR.search(run):
        toks = list(toks)
        furniture = _furniture(text, toks)
    groups: list[list[Tok]] = [[]]
    joins: list[str] = []  # connector between groups[i] and groups[i+1]; "." = sentence end
    pending: list[str] = []
    for k, (s, e, is_conn) in enumerate(toks):
        if furniture and k in furniture:  # a share bar: a boundary, no part of any name
            pending = []
            if groups[-1]:
                joins.append(".")
                groups.append([])
            continue
        if is_conn:
            pending.append(text[s:e])
            continue
        if pending:
            joins.append(" ".join(pending))
            groups.append([])
            pending = []
        word = text[s:e]
        if word[-1] == "." and not _abbreviation(word, flags):
            groups[-1].append((s, e - 1))
            joins.append(".")
            groups.append([])
        else:
            groups[-1].append((s, e))
    if not groups[-1]:
        groups.pop()
        joins = joins[: len(groups) - 1]
    if not groups:
        return []
    return _merge(text, groups, joins, flags, opens, zipf or {})


def _merge(
    text: str,
    groups: list[list[Tok]],
    joins: list[str],
    flags: dict[str, int],
    opens: bool,
    zipf: dict[str, float],
) -> list[Segment]:
    out: list[Segment] = [Segment(list(groups[0]), opens)]
    in_org = False
    for i, join in enumerate(joins):
        left, right = out[-1], groups[i + 1]
        if join == ".":
            out.append(Segment(list(right), True))
            in_org = False
            continue
        head = left.toks[-1] if left.toks else None
        head_f = flags.get(text[head[0] : head[1]].lower(), 0) if head else 0
        phrase = text[left.toks[0][0] : right[-1][1]].lower() if left.toks else ""
        conn = _connector_toks(text, left.toks[-1][1] if left.toks else 0, right[0][0])
        merge = phrase in flags
        if join in _ON:  # "Council on Foreign Relations", not "White House on FBI ..."
            head_word = text[head[0] : head[1]].lower() if head else ""
            merge = merge or head_word in _ON_HEADS or _owner_of_name(text, left.toks, right, flags)
            in_org = merge
        elif join in _OF:
            merge = merge or in_org or bool(head_f & _OF_HEADS)
            merge = merge or _owner_of_name(text, left.toks, right, flags)
            if merge and head and _firm_of_place(text, head, right, flags):
                merge = False
            if merge and join[:3] == "for" and _club_after_competition(text, head, right, flags):
                merge = False
            in_org = merge
        elif join in _AND:
            merge = (
                merge
                or join == "&"
                or text[right[0][0] : right[0][1]].lower() in _AND_FIRM
                or (in_org and _plain(text, right, flags))
                or _everyday_pair(text, left.toks, right, flags, zipf)
            )
        else:  # name particles: "de", "van", "bin" ...
            merge = True
        if merge and left.toks:
            left.toks.extend(conn)
            left.toks.extend(right)
        else:
            after_title = join in _OF and bool(head_f & lx.TITLE)
            out.append(Segment(list(right), False, after_title))
            in_org = False
    return [s for s in out if s.toks]


# Words that keep a name from being one body's name across "on"/"of" before a possessive.
_NOT_OWNER = lx.TITLE | lx.TITLE_MOD | lx.FIRST | lx.LOC_ANY | lx.DEMONYM | lx.STOP


def _owner_of_name(text: str, left: list[Tok], right: list[Tok], flags: dict[str, int]) -> bool:
    """ "Action on Debt's Jane Doe said", "Friends of Rivers's Tom Baker": a name owning a
    named person is one body's name, "on"/"of" and all; not after a title or a given
    name ("President of Ruritania's", "John of Acme's"), nor when a place is the owner."""
    if not left or len(left) > 3 or len(right) > 3:
        return False
    end = right[-1][1]
    if text[end : end + 3] not in _POSSESSIVE or not text[end + 3 : end + 4].isupper():
        return False
    after = text[end + 3 : end + 40].split(" ", 1)[0]
    if not flags.get(after.lower(), 0) & lx.FIRST:  # a person it owns: "'s Jane Doe"
        return False
    return not any(flags.get(text[s:e].lower(), 0) & _NOT_OWNER for s, e in (*left, *right))


_POSSESSIVE = frozenset(("'s ", "’s "))


def _firm_of_place(text: str, head: Tok, right: list[Tok], flags: dict[str, int]) -> bool:
    """ "Acme Drugs Inc of Ohio", "Zorblax Motor Company of Canada":
    a legal form ends the firm's name; the known place after "of" is where it is."""
    if text[head[0] : head[1]].lower() not in _FIRM_ENDS:
        return False
    return bool(flags.get(text[right[0][0] : right[-1][1]].lower(), 0) & lx.LOC_ANY)


def _club_after_competition(
    text: str, head: Tok | None, right: list[Tok], flags: dict[str, int]
) -> bool:
    """ "played in the Super League for FC Northvale": a competition, then a club after
    "for" (opening with a club prefix or a known place), names two things."""
    if head is None or text[head[0] : head[1]].lower() not in _COMPETITIONS:
        return False
    first = text[right[0][0] : right[0][1]].lower()
    if first in _CLUB_PREFIXES:
        return True
    if flags.get(first, 0) & lx.LOC_ANY:
        return True
    return len(right) > 1 and bool(
        flags.get(text[right[0][0] : right[1][1]].lower(), 0) & lx.LOC_ANY
    )


def _connector_toks(text: str, left_end: int, right_start: int) -> list[Tok]:
    """The connector words between two groups, as tokens."""
    toks: list[Tok] = []
    pos = left_end + 1
    for word in text[pos : right_start - 1].split(" "):
        toks.append((pos, pos + len(word)))
        pos += len(word) + 1
    return toks


def _plain(text: str, toks: list[Tok], flags: dict[str, int]) -> bool:
    """Whether a group after "and" can continue an organisation name (is not a name itself)."""
    phrase = text[toks[0][0] : toks[-1][1]].lower()
    if flags.get(phrase, 0) & ~lx.TITLE_MOD:  # a name; "Trade" (as in "Trade Minister") is not
        return False
    first = flags.get(text[toks[0][0] : toks[0][1]].lower(), 0)
    last = flags.get(text[toks[-1][0] : toks[-1][1]].lower(), 0)
    return not (first & lx.FIRST or last & (lx.ORG_SUFFIX | lx.MISC_HEAD))


# How common a word must be (wordfreq's Zipf scale) to be an everyday word, not a name.
_EVERYDAY = 2.5
_EVERYDAY_SURNAME = 4.5  # census surnames include everyday words: "Post", "Board", "Loan"
_EVERYDAY_NAME = 4.5  # given names that are everyday words far more often: "Loan", "Will"


def _everyday_pair(
    text: str, left: list[Tok], right: list[Tok], flags: dict[str, int], zipf: dict[str, float]
) -> bool:
    """ "Securities and Exchange Commission", "Food and Drug Administration", "Ways and Means
    Committee": everyday words on both sides of "and", the right side ending in an
    organisation head. Not "Britain and Exchange Commission" (a name on the left)."""
    if not left or len(left) > 3 or len(right) < 2:
        return False
    if text[left[-1][0] : left[-1][1]].lower() in _LEGAL_FORMS:
        return False  # "Acme Inc and Zorblax Inc": a legal form ends the first firm's name
    if not flags.get(text[right[-1][0] : right[-1][1]].lower(), 0) & lx.ORG_SUFFIX:
        return False
    for s, e in left[:-1]:  # the firm's own name may open it: "Valley Federal Savings and ..."
        if flags.get(text[s:e].lower(), 0) & (lx.TITLE | lx.STOP):
            return False
    for s, e in (left[-1], *right[:-1]):
        word = text[s:e].lower()
        f, z = flags.get(word, 0), zipf.get(word, 0.0)
        if f & (lx.NAME_ANY & ~lx.SUR & ~lx.FIRST | lx.TITLE | lx.STOP) or z < _EVERYDAY:
            return False
        if f & lx.FIRST and z < _EVERYDAY_NAME:  # "Loan" is a given name too
            return False
        if f & lx.SUR and z < _EVERYDAY_SURNAME:  # a surname, unless an everyday word ("Post")
            return False
    return True
