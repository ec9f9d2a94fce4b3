"""Word lists and regex pieces for speech cues and speaker mentions.

Kept apart from the matching logic so the vocabulary can grow without touching the rules.
"""

from __future__ import annotations

import re

# Verbs of saying; each base is expanded to its -s, -ed/-d and -ing forms where regular.
_REGULAR_VERBS = (
    "add acknowledge admit announce answer argue ask assert assure bark bemoan blast boast "
    "caution charge chant chide claim comment complain concede conclude confirm contend continue "
    "counter cry declare deny emphasize emphasise exclaim explain gush insist joke lament mock "
    "mention muse note object observe opine plead pledge point post predict proclaim promise "
    "protest quip quote recall recount reflect remark repeat reply report respond retort "
    "scoff scream shout snap sneer sniff state stress suggest tease testify text tweet urge "
    "vow warn wonder yell email instruct whisper complain huff grumble fume confess brag "
    "concur interrupt interject reason elaborate demand hint beg gripe groan marvel mutter "
    "laugh sigh smile chuckle allege maintain reiterate relate speculate summarize surmise "
    "theorize underscore agree disagree rebut tout vent posit roar bellow thunder beam "
    "rail scold shrug remember react press retaliate growl taunt affirm profess"
)
_IRREGULAR_FORMS = (
    "say says said saying tell tells told telling write writes wrote writing written "
    "put puts putting read reads begin began sing sings sang singing echoed echoes echoing"
)
# Cues that attribute a quoted phrase to its user but are not reporting verbs as such:
# "Trump called the judge a 'hater'". Only used for quotes inside the speaker's sentence.
_NAMING_VERBS = (
    "call describe label dub brand term accuse blame cite deride dismiss praise decry denounce "
    "condemn criticize criticise slam hail reject lambaste ridicule question"
)
# Base forms that are mostly nouns in news text ("a tweet", "the report"): only inflected.
_NOUN_LIKE = (
    "comment report note quote text tweet post point state claim remark charge demand "
    "reply vow promise object mention protest reason hint answer laugh smile sigh rail "
    "vent beam thunder roar groan cry joke email counter question call label term brand "
    "praise cite blame dismiss reject press"
)

ADVERBS = (
    "also later then once again further previously recently repeatedly simply quickly "
    "finally reportedly flatly bluntly frankly angrily calmly quietly sarcastically "
    "has have had was is were would will could did does do had just only ultimately still "
    "often frequently tersely curtly privately publicly"
)
PRONOUNS = ("he", "she", "they", "i", "we", "it")
PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
DETERMINERS = (
    "the a an one another his her their its our my this that these those two three some "
    "several many both each"
)
TITLES = (
    "Mr Mrs Ms Miss Dr Prof Sen Rep Gov Lt Gen Col Maj Capt Sgt Adm Cmdr Gen Rev Fr Pres "
    "Sens Reps Hon Supt Det Insp Amb Atty Judge Justice Senator Representative Governor "
    "President Secretary Mayor Chairman Chairwoman Speaker Leader Director General Colonel "
    "Captain Sheriff Chief Attorney Ambassador Commissioner Councilman Councilwoman "
    "Congressman Congresswoman Prime Minister Pope Sir Lord Lady Queen King Prince Princess "
    "Vice Former Gov. Sen. Rep. Counsel Baroness Baron Dame Cllr"
)
WEEKDAYS_MONTHS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec Today Tonight Yesterday Earlier Later Last This Next"
)
# Capitalised only because they start a sentence: never the first word of a name.
SENTENCE_OPENERS = (
    "And But Or So Then In On At When While If After Before As For From With Without Since "
    "Until Despite Although Though Because Meanwhile However Still Yet Also Now Here There "
    "That These Those It He She They We You Asked Speaking Instead Even Just Only Once What "
    "Why How Where Who Which Whether Over Under During Through Among Between Like Unlike "
    "Amid Of Former Indeed Good Even Many Most Some Several Other Others Such Every Each Both "
    "All Any No Not Never Perhaps Maybe Thus Hence Therefore Moreover Furthermore Besides"
)


def word_set(words: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


# Common nouns that name a person or an organisation in "the senator said"-style mentions.
PERSON_NOUNS = word_set(
    "senator congressman congresswoman lawmaker governor president candidate nominee "
    "spokesman spokeswoman spokesperson official aide adviser advisor mayor secretary "
    "chairman chairwoman director leader manager strategist author writer reporter host "
    "businessman businesswoman billionaire mogul developer judge attorney lawyer prosecutor "
    "official officer sheriff chief economist analyst expert professor researcher scientist "
    "doctor physician man woman boy girl mother father son daughter wife husband voter "
    "supporter activist founder ceo executive representative speaker minister ambassador "
    "commissioner general colonel captain pastor priest bishop rabbi imam actor actress "
    "singer star comedian anchor columnist critic campaigner organizer pollster surrogate "
    "democrat republican politician veteran student teacher resident owner friend source "
    "chair congressmember delegate diplomat envoy front-runner frontrunner hopeful challenger "
    "incumbent contender mp mep msp mla mpp peer councillor premier chancellor"
)
ORG_NOUNS = word_set(
    "campaign committee company group agency department organization organisation party "
    "network newspaper paper magazine firm administration government council board "
    "association union coalition foundation institute university school court ministry "
    "office bureau commission team club website site outlet station channel bank fund "
    "center centre"
)


_DOUBLED = {
    "snap": "snapp",
    "quip": "quipp",
    "admit": "admitt",
    "rebut": "rebutt",
    "beg": "begg",
    "plead": "plead",
    "brag": "bragg",
    "concur": "concurr",
    "slam": "slamm",
    "dub": "dubb",
    "shrug": "shrugg",
}


def _regular_forms(base: str) -> list[str]:
    """Return the -s, -ed and -ing forms of a regular verb (with the usual spelling rules)."""
    if base.endswith("e"):
        return [base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("sh", "ch", "x", "s")):
        return [base + "es", base + "ed", base + "ing"]
    if base in _DOUBLED:  # "admit" -> "admitted", "admitting"; "plead" -> "pleaded"
        return [base + "s", _DOUBLED[base] + "ed", _DOUBLED[base] + "ing"]
    return [base + "s", base + "ed", base + "ing"]


def _verb_forms(bases: str) -> list[str]:
    """Expand a space-separated list of regular verbs into all their forms."""
    forms: list[str] = []
    for base in bases.split():
        if base not in _NOUN_LIKE.split():
            forms.append(base)
        forms.extend(_regular_forms(base))
    return forms


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first so 'says' wins over 'say'.

    The words are grouped by their first character ("s(?:ays|aid)|t(?:old)"), keeping their
    order inside a group: re tries a branch's alternatives one by one, and a list of hundreds
    of verbs was tried in full at every word. Words with another first character could not
    have matched there, so the same alternative still wins.
    """
    unique = sorted(set(words), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for word in unique:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in groups.items()
    )


# "remarks", "comments": cue words that are plural nouns after an owner ("his remarks").
PLURAL_NOUN_CUES = frozenset(w + "s" for w in _NOUN_LIKE.split()) | {"replies"}
SPEECH_VERBS = frozenset(_verb_forms(_REGULAR_VERBS) + _IRREGULAR_FORMS.split())
NAMING_VERBS = frozenset(_verb_forms(_NAMING_VERBS))

# Multi-word cues: "according to", "went on", "shot back", "said in a statement", "put it".
_PHRASES = [
    r"according\s+to",
    # not "the Senate goes on recess", "went on the air" ("went on to boast" stays a cue)
    r"(?:went|goes|going)\s+on(?:\s+to\s+say)?(?!\s+(?:a\s|an\s|the\s|"
    r"recess|trial|strike|vacation|holiday|leave|air|tour|television|TV|record|hiatus|sale))",
    r"(?:shot|fired|hit|shoots|fires)\s+back",
    r"pointed\s+out|points\s+out",
    r"chimed\s+in|chimes\s+in",
    r"spoke\s+up",
    r"(?:was|were|is)\s+quoted\s+as\s+saying",
]
SPEECH_CUE = r"(?:" + "|".join(_PHRASES) + r"|" + _alternation(list(SPEECH_VERBS)) + r")"
# Right after a quote a cue may be capitalised by mistake ('..." Murphy Tweeted').
AFTER_CUE = r"(?:" + SPEECH_CUE + r"|" + _alternation([v.capitalize() for v in SPEECH_VERBS]) + r")"
# "call" is a cue in its base form only after "will" or "to" ("Roe will call it "...""):
# elsewhere
# it is mostly a noun ("a phone call").
NAMING_CUE = (
    r"(?:"
    + _alternation(list(NAMING_VERBS))
    + r"|referr?(?:ed|ing|s)?\s+to|(?:(?<=\bwill\s)|(?<=\bto\s))call)"
)
# The letters a cue starts with: those of the verbs, and of the phrases' first words
# ("according", "went", "goes", "shot", "fired", "hit", "pointed", "chimed", "spoke", "is").
SPEECH_CUE_FIRSTS = "".join(sorted({w[0] for w in SPEECH_VERBS} | set("acfghipsw")))
NAMING_CUE_FIRSTS = "".join(sorted({w[0] for w in NAMING_VERBS} | {"r"}))


def cue_word(cue: str, firsts: str) -> str:
    r"""Regex source matching what ``(?<![\w-])(?P<cue>CUE)\b`` matches, when each match of
    ``cue`` starts with one of the letters ``firsts``.

    ``\b`` and a look-ahead for those letters come first, the look-behind for a hyphen last:
    a search tries every position, and most fail the word boundary at once (the look-behind
    first cost a jump at each). A match starts with a word character, so ``\b`` there says
    what ``(?<!\w)`` says.
    """
    return r"\b(?=[" + firsts + r"])(?<!-)(?P<cue>" + cue + r")\b"


ADVERB = r"(?:" + _alternation(ADVERBS.split()) + r"|\w+ly)"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)(?:['\u2019](?:s|d|ll|ve|re|m)\b)?"
DETERMINER = (
    r"(?:" + _alternation(DETERMINERS.split() + [d.title() for d in DETERMINERS.split()]) + ")"
)
_TITLE = r"(?:(?:" + _alternation(TITLES.replace(".", "").split()) + r")\.?\s+)"
# A capitalised word, initial or abbreviation ("G.K.", "O'Rourke", "Ocasio-Cortez", "Jr.").
_CAP_WORD = r"(?:[A-Z\u00c0-\u00de][\w'\u2019.-]*|[A-Z]\.)"
_NAME_LINK = r"(?:de|del|della|van|von|der|den|la|le|da|di|bin|al|ibn|y)"
NOT_OPENER = r"(?!(?:" + _alternation(SENTENCE_OPENERS.split()) + r")\b)"
NOT_NAME_START = (
    r"(?!(?:" + _alternation(WEEKDAYS_MONTHS.split() + SENTENCE_OPENERS.split()) + r")\b)"
    r"(?!(?:The|A|An|His|Her|Their|Its|Our|My|This)\b(?!\s+[A-Z]))"
)
# (the look-ahead for a name's first letter, a title's or a capital, comes before the two
# look-aheads for openers: most words a search tries are lower case and fail it at once)
NAME = (
    r"(?=[A-Z\u00c0-\u00de])"
    + NOT_NAME_START
    + _TITLE
    + r"*"
    + _CAP_WORD
    + r"(?:\s+(?:"
    + _NAME_LINK
    + r"\s+)?"
    + _CAP_WORD
    + r"){0,4}"
)
