"""Context words that type an unknown single name: "the town of X", "news agency X", "X said".

Only used for one-word names that no gazetteer knows; the cues are ordinary English words,
so they carry over to any news text.
"""

from __future__ import annotations

import re

from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER
from tuireader.core.annotate.entities.tokens import word_set

_LOCATIVE = word_set("in at near outside into towards toward via throughout inside around")
_PLACE_NOUNS = word_set(
    "town city village province state region island district port capital suburb county "
    "republic area township municipality enclave hamlet villages towns cities parish commune "
    "borough neighbourhood neighborhood suburbs settlement outskirts plains north south east "
    "west northeast northwest southeast southwest "
    "villagers residents inhabitants natives seat prairie plateau valley"
)
_ORG_BEFORE = word_set(
    "agency newspaper daily weekly magazine club side company firm group operator team airline "
    "website site portal platform app startup broadcaster "
    "carrier broker brokerage bank insurer maker distributor manufacturer publisher channel "
    "network station retailer chain newsagency organisation organization movement party "
    "band label duo trio quartet orchestra choir "
    "institute bureau ministry regulator watchdog federation confederation association union "
    "lender automaker carmaker consultancy"
)
_ORG_AFTER = word_set(
    "newspaper daily agency shares stock spokesman spokeswoman officials chairman executives "
    "board management subsidiary unit employees shareholders stake directors owner owners coach "
    "manager president chief striker midfielder defender goalkeeper fans supporters"
)
_PER_BEFORE = word_set(
    "spokesman spokeswoman striker midfielder defender goalkeeper forward coach manager captain "
    "chairman director analyst economist player champion sister brother wife husband son "
    "daughter mother father dealer trader actor actress singer writer author novelist rider "
    "driver president minister leader premier chancellor secretary envoy ambassador "
    "counterpart mr mrs dr bowler batsman pitcher quarterback skipper compatriot "
    "teammate lawyer judge"
)
_PER_AFTER = word_set(
    "said says told added scored stated declared argued noted replied insisted denied admitted "
    "urged who wrote asked explained"
)
# A class noun right before a name of several words: "the band X Y", "the album X Y".
_ORG_NOUNS = _ORG_BEFORE | word_set(
    "band label duo trio quartet ensemble orchestra choir outfit franchise studio brand"
)
_MISC_NOUNS = word_set(
    "album single song ep film movie documentary novel book play musical opera poem painting "
    "series sitcom show game videogame aircraft fighter bomber airliner helicopter locomotive "
    "car rifle missile tank ship battleship warship frigate submarine operation campaign"
)
_WORDS_AFTER = re.compile(r" ([A-Za-z]+)")
# "the Guccifer 2.0 online persona", "the Zorro hacker": a handle names one person, even after
# "the" (which otherwise marks an organisation).
_HANDLE_AFTER = re.compile(
    r" (?:\d+(?:\.\d+)* )?(?:[a-z]+ )?(?:persona|hacker|pseudonym|alias|blogger|username)\b"
)
# What only organisations do, right after their name: "X was founded in", "X manufactures",
# "X merged with", "X released their debut album". People are born, not founded; a band or
# a firm takes "their" where one person takes "his" or "her". "X said it would cut jobs"
# (group ``it``) is weaker: a person's surname there speaks of something else.
_ORG_VERB = re.compile(
    r" (?:(?:was|were|had been|has been) (?:founded|incorporated|dissolved|disbanded|"
    r"liquidated|nationali[sz]ed|privati[sz]ed|acquired by|taken over)\b|"
    r"(?:manufactures|manufactured|merged with|went bankrupt|went public|"
    r"filed for bankruptcy|disbanded|employs \d)\b|"
    r"(?:released|recorded|issued) their (?:[a-z]+ ){0,2}(?:album|single|ep|record)s?\b|"
    r"(?:said|says) (?:on [A-Z][a-z]+day )?(?:that )?(?:its (?!own\b)|(?P<it>it (?:"
    r"(?:would|will|could|may|might|has|had)(?: not)? (?!be\b|been\b|have\b)|"
    r"(?:expects|expected|plans|planned|intends|intended|aims) to\b)))|"
    r"(?:reported|posted) (?:a|an) (?:[a-z]+ ){0,2}(?:profit|loss|net)\b)"
)
# The first letters of ``_ORG_VERB``'s words (was, had, manufactures, filed, disbanded,
# employs, released, issued, said, posted ...).
_ORG_VERB_FIRSTS = frozenset("whmfderisp")
APPOSITION = re.compile(r" ?, ([A-Z][\w.]*(?: [A-Z][\w.]*)?)")


# The last two runs of letters and digits of a text, read in the reversed text: one match at
# its start, not a scan of every run of the window.
_LAST_TWO_REVERSED = re.compile(r"[^A-Za-z0-9]*(?:([A-Za-z0-9]+)(?:[^A-Za-z0-9]+([A-Za-z0-9]+))?)?")


# The last marks of a window after which no words are looked for (its last character is
# compared: a one-character string costs less than ``endswith``'s parsed arguments).
_NO_WORDS_AFTER = frozenset(("-", ",", ".", "(", '"'))


def _words_before(text: str, start: int) -> tuple[str, str]:
    """The two lower-cased words (runs of letters and digits) before ``start`` within 40
    characters (nearest first), "" where missing."""
    window = text[(start - 40 if start > 40 else 0) : start]
    if window.rstrip()[-1:] in _NO_WORDS_AFTER:
        return "", ""
    w1, w2 = _LAST_TWO_REVERSED.match(window[::-1]).groups("")
    return w1[::-1].lower(), w2[::-1].lower()


# ", the national director of ...", ", a Democratic pollster": an apposition whose head noun
# is a person's role.
_APPOSED = re.compile(
    r" ?, (?:a|an|the|his|her) ((?:(?!(?:of|for|at|in|on|to|and|who)\b)[A-Za-z][\w-]* ){0,3}?"
    r"[a-z][\w-]*)(?= (?:of|for|at|in|on|to|and|who)\b|[,.;)])"
)
# How every hit of ``_APPOSED`` and ``APPOSITION`` opens.
COMMA_OPENINGS = (",", " ,")


def comma_after(text: str, end: int) -> bool:
    """``text.startswith(COMMA_OPENINGS, end)``, by one-character slices: ``startswith``
    parses its arguments at every call (it runs for many names, and most go on otherwise)."""
    c = text[end : end + 1]
    return c == "," or c == " " and text[end + 1 : end + 2] == ","


_PERSON_ROLES = _PER_BEFORE | word_set(
    "founder co-founder executive adviser advisor aide strategist pollster consultant senator "
    "governor congressman congresswoman lawmaker candidate nominee professor reporter editor "
    "columnist correspondent officer official spokesperson mayor attorney delegate organizer "
    "organiser activist"
)


def person_apposition(text: str, end: int) -> bool:
    """ "X, the national director of ...": the name before ``end`` is a person's."""
    if not comma_after(text, end):
        return False  # (every hit opens so: most names go on otherwise, and skip the call)
    m = _APPOSED.match(text, end)
    return m is not None and m.group(1).rsplit(" ", 1)[-1] in _PERSON_ROLES


# Head nouns of an apposition that says the name before it is an organisation's:
# "Cofinec, the first foreign company to list ...", "X, a Tollan-based insurer".
_ORG_ROLES = word_set(
    "company firm group bank insurer maker carrier airline newspaper daily agency broadcaster "
    "retailer manufacturer producer supplier operator exporter importer distributor brokerage "
    "subsidiary conglomerate utility lender chain publisher developer miner refiner"
)


def apposition_label(text: str, end: int) -> str | None:
    """ "X, the national director of ...": PERSON; "X, the largest insurer in ...": ORG;
    else None (no apposition, or its head says neither)."""
    if not comma_after(text, end):
        return None
    m = _APPOSED.match(text, end)
    if m is None:
        return None
    head = m.group(1).rsplit(" ", 1)[-1]
    return PER if head in _PERSON_ROLES else ORG if head in _ORG_ROLES else None


# A reporting verb right after a name: its subject ("Harbrook Systems said ...").
_REPORTS = (" said", " says", " told", " announced", " reported", " added")


def reports_after(text: str, end: int) -> bool:
    """The name before ``end`` is the subject of a reporting verb: a name (of a person or
    an organisation), whatever its words, even where it opens a sentence."""
    # (each verb opens with one of "star": most names go on otherwise, and skip the call)
    if text[end + 1 : end + 2] not in "star" or not text.startswith(_REPORTS, end):
        return False
    after = text.find(" ", end + 1)  # the verb's end: a space, a mark or the text's end
    verb = text[end + 1 : after if after >= 0 else len(text)].rstrip(".,;:!?\"”'’)")
    return verb in _REPORT_VERBS


_REPORT_VERBS = frozenset(word.strip() for word in _REPORTS)


# What a band or a team does right after its name and a place never does: "Velvet Harbor
# played three nights". Not "played host", "played a part", "recorded 3 inches of snow",
# "released him" (a prison): places do.
_PERFORMS = re.compile(
    r" (?:(?:played|plays|performed|performs|toured|tours|headlined|recorded|sang)\b"
    r"(?! (?:host|a|an|its|no|some|little|key|major|important|vital|\d)\b)|released their\b)"
)


def performs_after(text: str, end: int) -> bool:
    """The name before ``end`` plays, tours or records: a group (a band, a team), whatever
    its last word ("Velvet Harbor", "Quillon Bridge")."""
    return text[end + 1 : end + 2] in "ptrhs" and _PERFORMS.match(text, end) is not None


# The nouns every hit of ``_HANDLE_AFTER`` ends with: a text with none of them has no hit.
_HANDLE_NOUNS = ("persona", "hacker", "pseudonym", "alias", "blogger", "username")
# The last text asked about, and whether it holds one of the nouns (one scan a text, not a
# call of the pattern for each name: the rules ask for most unknown words).
_last_handles: tuple[str, bool] = ("", False)


def handle_after(text: str, end: int) -> bool:
    """ "the Zorro hacker", "the Guccifer 2.0 online persona": the name before ``end`` is a
    person's handle."""
    global _last_handles
    last = _last_handles  # (read once: the pair is replaced whole, never changed)
    if last[0] is not text:
        last = _last_handles = (text, any(noun in text for noun in _HANDLE_NOUNS))
    return last[1] and _HANDLE_AFTER.match(text, end) is not None


def org_verb_after(text: str, end: int) -> re.Match[str] | None:
    """ "X was founded in", "X merged with", "X released their album": the name before
    ``end`` is an organisation (a firm, a band, a club). The match's ``lastgroup`` is "it"
    for the weaker cue "X said it would ..."."""
    # (every hit opens with a space and one of ``_ORG_VERB_FIRSTS``: most names go on
    # otherwise, and a string test costs less than the pattern's call)
    if text[end + 1 : end + 2] in _ORG_VERB_FIRSTS:
        return _ORG_VERB.match(text, end)
    return None


def single_by_context(text: str, start: int, end: int) -> str | None:
    """A label for the unknown one-word name ``text[start:end]`` from its neighbours."""
    w1, w2 = _words_before(text, start)
    if handle_after(text, end):
        return PER
    if w1 == "the":
        return ORG  # people rarely take "the": "the Mets", "the daily Le Monde"
    if w1 in _LOCATIVE:
        return LOC
    if w1 == "of" and w2 in _PLACE_NOUNS:
        return LOC
    if w1 in _ORG_BEFORE:
        return PER if w2 == "fellow" else ORG  # "fellow broadcaster X": a colleague
    if w1 in _PER_BEFORE:
        return PER
    if org_verb_after(text, end):
        return ORG
    after = _WORDS_AFTER.match(text, end)
    if after:
        nxt = after.group(1)
        if nxt in _ORG_AFTER:
            return ORG
        if nxt in _PER_AFTER:
            return PER
    return None


def phrase_by_context(text: str, start: int) -> str | None:
    """A label for the unknown name starting at ``start`` from a class noun just before it."""
    w1, w2 = _words_before(text, start)
    if w1 == "of" and w2 in _PLACE_NOUNS:
        return LOC  # "the municipality of Xyz Abc"
    if w1 in _MISC_NOUNS:
        return MISC
    if w1 in _ORG_NOUNS and w1 not in _PEOPLE_TOO:
        return PER if w2 == "fellow" else ORG  # "his fellow broadcaster Jan Roe": a colleague
    if w1 in _PER_BEFORE:
        return PER
    return None


# Class nouns for a firm or for a person ("broker Jan Roe", "broker Acme Securities"): the
# name of several words itself says which.
_PEOPLE_TOO = word_set("broker")


# Nouns of a group of performers: a name right after one ("the band Velvet Quarry") is the
# group's, even when its words are a given name and a surname.
_GROUP_NOUNS = word_set("band duo trio quartet quintet ensemble orchestra choir outfit group")
# "his second album, Grey Lanterns, ...": a work's noun, a comma, then the work's title.
# How the text before a name ends when a group's noun is right before it (a string test
# that spares most names the look at the words before them).
_GROUP_ENDINGS = tuple(" " + noun + " " for noun in _GROUP_NOUNS)
_WORK_AFTER = re.compile(r" ?[,.;)(]")


_MEMBERS_AFTER = re.compile(r" (?:and|,) [A-Z]")


def group_before(text: str, start: int, end: int) -> bool:
    """ "the band X Y", "a metal band X Y": a performers' group noun right before the name
    ("group" only after "the": "rights group X" may name one person), and no list of its
    members after it ("the duo X Y and Z W")."""
    if not text.endswith(_GROUP_ENDINGS, 0, start):
        return False
    w1, w2 = _words_before(text, start)
    if w1 not in _GROUP_NOUNS or (w1 == "group" and w2 != "the"):
        return False
    return not members_after(text, end)


def members_after(text: str, end: int) -> bool:
    """A list goes on after the name before ``end`` ("the duo X Y and Z W"): after a
    group's noun, its members are named, not the group."""
    return _MEMBERS_AFTER.match(text, end) is not None


def work_in_apposition(text: str, start: int, end: int) -> bool:
    """ "the album, Grey Lanterns, sold": a title set off by commas after a work's noun."""
    before = text[(start - 20 if start > 20 else 0) : start].rstrip(" ,")
    word = before[before.rfind(" ") + 1 :]
    return word in _MISC_NOUNS and _WORK_AFTER.match(text, end) is not None


# A publication's or agency's noun right after a name: "Zycie Nowe daily said", "the Le Soir
# newspaper": the name is the publication's, whatever its words.
_PUBLICATION_AFTER = (
    " newspaper",
    " daily",
    " weekly",
    " magazine",
    " tabloid",
    " news agency",
    " agency",
)


# Nouns of a work whose title may follow them directly: "her novel Grey Lanterns", "the BBC
# series Harbour Lights". Those that are verbs too ("show", "book", "film") count only when no
# verb's subject, auxiliary or "to" stands before them ("figures show Ruritania ...").
_WORK_NOUNS = word_set("album song novel musical opera sitcom documentary movie series")
_WORK_VERBS = word_set("film book show")
_WORK_ENDINGS = tuple(" " + noun + " " for noun in _WORK_NOUNS | _WORK_VERBS)
# The last two letters of those nouns: a test of two characters before a name that spares
# most names the call.
WORK_LAST = frozenset(noun[-1] for noun in _WORK_NOUNS | _WORK_VERBS)
WORK_PENULTIMATE = frozenset(noun[-2] for noun in _WORK_NOUNS | _WORK_VERBS)
_VERB_BEFORE = word_set(
    "to will would could can may might must should shall did do does not also which that who "
    "they we you i he she it and or"
)


def work_titled(text: str, start: int) -> bool:
    """The name at ``start`` follows a work's noun: "his book The Long Road", "the album
    Ruritania": the work's title, whatever its words name."""
    if not text.endswith(_WORK_ENDINGS, 0, start):
        return False
    w1, w2 = _words_before(text, start)
    if w1 in _WORK_NOUNS:
        return True
    return w2 not in _VERB_BEFORE and not (w2[-1:] == "s" and text[start - len(w1) - 3] != "'")


def class_noun_before(text: str, start: int) -> bool:
    """ "the news agency Zorbag", "the statistics institute Oltrex": an organisation's class
    noun right before the name says what it is, whatever the name's words suggest."""
    return _words_before(text, start)[0] in _ORG_BEFORE


# A firm's market staff right after a name, then the staffer's name: "Harlan Wexby analyst
# Jan Roe", "... livestock analyst ...": the name is the employer. (Campaigns and people take
# aides, not analysts: "Doe campaign manager Jan Roe" keeps Doe a person.)
EMPLOYER_AFTER = re.compile(
    r" (?:[a-z]+ )?(?:chief |senior )?(?:analyst|economist|strategist)s? [A-Z]"
)


def publication_after(text: str, end: int) -> bool:
    """The name before ``end`` is followed by a publication's or agency's noun."""
    # (each noun opens with one of "ndwmta": most names go on otherwise, and skip the call)
    if text[end + 1 : end + 2] not in "ndwmta" or not text.startswith(_PUBLICATION_AFTER, end):
        return False
    after = text[end + 1 : end + 14]
    return not after.startswith(("daily ", "weekly ")) or after.startswith(
        ("daily said", "weekly said")
    )
