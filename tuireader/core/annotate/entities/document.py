"""Whole-document analysis: mixed-case paragraphs first, then all-caps lines, then consistency.

All-caps headlines are labelled only by case-insensitive lookups (in the gazetteers and in the
names this document already used), never by capitalisation. The document-level pass lets strong
evidence about a name ("Vladimir Putin" after a title) settle its weaker mentions ("Putin").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter, methodcaller

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.caps import caps_line, first_words
from tuireader.core.annotate.entities.consistency import known_names, settle, vote
from tuireader.core.annotate.entities.context import handle_after
from tuireader.core.annotate.entities.definition import definitions
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER, Mention
from tuireader.core.annotate.entities.runs import has_share_bar, segments
from tuireader.core.annotate.entities.segment import SegmentLabeller
from tuireader.core.annotate.entities.sports import is_sports, teams
from tuireader.core.annotate.entities.tokens import (
    HAS_LOWER,
    RUN,
    RUN_ASCII,
    is_caps_line,
    is_title_line,
    opens_sentence,
    prefixed,
    previous_word,
    word_set,
)
from tuireader.core.annotate.entities.typer import classify, retype

_ORDINAL_BEFORE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:st|nd|rd|th|d)|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
    r"Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|"
    r"Seventeenth|Eighteenth|Nineteenth|Twentieth)) $"
)
_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))
# A bare number names a military unit too: "the 65 Fighter Wing", "3 Air Division".
_NUMBER_BEFORE = re.compile(r"(?<![\w.,/:-])\d{1,3} $")
_UNITS = frozenset(
    ("wing", "division", "group", "squadron", "regiment", "brigade", "battalion")
    + ("corps", "army", "fleet", "force", "command")
)


def analyse(text: str, lex: lx.Lexicon, typed: bool = True) -> list[Mention]:
    """All mentions of ``text``, sorted and non-overlapping.

    ``typed=False`` leaves the rules' guesses as they are (the typer's training reads them).
    """
    sports = is_sports(text, lex)
    labeller = SegmentLabeller(lex, text, sports)
    mentions: list[Mention] = []
    caps_lines: list[tuple[int, int]] = []
    share = has_share_bar(text)
    run_pattern = RUN_ASCII if text.isascii() else RUN
    size = len(text)
    # a word's cached lookups (``SegmentLabeller._info``): a one-word run of a stop word
    # ("The", "But") is no name, ``label_word`` is not called (unless a quote mark is before
    # it: a quoted title may open there)
    words, quotes = labeller._words, labeller._quotes
    # (bound once: the loop below runs per capitalised run)
    add, label_word, label = mentions.extend, labeller.label_word, labeller.label
    # each non-empty line and its offsets, by one split (a pattern such as "[^\n]+" steps
    # through every character and builds a match object per line)
    le = -1
    for lt in text.split("\n"):
        ls = le + 1
        le = ls + len(lt)
        if not lt:
            continue
        # (``is_title_line`` takes lines of 19 to 150 characters only: others skip the search)
        headline = le < size and 18 < le - ls < 151 and (not ls or not _LOWER_LONG.search(lt))
        headline = headline and is_title_line(lt)
        if headline and ls:  # later in the text: the headline again, or a headline's words
            first = text[: text.find("\n")].rstrip(" .")
            headline = lt.rstrip(" .") == first or _headline_words(lt, lex)
        # (a lower-case letter among the first twelve: no caps line, ``is_caps_line`` not called;
        # most lines show one second, a test by comparison, not a call of the pattern)
        if headline or (
            not "a" <= lt[1:2] <= "z" and HAS_LOWER.search(lt, 0, 12) is None and is_caps_line(lt)
        ):
            caps_lines.append((ls, le))
            continue
        for run in run_pattern.finditer(text, ls, le):
            group = run.group()
            info = words.get(group)
            if (
                info is not None
                and info[2] & lx.STOP
                and group[-1] != "."
                and not (quotes and labeller.quote_before(run.start()))
            ):
                continue  # (a cached word is one token: the run is one word)
            tok = run.span()  # (the token of a one-word run as it is)
            rs = tok[0]
            # after a word and a space (most runs) no sentence opens: no call
            opens = rs == ls or (
                not (rs > 1 and text[rs - 1] == " " and text[rs - 2].isalnum())
                and opens_sentence(text, rs)
            )
            if " " not in group and group[-1] != ".":  # one word, most runs: one segment
                add(label_word(tok, group, info, opens))
                continue
            if group[:2].isupper() and group.count(" ") > 1:  # (the cheaper test first)
                caps = _caps_words(group)
                if caps:  # "... BEER LABELS ARE CHANGING Calories count ...": a headline
                    caps_lines.append((rs, rs + caps))
                    if caps == len(group):
                        continue
                    rs, group, opens = rs + caps + 1, group[caps + 1 :], True
            for seg in segments(text, rs, group, lex.flags, opens, lex.zipf, share):
                add(label(seg.toks, seg.opens, seg.after_title))
    _ordinals(mentions, text)
    _bare_ordinals(mentions, text)
    _numbered_teams(mentions, text)
    if "Euro " in text:
        _dated_events(mentions, text)
    _first_of_name(mentions, text, lex)
    mentions = _possessed_heads(mentions, text, lex)
    if "s " in text and any(form in text for form in _LEGAL_FORM_STARTS):
        mentions = _paired_owner_firms(mentions, text)
    if '"' in text or "“" in text:
        mentions = _nicknamed(mentions, text, lex)
    for d in definitions(text, lex):
        if not any(ls <= d.start < le for ls, le in caps_lines):
            mentions = [m for m in mentions if m.end <= d.start or m.start >= d.end]
            mentions.append(d)
    for ps, pe in prefixed(text):
        if lex.flags.get(text[text.index("-", ps) + 1 : pe].lower(), 0) & lx.STOP:
            continue  # "mid-July", "post-Monday": a date, not a name
        if not any(ls <= ps < le for ls, le in caps_lines):
            mentions.append(Mention(ps, pe, MISC, text[ps:pe]))
    _the(mentions, text)
    if "(" in text or "," in text:
        mentions = _spelled_acronyms(mentions, text, caps_lines)
    mentions = _quoted_titles(mentions, text, caps_lines)
    _no_person_after_the(mentions, text, lex)
    mentions = _no_name_after_a(mentions, text, lex)
    if typed and not sports:  # result tables and team names follow the sports rules
        mentions = retype(mentions, text, lex)
    if not sports and " to " in text and "rom " in text:
        _from_to(mentions, text)
    if not sports and (", " in text or " and " in text):
        mentions = _everyday_lists(mentions, text, lex)
    if ", " in text:
        _surname_lists(mentions, text, lex)
    settle(mentions)
    vote(mentions)
    if not sports and "," in text:
        _towns_in_regions(mentions, text, lex)
    _families(mentions, lex)
    known = known_names(mentions)
    firsts = first_words(known) if caps_lines else set()
    for ls, le in caps_lines:
        mentions.extend(caps_line(text, ls, le, lex, known, firsts))
    if sports:
        teams(mentions, text)
    if ":" in text:
        mentions = _transcript_speakers(mentions, text, lex)
    return _disjoint(mentions)


_NOT_FAMILY = lx.DEMONYM | lx.LOC_ANY | lx.ORG | lx.MISC


def _from_to(mentions: list[Mention], text: str) -> None:
    """ "from Tollan to Northvale", "from Northvale to Tollan": the other end of a route from
    or to a place is a place too; a guessed name there is one, as settled for the document
    (its other mentions after "to" or "the" follow it). Sports reports pass the ball from one
    player to another, and are left alone."""
    # where a name may open after "from " or "From " (found by str.find, not by a loop
    # over every mention); most texts have few
    after = set()
    at = text.find("rom ")
    while at >= 0:
        if at and text[at - 1] in "fF" and (at < 2 or not text[at - 2].isalnum()):
            after.add(at + 4)
        at = text.find("rom ", at + 4)
    if not after:
        return
    by_start: dict[int, Mention] | None = None
    for m in mentions:
        if m.start not in after or not text.startswith(" to ", m.end):
            continue
        if by_start is None:
            by_start = {m.start: m for m in mentions}
        other = by_start.get(m.end + 4)
        if other is None:
            continue
        for a, b in ((m, other), (other, m)):
            if a.label == LOC and (a.place or not a.weak) and b.weak and " " not in b.text:
                b.label, b.weak, b.guess, b.typable = LOC, False, False, False


def _families(mentions: list[Mention], lex: lx.Lexicon) -> None:
    """ "the Brisket family" is people: "the Briskets" (a person's surname in the plural,
    this document naming the person) is a person mention, not a firm or a place."""
    # the plurals first: most texts have none, and skip the people's surnames
    plurals = [m for m in mentions if m.label != PER and m.text[-1] == "s" and " " not in m.text]
    if not plurals:
        return
    surnames = {m.text.rsplit(" ", 1)[-1] for m in mentions if m.label == PER}
    if not surnames:
        return  # no person: no family
    for m in plurals:
        if lex.flags.get(m.text.lower(), 0) & _NOT_FAMILY:
            continue  # "Americans", "Mets"
        if m.text[:-1] in surnames or m.text.endswith("es") and m.text[:-2] in surnames:
            m.label = PER


# A lower-case word of five letters or more: the line is no Title Case headline.
_LOWER_LONG = re.compile(r" [a-z]{5,}(?= |$)")


def _caps_words(run: str) -> int:
    """Length of the run's opening stretch of three or more words in capitals, or 0."""
    end = count = 0
    for word in run.split(" "):
        if not word.isupper():
            break
        end += len(word) + (1 if count else 0)
        count += 1
    return end if count > 2 else 0


_HEADLINE_STRIP = "‘’'\".,:;!?()“”[]"


def _headline_words(line: str, lex: lx.Lexicon) -> bool:
    """A Title Case line inside the text (a repeated headline, a subheading, a linked story's
    title) whose capitals are mostly everyday words ("Senator Says Fund Will Help Farmers"), not
    a list of names, a label or a results table."""
    if line.count(",") > 1 or ";" in line or " : " in line or " - " in line:
        return False
    need = 3
    for w in line.split():
        w = w.strip(_HEADLINE_STRIP)
        if len(w) > 3 and w[0].isupper() and w.isalpha():
            low = w.lower()
            if not lex.flags.get(low, 0) & lx.NAME_ANY and lex.zipf.get(low, 0.0) >= 3.5:
                need -= 1
                if not need:
                    return True
    return False


# A transcript's speaker label: a name in capitals opening a paragraph, then a colon.
_SPEAKER_LABEL = re.compile(r"^[\"“]?([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):", re.M)


# Field names of news archives and page furniture written like a speaker's label.
_PAGE_LABELS = word_set(
    "byline section length dateline source caption photo image video update updated "
    "correction corrections related advertisement note headline copyright graphic "
    "load-date language publication-type highlight highlights abstract"
)


def _speaker_labels(text: str) -> list[re.Match[str]]:
    """The hits of ``_SPEAKER_LABEL`` in ``text``, tried at line starts only (re tries a
    ``^`` of a multi-line pattern at every character), and only of lines with a colon: no
    hit spans a line break."""
    hits = []
    colon = text.find(":")
    while colon >= 0:
        hit = _SPEAKER_LABEL.match(text, text.rfind("\n", 0, colon) + 1)
        if hit is not None:
            hits.append(hit)
        end = text.find("\n", colon)  # the next line with a colon
        colon = text.find(":", end) if end >= 0 else -1
    return hits


def _transcript_speakers(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """ "DOVER: Let us start ..." twice or more: a transcript names its speakers so, and
    such a label is a person even where the word is also a place."""
    hits = _speaker_labels(text)
    if len(hits) < 2:
        return mentions
    counts = Counter(h.group(1) for h in hits)
    for h in hits:
        label = h.group(1)
        flags = lex.flags.get(label.lower(), 0)
        if counts[label] < 2 or flags & (lx.STOP | lx.COUNTRY | lx.TITLE):
            continue
        if label.lower() in _PAGE_LABELS:
            mentions = [m for m in mentions if m.start != h.start(1)]
            continue  # "BYLINE: ...", "SECTION: ...": a news archive's field names
        s, e = h.span(1)
        mentions = [m for m in mentions if m.end <= s or m.start >= e]
        mentions.append(Mention(s, e, PER, label))
    return mentions


_START, _END = attrgetter("start"), attrgetter("end")


def _disjoint(mentions: list[Mention]) -> list[Mention]:
    """Sorted by start; a mention overlapping an earlier one is dropped (a safety net)."""
    mentions.sort(key=_END, reverse=True)  # then a stable sort by start: (start, -end)
    mentions.sort(key=_START)
    out: list[Mention] = []
    end = -1
    for m in mentions:
        if m.start >= end:
            out.append(m)
            end = m.end
    return out


_POSSESSED_HEAD = re.compile(r" ?['’]s ([A-Z][a-z]+)(?![\w'’-]| [A-Z0-9])")
_POSSESSED_SKIP = frozenset(("party", "army", "house", "hall", "church", "college"))
# Land and water features named after someone ("Jonsby's Landing", "Rankin's Mills"): the
# possessive and the feature make one place.
_PLACE_FEATURES = frozenset(
    ("landing", "point", "crossing", "creek", "cove", "harbour", "harbor", "island", "mills")
    + ("ferry", "corner", "corners", "wharf", "brook", "hollow", "neck", "gap", "pond", "run")
    + ("station", "bluff", "knob", "ford", "falls", "inlet", "reach", "hole", "prairie")
)


# A company's legal form ending a possessive name: "Moody's Investors Service Inc".
_POSSESSED_FIRM = re.compile(
    r" ?['’]s(?: [A-Z][\w&-]*){0,3} (?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|Llc)\b"
)


# "Standard and Poor's Corp", "Smith & Jones's Ltd": two owners, then a legal form.
_PAIRED_OWNER_FIRM = re.compile(
    r"[A-Z](?<![\w.].)[\w-]* (?:and|&) [A-Z][\w-]*['’]s(?: [A-Z][\w&-]*){0,3}"
    r" (?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|Llc)\b"
)


# What every legal form of those patterns starts with (a text with none has no such firm).
_LEGAL_FORM_STARTS = (" Co", " Inc", " Ltd", " Plc", " PLC", " LLC", " Llc")
# What both possessive patterns open with, looked for before either is tried.
_POSSESSIVE_OPENINGS = ("'s", "’s", " 's", " ’s")


# The same for ASCII text (the same matches there; ``\w`` by table look-up).
_PAIRED_OWNER_FIRM_ASCII = re.compile(_PAIRED_OWNER_FIRM.pattern, re.ASCII)


def _possessive_ends(text: str) -> set[int]:
    """Every offset where ``text`` goes on with one of ``_POSSESSIVE_OPENINGS``."""
    ends = set()
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            ends.add(at)
            if at and text[at - 1] == " ":
                ends.add(at - 1)
            at = text.find(mark, at + 1)
    return ends


def _paired_owner_firms(mentions: list[Mention], text: str) -> list[Mention]:
    """A firm named after two owners and ending in its legal form is one organisation,
    though the possessive cuts the run of capitals in two."""
    if " and " not in text and " & " not in text or "'s" not in text and "’s" not in text:
        return mentions  # every hit holds both: a scan of the text for them is cheaper
    pattern = _PAIRED_OWNER_FIRM_ASCII if text.isascii() else _PAIRED_OWNER_FIRM
    for hit in pattern.finditer(text):
        s, e = hit.span()
        mentions = [m for m in mentions if m.end <= s or m.start >= e]
        mentions.append(Mention(s, e, ORG, text[s:e]))
    return mentions


def _possessed_heads(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """ "Rankin 's Mill", "Howe 's Brigade": a name's possessive before a lone organisation or
    place head word (which no rule took as a name of its own) is one name of the head's kind;
    before words ending in a company's legal form ("Moody's Investors Service Inc", "Macy's
    Inc") it is a company's name."""
    ends = _possessive_ends(text)
    if not ends:
        return mentions
    by_start: dict[int, Mention] | None = None  # built at the first hit (no start moves)
    absorbed: set[int] = set()
    for m in mentions:
        if m.end not in ends:
            continue
        hit = _POSSESSED_HEAD.match(text, m.end)
        if not hit or m.label not in (PER, LOC, ORG) or id(m) in absorbed:
            continue
        if by_start is None:
            by_start = {m.start: m for m in mentions}
        alone = by_start.get(hit.start(1))
        if alone is not None and not alone.weak:
            continue
        head = hit.group(1).lower()
        f = lex.flags.get(head, 0)
        if head in _POSSESSED_SKIP or f & lx.TITLE:
            continue
        label = (
            ORG
            if f & lx.ORG_SUFFIX
            else LOC
            if f & lx.LOC_SUFFIX or head == "mill" or head in _PLACE_FEATURES
            else None
        )
        if label:
            m.end, m.label, m.text = hit.end(1), label, text[m.start : hit.end(1)]
            m.weak = m.guess = m.typable = m.tentative = m.lone = False
            if alone is not None:
                absorbed.add(id(alone))
    for m in mentions:
        if m.end not in ends:
            continue
        firm = _POSSESSED_FIRM.match(text, m.end)
        if not firm or m.label not in (PER, LOC, ORG) or id(m) in absorbed:
            continue
        for other in mentions:  # "Investors Service Inc", found on its own
            if m.end < other.start < firm.end():
                absorbed.add(id(other))
        m.end, m.label, m.text = firm.end(), ORG, text[m.start : firm.end()]
        m.weak = m.guess = m.typable = m.tentative = m.lone = False
    return [m for m in mentions if id(m) not in absorbed] if absorbed else mentions


_NICKNAME = re.compile(
    r"[\"“] ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)? ?[\"”] ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)(?: [A-Z][a-z]*\.?)* $")


def _quote_forms(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """``pattern``, which opens with either double quote mark, and its forms for a text with
    only straight or only curly ones: those open with one literal, which re skips to fast
    (a set of two is tried at every character). ``_for_quotes`` picks one."""
    either = '[\\"“]'
    assert pattern.pattern.startswith(either)
    rest = pattern.pattern[len(either) :]
    return pattern, re.compile('"' + rest), re.compile("“" + rest)


def _for_quotes(text: str, forms: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """The form of ``_quote_forms`` for the quote marks ``text`` holds (the same matches)."""
    if "“" not in text:
        return forms[1]
    return forms[0] if '"' in text else forms[2]


_NICKNAME_FORMS = _quote_forms(_NICKNAME)


def _nicknamed(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """'William " Cowboy " Cowley': a given name, a quoted nickname and a surname are one
    person (encyclopedic text names people so), and the surname alone is that person later.
    The quoted nickname is found first: it is rare, so the scan stays cheap."""
    for hit in _for_quotes(text, _NICKNAME_FORMS).finditer(text):
        q = hit.start()
        before = _GIVEN_BEFORE.search(text, (q - 60 if q > 60 else 0), q)
        if not before or not lex.flags.get(before.group(1).lower(), 0) & lx.FIRST:
            continue
        s, e = before.start(), hit.end()
        mentions = [m for m in mentions if m.end <= s or m.start >= e]
        mentions.append(Mention(s, e, PER, text[s:e]))
    return mentions


def _ordinals(mentions: list[Mention], text: str) -> None:
    """ "2nd Battle of X", "Eighth Air Force", "62d Regiment", "65 Fighter Wing": an ordinal
    (or a number before a military unit) opens the name."""
    for m in mentions:
        if m.label != PER:
            s = m.start
            if s < 2:
                continue
            # most mentions follow a space after a letter that ends no ordinal: no more tests
            before = text[s - 1]
            if before == " ":
                if text[s - 2] not in "tdh" and not text[s - 2].isdecimal():
                    continue
            elif before != "\n" or text[s - 2] != " ":
                continue  # (after a newline both patterns' " $" needs a space before it)
            # an ordinal ends in st, nd, rd, th or a digit and d (then a space), or before a newline
            hit = (
                _ORDINAL_BEFORE.search(text, (s - 13 if s > 13 else 0), s)
                if s > 2
                and (
                    text[s - 1] == " "
                    and (
                        text[s - 3 : s - 1] in _ORDINAL_ENDS
                        or text[s - 2] == "d"
                        and text[s - 3].isdecimal()
                    )
                    or text[s - 1] == "\n"
                )
                else None
            )
            # a number ends in a digit, then a space (or a space and a newline): else no call
            if (
                not hit
                and s > 1
                and (text[s - 1] == " " and text[s - 2].isdecimal() or text[s - 1] == "\n")
                and m.text.rsplit(" ", 1)[-1].lower() in _UNITS
            ):
                hit = _NUMBER_BEFORE.search(text, (m.start - 5 if m.start > 5 else 0), m.start)
            if hit:
                m.start = hit.start()
                m.text = text[m.start : m.end]
                if m.label == LOC and " " not in m.text[len(hit.group()) :]:
                    m.label = ORG  # "the 5th Ohio", "62d NY": a regiment of the state


# "he 65th": the literal opens the pattern, so re skips to it fast; "the" or "The" and what
# may follow a unit's ordinal are checked around the hit.
_BARE_ORDINAL = re.compile(r"he (\d{1,3}(?:st|nd|rd|th|d))(?= [a-z]+| ?[,.;:)\n]|$)")


def _bare_ordinals(mentions: list[Mention], text: str) -> None:
    """ "The 65th Air Wing ... The 65th was moved to ...": once a unit is named by its
    ordinal, "the" and the ordinal alone name it too, with a unit's noun in lower case after
    it ("the 65th wing"); not before "of" ("the 65th of May")."""
    hits = [
        h
        for h in _BARE_ORDINAL.finditer(text)
        if (at := h.start()) and text[at - 1] in "Tt" and (at < 2 or not text[at - 2].isalnum())
    ]
    if not hits:
        return
    units = {
        m.text.split(" ", 1)[0]
        for m in mentions
        if m.label == ORG and m.text[0].isdecimal() and " " in m.text
    }
    if not units:
        return
    taken = {m.start for m in mentions}
    for hit in hits:
        s, e = hit.span(1)
        if hit.group(1) not in units or s in taken or text.startswith(" of ", e):
            continue
        unit = _NEXT_WORD.match(text, e)
        if unit and unit.group(1) in _UNITS:
            e = unit.end()  # "the 65th wing": the unit's noun in lower case
        mentions.append(Mention(s, e, ORG, text[s:e]))


# A team's number in the plural after its town: "Northvale 76ers", "Harbor Falls 67s". The
# hits of " \d{2}(?:ers|s)(?![\w'’-])", found by their plural ending: a pattern opening with
# a literal "s" (or "ers") is tried at far fewer places than one opening with a space (tried
# at every space); the space and the two digits are checked behind it. A hit of either
# starts three characters after that space (the two endings exclude each other).
_TEAM_NUMBER_S = re.compile(r"s(?<= \d\ds)(?![\w'’-])")
_TEAM_NUMBER_ERS = re.compile(r"ers(?<= \d\ders)(?![\w'’-])")


def _numbered_teams(mentions: list[Mention], text: str) -> None:
    """ "Northvale 67s", "Harbor Falls 76ers": a place and a number in the plural name a
    team (an ORG); the number belongs to its name."""
    # the numbers first (by their endings; few texts have one), then their mentions
    ends = {hit.start() - 3: hit.end() for hit in _TEAM_NUMBER_S.finditer(text)}
    for hit in _TEAM_NUMBER_ERS.finditer(text):
        ends[hit.start() - 3] = hit.end()
    if not ends:
        return
    for m in mentions:
        end = ends.get(m.end)
        if end is not None and m.label != PER:
            m.end, m.label, m.text = end, ORG, text[m.start : end]
            m.weak = m.place = m.guess = m.locative = False


# "Euro 96", "Euro 2016": the European football championship is named by its year.
_YEAR_AFTER = re.compile(r" (?:\d\d|(?:19|20)\d\d)(?![\w.,-])")


def _dated_events(mentions: list[Mention], text: str) -> None:
    """ "Euro 96", "Euro 2016": a year after "Euro" names the championship, no currency."""
    for m in mentions:
        if m.text == "Euro" and text.startswith(" ", m.end):
            hit = _YEAR_AFTER.match(text, m.end)
            if hit:
                m.end = hit.end()
                m.text = text[m.start : m.end]
                m.label = MISC


# " I" after a name, then a mark, the end, or a lower-case word that is no verb of "I"
# ("told Jane I would", "asked Jane I think").
_NUMERAL_I = re.compile(r" I(?=[ ]?[,.;:)\n]|$| \(| ([a-z]+))")
_PRONOUN_VERBS = word_set(
    "would will am was had have think thought know knew can could should do did want need "
    "hope mean guess believe feel felt love like said say told tell asked see saw got get "
    "went go just also never really must may might wish wanted needed"
)


def _first_of_name(mentions: list[Mention], text: str, lex: lx.Lexicon) -> None:
    """ "Queen Ana I", "Ludovic I became emperor", "Great War I": the numeral one after a
    monarch's given name or a world war is part of the name, not the pronoun."""
    ends = set()  # offsets where the text goes on with " I" (found once by str.find)
    at = text.find(" I")
    while at >= 0:
        ends.add(at)
        at = text.find(" I", at + 1)
    if not ends:
        return
    for m in mentions:
        if m.end not in ends:
            continue
        if m.label == PER:
            if " " in m.text or not lex.flags.get(m.text.lower(), 0) & lx.FIRST:
                continue
        elif m.label != MISC or not m.text.endswith(" War"):
            continue
        hit = _NUMERAL_I.match(text, m.end)
        if hit and hit.group(1) not in _PRONOUN_VERBS:
            m.end += 2
            m.text = text[m.start : m.end]


_MID_THE = re.compile(r"(?<=[a-z,;] )The $")


def _the(mentions: list[Mention], text: str) -> None:
    """ "the band The Velvet Owls", "in The Hague": a capital "The" inside a sentence opens the
    name after it; no person's name takes it, so a "person" there is a band or a group."""
    # ``_MID_THE`` ends where "The " ends, or a newline after it: the offsets, found once
    ends = set()
    at = text.find("The ")
    while at >= 0:
        ends.add(at + 4)
        ends.add(at + 5)
        at = text.find("The ", at + 1)
    if not ends:
        return
    for m in mentions:
        s = m.start
        if s in ends and s >= 6 and _MID_THE.search(text, s - 6, s):
            m.start -= 4
            m.text = text[m.start : m.end]
            if m.label == PER:
                m.label = ORG


# "the Smith family", "the Dutroux case": nouns after which a name after "the" is a person.
_PERSONAL_NOUNS = word_set(
    "family families case brothers sisters administration government era years trial affair "
    "murder match dynasty estate household children twins couple presidency campaign"
)
_NEXT_WORD = re.compile(r" ([a-z]+)")


def _no_person_after_the(mentions: list[Mention], text: str, lex: lx.Lexicon) -> None:
    """ "the West Jersey", "the Houston Chronicle": people do not take "the" (bar "the Smith
    family"), so a "person" after it is retyped as the best of the other labels."""
    for m in mentions:
        # (after "the " only: a test in place, no slice of the text per person)
        if m.label != PER or m.start < 4 or text[m.start - 4 : m.start] != "the ":
            continue
        nxt = _NEXT_WORD.match(text, m.end)
        if nxt and nxt.group(1) in _PERSONAL_NOUNS or m.text.endswith("s") and " " not in m.text:
            continue  # "the Smith family"; "the Bourbons", "the Clintons"
        if handle_after(text, m.end):
            continue  # "the Zorro hacker": a handle
        scores = classify(text, m.start, m.end, lex)
        m.label = max((ORG, LOC, MISC), key=lambda label: scores.get(label, 0.0))


# What may follow a noun phrase that ends where a mention ends: a mark, or a word that opens
# the rest of the clause (a function word, a participle); not a noun that the name modifies.
_PHRASE_END = re.compile(
    r" ?(?:[,.;:)\n]|$|(?:which|that|who|whose|but|in|of|with|for|to|at|on|by|is|was"
    r"|has|had|from|where|since|until)\b|[a-z]+ed\b)"
)


def _no_name_after_a(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """ "a Scout Museum inaugurated in May", "an Air Division , it ...": a name takes no "a"
    unless it modifies a noun after it ("a Hong Kong court", "an Amnesty International
    conference"); a phrase of capitalised everyday words that heads a noun phrase after "a" is
    a common noun written with capitals, not a name."""
    # where a capital follows the article (found by str.find), then the mentions there
    starts = set()
    size = len(text)
    for article in (" a ", " an "):
        at = text.find(article)
        while at >= 0:
            at += len(article)
            if at < size and text[at].isupper():
                starts.add(at)
            at = text.find(article, at)
    if not starts:
        return mentions
    drop = None
    for m in mentions:
        if m.start not in starts or " " not in m.text:
            continue  # "a Texas trader", "an IRA attempt": one word, a modifier
        last = m.text.rsplit(" ", 1)[1].lower()
        if lex.zipf.get(last, 0.0) < 3.5 or lex.flags.get(last, 0) & lx.NAME_ANY:
            continue
        if _PHRASE_END.match(text, m.end):
            drop = drop or set()
            drop.add(id(m))
    return [m for m in mentions if id(m) not in drop] if drop else mentions


_QUOTED = re.compile(r"[\"“] ?([A-Z0-9][^\"“”\n]{0,80}?) ?[\"”]")
# The same with a greedy repeat, which re runs in one step instead of trying the closing
# mark after each character: its hits are the same, its group only takes one trailing space
# more (which ``_QUOTED`` leaves to " ?"), as no character of the repeat is a quote mark.
_QUOTED_GREEDY = re.compile(r"[\"“] ?([A-Z0-9][^\"“”\n]{0,80}) ?[\"”]")
_QUOTED_FORMS = _quote_forms(_QUOTED_GREEDY)
# Short words that title case leaves lower-case: "Santa Through the Back Door".
_TITLE_SMALL = word_set(
    "a an the of to in on and or for with at by from as into vs nor but up out off over it"
)
_TITLE_MARKS = word_set(": ? ! ( ) & - / –")


def _quoted_titles(
    mentions: list[Mention], text: str, caps_lines: list[tuple[int, int]]
) -> list[Mention]:
    """A title-case phrase that fills double quotes is a title (MISC), small words and all:
    " Time to Wake Up ", "Santa Through the Back Door"."""
    if '"' not in text and "“" not in text:
        return mentions
    for q in _for_quotes(text, _QUOTED_FORMS).finditer(text):
        words = q.group(1).split()
        if not 1 < len(words) <= 10:
            continue
        last = words[-2] if words[-1] in ("?", "!", ")") else words[-1]
        if not last[:1].isupper() and not last[:1].isdigit():
            continue
        small = [w for w in words if not (w[:1].isupper() or w[:1].isdigit())]
        if not small or any(w not in _TITLE_SMALL and w not in _TITLE_MARKS for w in small):
            continue  # no small word: the segment rules see it; another word: speech
        if words[-1] in _TITLE_MARKS and words[-1] not in "?!)":
            continue
        start, end = q.span(1)
        if text[end - 1] == " ":
            end -= 1  # ``_QUOTED``'s group
        if any(ls <= start < le for ls, le in caps_lines):
            continue
        mentions = _as_one(mentions, start, end, MISC, text) or mentions
    return mentions


# An acronym in brackets or between commas (``_acronyms_after`` takes a space before the
# bracket into the hit). Each branch is scanned on its own: a pattern opening with one
# literal skips to it fast, one opening with either of two tries a set at every character.
_ACRONYM_AFTER = re.compile(r"\( ?([A-Z]{2,6})s? ?\)|, ([A-Z]{2,6}),")
_BRACKETED = re.compile(r"\( ?([A-Z]{2,6})s? ?\)")
_BETWEEN_COMMAS = re.compile(r", ([A-Z]{2,6}),")
_HIT_START = methodcaller("start")


def _acronyms_after(text: str) -> Iterator[tuple[int, str]]:
    """(start, letters) of each hit of ' ?\\( ?([A-Z]{2,6})s? ?\\)|, ([A-Z]{2,6}),' in
    ``text``: an acronym in brackets or between commas; the name it abbreviates ends at start.
    A space before the bracket belongs to the hit, as that pattern's leading ' ?' takes it."""
    # No hit of one branch holds the opening mark of the other's ("(" or ","), so both lists
    # merged by start are the hits of the whole pattern, in order.
    hits = list(_BRACKETED.finditer(text)) if "(" in text else []
    if ", " in text:
        hits += _BETWEEN_COMMAS.finditer(text)
        hits.sort(key=_HIT_START)
    for hit in hits:
        at = hit.start()
        if at and text[at - 1] == " " and text[at] == "(":
            at -= 1
        yield at, hit.group(1)


# "in" too: "Council for Trade and Cooperation in Asia ( CTCA )".
_NAME_WORD = re.compile(r"([A-Z][\w'’.&-]*|of|the|for|and|&|on|in|de|du|la)[ ,]$")
_ACRONYM_GAPS = frozenset(("of", "the", "for", "and", "&", "on", "in", "de", "du", "la"))


def _spelled_acronyms(
    mentions: list[Mention], text: str, caps_lines: list[tuple[int, int]]
) -> list[Mention]:
    """ "Australians Against Further Immigration ( AAFI )": the capitalised words before an
    acronym in brackets that spell its letters are one name, whatever pieces the rules cut
    it into; an organisation unless the rules already named the whole of it. The acronym
    takes the name's label everywhere in the text; one that lower-case words spell is no
    name anywhere."""
    defined: dict[str, str] = {}
    common: set[str] = set()
    for end, letters in _acronyms_after(text):
        pos, k, start = end, len(letters), -1
        while k > 0:
            word = _NAME_WORD.search(text, (pos - 40 if pos > 40 else 0), pos + 1)
            if word is None:
                break
            w = word.group(1)
            if w in _ACRONYM_GAPS:
                pos = word.start() - 1
                continue
            if w[0] != letters[k - 1]:
                break
            k -= 1
            start = word.start()
            pos = word.start() - 1
        if k and _spelled_small(text, end, letters):
            common.add(letters)  # "liquefied natural gas (LNG)": a thing, not a name
            continue
        if k or start < 0 or any(ls <= start < le for ls, le in caps_lines):
            continue
        if text[start:end].count(" ") < 1:
            continue
        whole = next((m for m in mentions if m.start == start and m.end == end), None)
        if whole is not None and not whole.weak:
            defined[letters] = whole.label
            continue
        joined = _as_one(mentions, start, end, ORG, text)
        if joined is not None:
            mentions = joined
            defined[letters] = ORG
    for m in mentions if defined else ():  # the acronym is that name wherever the text uses it
        label = defined.get(m.text)  # ("ICO" no town)
        if label is not None:
            m.label, m.weak, m.place, m.guess = label, False, False, False
    if common:
        mentions = [m for m in mentions if m.text not in common or m.text in defined]
    return mentions


_SMALL_WORD = re.compile(r"([a-z][\w-]*)[ ,]$")


def _spelled_small(text: str, end: int, letters: str) -> bool:
    """The lower-case words before ``end`` spell ``letters``: the acronym abbreviates a
    common noun phrase ("gross domestic product (GDP)")."""
    pos = end
    for letter in reversed(letters.lower()):
        word = _SMALL_WORD.search(text, (pos - 30 if pos > 30 else 0), pos + 1)
        while word is not None and word.group(1) in ("of", "and", "the", "for"):
            pos = word.start() - 1
            word = _SMALL_WORD.search(text, (pos - 30 if pos > 30 else 0), pos + 1)
        if word is None or word.group(1)[0] != letter:
            return False
        pos = word.start() - 1
    return True


def _as_one(
    mentions: list[Mention], start: int, end: int, label: str, text: str
) -> list[Mention] | None:
    """The mentions with those inside [start, end) replaced by one name of ``label``; None
    when a mention crosses the span's edge (then nothing changes)."""
    # (a mention is inside by its offsets: no comparison of whole mentions, field by field)
    if any(m.start < end and start < m.end and (m.start < start or m.end > end) for m in mentions):
        return None
    kept = [m for m in mentions if m.start < start or m.end > end]
    kept.append(Mention(start, end, label, text[start:end]))
    return kept


# A list of three or more single capitalised words: "Wheat, Barley and Oats", "Rice , Pulses".
_LIST = re.compile(r"[A-Z][a-z]+(?:(?: ?, (?:and )?| and )[A-Z][a-z]+){2,}")
_LIST_WORD = re.compile(r"[A-Z][a-z]+")
_EVERYDAY_ITEM = 3.0  # Zipf of an everyday word ("barley", "oats" as "oat")
_EVERYDAY_FIRST = 4.5  # ... and of a given name that is mostly a word


def _everyday_item(word: str, lex: lx.Lexicon) -> bool:
    """A word that is an everyday noun (or the plural of one), not a given name."""
    low = word.lower()
    f, z = lex.flags.get(low, 0), lex.zipf
    if f & (lx.COUNTRY | lx.ORG | lx.DEMONYM | lx.MISC):
        return False
    if f & lx.FIRST and z.get(low, 0.0) < _EVERYDAY_FIRST:
        return False  # "Rice" is a given name too, but far more often a word
    return z.get(low, 0.0) >= _EVERYDAY_ITEM or (
        low[-1] == "s" and z.get(low[:-1], 0.0) >= _EVERYDAY_ITEM
    )


def _everyday_lists(mentions: list[Mention], text: str, lex: lx.Lexicon) -> list[Mention]:
    """ "Wheat, Barley and Oats rose": a list of single capitalised words, most of them
    everyday nouns and none a word of a longer name the text gives, lists things (crops,
    goods), not people; its guessed names are dropped. People in a list are named in full
    somewhere in the text."""
    candidates = [
        m
        for m in mentions
        if m.label == PER and (m.weak or m.guess or m.typable) and " " not in m.text
    ]
    if not candidates:
        return mentions
    windows: list[tuple[int, int]] = []
    for m in candidates:
        listed = text.startswith((", ", " , ", " and "), m.end)
        if not listed and text[m.start - 2 : m.start] not in (", ", "d "):
            continue
        if not _everyday_item(m.text, lex) or any(s <= m.start < e for s, e in windows):
            continue  # (a list of things holds an everyday word: most guesses are none)
        lo, hi = (m.start - 120 if m.start > 120 else 0), m.end + 120
        for hit in _LIST.finditer(text, lo, hi):
            if hit.start() <= m.start < hit.end():
                windows.append(hit.span())
                break
    if not windows:
        return mentions
    longer = set()
    for m in mentions:
        if " " in m.text:
            longer.update(m.text.split(" "))
    drop: set[int] = set()
    for s, e in windows:
        words = _LIST_WORD.findall(text, s, e)
        if any(w in longer for w in words):
            continue
        everyday = sum(1 for w in words if _everyday_item(w, lex))
        if everyday * 2 <= len(words):
            continue
        inside = [m for m in mentions if s <= m.start < e]
        if all(m.weak or m.guess or m.typable or m.tentative for m in inside):
            drop.update(id(m) for m in inside)
    return [m for m in mentions if id(m) not in drop] if drop else mentions


# A list of four or more capitalised words by commas: its tail (the literal ", " opening the
# pattern lets ``re`` skip to it: most texts have few), then the word before it.
_SURNAME_TAIL = re.compile(r", [A-Z][\w'-]+(?:, [A-Z][\w'-]+){2,}")
_SURNAME_HEAD = re.compile(r"[A-Z][\w'-]+$")
_SURNAME_WORD = re.compile(r"[A-Z][\w'-]+")
_NOT_SURNAME = lx.PLACE | lx.COUNTRY | lx.ORG | lx.DEMONYM | lx.STOP


def _surname_lists(mentions: list[Mention], text: str, lex: lx.Lexicon) -> None:
    """ "Subs: Turner, Quillby, Maloney, Wallace, Fletcher": in a list of four or more single
    capitalised words by commas, most of those the name lists know being surnames that are
    no place, every word is a person: the places and firms the name lists made of some
    ("Wallace", "Fletcher" as LOC) and the words no rule took ("Quillby") too."""
    flags = lex.flags
    windows = []
    for hit in _SURNAME_TAIL.finditer(text):
        head = _SURNAME_HEAD.search(text, hit.start() - 30 if hit.start() > 30 else 0, hit.start())
        span = (head.start() if head else hit.start() + 2, hit.end())
        words = text[span[0] : span[1]].split(", ")
        if len(words) < 4:
            continue  # ("Tiago (Bridge 45), Lampard, Robben, Roe": the list after the bracket)
        known = [flags.get(w.lower(), 0) for w in words]
        known = [f for f in known if f]  # (words no list knows count for neither side)
        people = sum(1 for f in known if f & (lx.SUR | lx.FIRST) and not f & _NOT_SURNAME)
        if people * 2 > len(known) and not any(f & lx.COUNTRY for f in known):
            windows.append(span)
    if not windows:
        return
    taken = set()
    for m in mentions:
        if any(s <= m.start < e for s, e in windows):
            taken.add(m.start)
            m.tentative = m.lone = False  # the list confirms them
            if m.label in (LOC, ORG) and " " not in m.text and not m.country:
                m.label, m.weak, m.place, m.guess, m.locative = PER, False, False, False, False
    for s, e in windows:
        for word in _SURNAME_WORD.finditer(text, s, e):
            f = flags.get(word.group().lower(), 0)
            if word.start() not in taken and not f & (lx.STOP | lx.COUNTRY):
                # "Subs: Turner, ...": a list item no rule took (opening the line, a title)
                mentions.append(Mention(word.start(), word.end(), PER, word.group()))


# "in Bowling Green, Ohio.": a place's preposition, the name, a comma and a region that is no
# one's name, then the clause ends.
_AT_PLACE = word_set("in of from at near")
_REGION_AFTER = re.compile(r" ?, ([A-Z][a-z]+)(?=[.,;:)\n]| [.,;:)]|$)")


def _towns_in_regions(mentions: list[Mention], text: str, lex: lx.Lexicon) -> None:
    """A "person" between a place's preposition and ", Ohio." is the town there, in place
    ("the county seat of Paxton, Illinois"); not "Jane Doe, Ohio Republican"."""
    flags = lex.flags
    for m in mentions:
        if m.label != PER or not text.startswith((",", " ,"), m.end):
            continue
        hit = _REGION_AFTER.match(text, m.end)
        if hit is None or previous_word(text, m.start) not in _AT_PLACE:
            continue
        region = flags.get(hit.group(1).lower(), 0)
        if region & (lx.PLACE | lx.COUNTRY) and not region & (lx.FIRST | lx.SUR):
            m.label, m.weak, m.guess, m.typable = LOC, False, False, False
