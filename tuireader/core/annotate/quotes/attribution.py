"""Finding the speaker and speech cue next to one quotation.

Attribution in news follows a handful of shapes, each a regex anchored at the quote:
after it (`"...," Trump said` / `"...," said Sen. Ben Sasse` / `"..." - Jane Doe`) and before it
(`Trump said: "..."` / `Trump said the deal was "a disaster"` / `According to Trump, "..."`).
Windows never cross a sentence boundary; callers mask quotation interiors first, so cues and
sentence ends inside quotations are not seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tuireader.core.annotate.names import is_given_name
from tuireader.core.annotate.quotes.cues import (
    ADVERB,
    ADVERBS,
    AFTER_CUE,
    DETERMINER,
    NAME,
    NAMING_CUE,
    NAMING_CUE_FIRSTS,
    NAMING_VERBS,
    NOT_OPENER,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL_NOUN_CUES,
    PRONOUN,
    SPEECH_CUE,
    SPEECH_CUE_FIRSTS,
    SPEECH_VERBS,
    TITLES,
    cue_word,
    word_set,
)

# How a speaker was found; used to judge how much to trust an attribution.
AFTER = "after"
INVERTED = "inverted"
DASH = "dash"
BEFORE = "before"
EMBEDDED = "embedded"
NAMING = "naming"
SUBJECT = "subject"
HEADLINE = "headline"
FINDING = "finding"  # the words of a finding or report ("the Board's finding that")
# words someone's own clause holds: 'Doe's "..." remark', 'branded "..." by Doe' (they
# continue no speech, so the quotations around them do not take their speaker)
OWNED = "owned"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Speaker and cue offsets (absolute, end exclusive) and the pattern that found them."""

    speaker: tuple[int, int]
    cue: tuple[int, int] | None
    how: str


_ABBREVIATIONS = word_set(
    """mr mrs ms dr prof sen rep gov lt gen col maj capt sgt adm cmdr rev fr st jr sr inc co
    corp ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m mt ft ave pres
    sens reps hon supt det insp amb atty dept univ ala ariz ark calif colo conn fla ga ill ind
    kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo"""
)
# (every leading repeat below is written "XX*", not "X+": a pattern whose first item is one
# character class lets re skip in C to the characters that can start a match, where a repeat
# or an assertion first makes it try a match at every character; the matches are the same)
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][.!?\u2026]*[\"\u201d\u2019')\]]*\s+")
# (possessive: a shorter run cannot end where the text does, so backtracking only costs)
_WORD_BEFORE_RE = re.compile(r"([\w.'\u2019-]++)$")

# Words that cannot be part of a subject noun phrase: they end it.
_STOPWORDS = (
    "and or but nor that which who whom whose to by with on in into onto from as than when at "
    "of for while if because after before since until said says told was is are were be been has "
    "have had will would can could should may might must do does did not also then there "
    "here this these those it its he she they we i you him her them us me his their our "
    "your my so yet though although where what how why whether about over under during "
    "against through via per the a an"
)
_STOP = r"(?!(?:" + "|".join(_STOPWORDS.split()) + r")\b)"
_WORD = r"[\w'\u2019&-]+"
_GAP = r"[\s,;:\u2014\u2013\u2015-]*"
_PAREN = r"(?:\s*\([^()\n]{1,40}\))?"
# An apposition kept in the speaker span: "her adviser, Jake Sullivan" (not the comma after).
# (the run after each comma is possessive: it holds no plain comma, and a shorter run, ending
# before a space or a word, could only go on by the next comma, as the longest one can)
# A short masked quotation inside it is a title or a slogan ("wearing "Vote Doe" pins").
# It may end in a title whose comma the marks hold ("Doe, the "Harbor Queen," said").
_APPOSITION_IN = (
    r"(?:(?:\s*,(?:(?:[^,;\"\u201c\u201d\n]|[\"\u201c]\u00b7{1,40}\.?[\"\u201d]){1,250}+)"
    r"(?:[\"\u201c]\u00b7{1,40},[\"\u201d])?){1,4}(?:(?=,)|(?<=,[\"\u201d])))?"
)
_ADVERBS = r"(?:\s+" + ADVERB + r"){0,2}"
# A short title, masked, inside a mention ('Doe's "Save the Port" campaign')
_MASKED_TITLE = r"[\"\u201c]\u00b7{1,40}[\"\u201d]"
# "the senator", "a spokesman for the campaign", "Trump's campaign manager", 'the "Hour" host'.
_DET_NP = (
    DETERMINER
    + r"(?:\s+(?:"
    + _STOP
    + _WORD
    + r"|"
    + _MASKED_TITLE
    + r")){1,6}(?:(?<![^e]ed)\s+(?:of|for|at|from)\s+(?:the\s+)?"
    + _STOP
    + _WORD
    + r"(?:\s+"
    + _STOP
    + _WORD
    + r"){0,3})?"
)
_POSSESSIVE_NP = (
    NAME + r"['\u2019]s(?:\s+" + _MASKED_TITLE + r")?(?:\s+" + _STOP + r"[a-z][\w-]*){1,3}"
)
# Anchored at the quote, any few words may precede the name ("campaign manager Robby Mook").
_MODIFIED_NAME = (
    r"(?:(?:"
    + _STOP
    + r"[\w'\u2019.-]+(?:/[\w'\u2019.-]+)*|of(?=\s+[a-z])|"
    + _MASKED_TITLE
    + r")\s+){0,5}?"
    + NAME
)  # "former secretary of state Jane Doe", "9/11 widow Jane Doe", '"The Hour" host Jane Doe'
_SUBJECT = r"(?:" + PRONOUN + r"|" + _POSSESSIVE_NP + r"|" + _MODIFIED_NAME + r"|" + _DET_NP + r")"
# Right after a quote and before a cue, looser: "Fight for $15 organizing director Kendall
# Fells", "another friend, Mariam Emara".
_AFTER_SUBJECT = (
    r"(?:"
    + _DET_NP
    + r",\s+"
    + NAME
    + r"|"
    + _STOP
    + r"(?:[^\s,;:.!?\"\u201c\u201d]+\s+){0,6}?"
    + NAME
    + r"|"
    # '"...?" a narrator in the Doe ad asks', '"...!" a woman in the crowd shouted'
    + r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w-]*\s+(?:in|at)\s+(?:the|a|an)"
    + r"(?:\s+"
    + _STOP
    + r"[\w'\u2019-]+){1,3}(?=,?\s+[a-z])"
    + r"|"
    + _SUBJECT
    + r")"
)
# Searched backwards from a cue, the modifiers must start with a capital or a determiner.
_LEFT_NAME = (
    # "Former" opens sentences but is no name: it still leads a name's modifiers
    r"(?:(?:Former|(?=[A-Z])"  # (a lower-case word fails before the openers are tried)
    + NOT_OPENER
    + r"[A-Z][\w'\u2019.-]*|"
    + DETERMINER
    + r")\s+(?:"
    + _STOP
    + r"[\w'\u2019.-]+\s+){0,3})?"
    + NAME
)
_LEFT_SUBJECT = r"(?:" + PRONOUN + r"|" + _POSSESSIVE_NP + r"|" + _LEFT_NAME + r"|" + _DET_NP + r")"

# "said Trump" inverts; "saying Trump..." and "told Trump" do not.
_NOT_INVERTIBLE = r"(?!\w+ing\b|tells?\b|told\b|asks\b)"
# "Mr. Doe of the Harbor Trust", "Sen. Doe from Ohio": where the speaker comes from.
_OF_BODY = (
    r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w.'\u2019&-]*"
    r"(?:\s+(?:(?:for|of|and|on|the)\s+){0,2}[A-Z][\w.'\u2019&-]*){0,6})?"
)
_AFTER_RE = re.compile(
    r"^"
    + _GAP
    + r"(?P<sp>"
    + _AFTER_SUBJECT
    + _OF_BODY
    + _PAREN
    + _APPOSITION_IN
    + r"),?"
    + _ADVERBS
    + r"\s+(?P<cue>"
    + AFTER_CUE
    + r")\b"
)
_INVERTED_RE = re.compile(
    r"^"
    + _GAP
    + _NOT_INVERTIBLE
    + r"(?P<cue>"
    + SPEECH_CUE
    + r")(?:\s+both)?\s+(?!that\s)(?P<sp>"  # "suggests that Dover ...": a clause
    + _MODIFIED_NAME
    + r"|"
    + _DET_NP
    + r")"
)
# '"Why now?" Doe questioned.': "questioned" with no object, closing the sentence
_QUESTIONED_RE = re.compile(
    r"^"
    + _GAP
    + r"(?P<sp>"
    + _AFTER_SUBJECT
    + r"),?"
    + _ADVERBS
    + r"\s+(?P<cue>questioned|queried)"
    r"(?=\s*[.,;]|\s*$)"
)
# `explained CBS moderator Nancy Cordes: "..."` - an inverted cue introducing the quote.
_INVERTED_INTRO_RE = re.compile(
    r"(?<!\w)"
    + _NOT_INVERTIBLE
    + r"(?P<cue>"
    + SPEECH_CUE
    + r")\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"|"
    + _DET_NP
    + _PAREN
    + _APPOSITION_IN
    + r")\s*[:,]\s*$"
)
# `... "small handful" of companies, Gilbert said.` - an attribution closing the sentence.
_SENTENCE_FINAL_RE = re.compile(
    r",\s*(?:(?P<sp>"
    + _AFTER_SUBJECT
    + _PAREN
    + _APPOSITION_IN
    + r"),?"
    + _ADVERBS
    + r"\s+(?P<cue>"
    + SPEECH_CUE
    + r")|"
    + _NOT_INVERTIBLE
    + r"(?P<cue2>"
    + SPEECH_CUE
    + r")\s+(?P<sp2>"
    + _MODIFIED_NAME
    + r"))\b[^.!?\u00b7\"\u201c\u201d]{0,250}[.!?]?\s*$"
)
_UNCLOSED_APPOSITION_RE = re.compile(
    r"^"
    + _GAP
    + r"(?P<sp>"
    + NAME
    + r"),\s+(?:who|the|a|an)\s(?:[^,;!?.\"\u201c\u201d\n]|\.(?=\S)){1,150}?\s(?P<cue>"
    + SPEECH_CUE
    + r")\b"
)
_DASH_RE = re.compile(r"^\s*[\u2014\u2013\u2015-]+\s*(?P<sp>" + NAME + r")")
# A credit line under a quotation paragraph: "- Jane Doe." / "— Jane Doe, in a speech".
_CREDIT_LINE_RE = re.compile(
    r"[ \t\u00a0]*[\u2014\u2013\u2015-]+[ \t\u00a0]*(?P<sp>"
    + NAME
    # an embedded post's handle and date: "— Jane Doe (@janedoe) October 3, 2016"
    + r")(?:\s*\(@\w{1,30}\))?(?:[,.][^\n\"\u201c\u201d]{0,150}|"
    r"\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
_CUE_RE = re.compile(cue_word(SPEECH_CUE, SPEECH_CUE_FIRSTS))
_NAMING_RE = re.compile(cue_word(NAMING_CUE, NAMING_CUE_FIRSTS))
# "Doe on Friday said", "Doe in a statement wrote": a time or a medium between subject and cue.
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ASIDE = (
    r"(?:\s+(?:(?:on|late|early|last|this|earlier)\s+(?:"
    + _DAY
    + r"(?:\s+(?:night|morning|afternoon|evening))?|week|night|morning|afternoon|evening)|"
    r"on\s+(?:Twitter|Facebook|Instagram)|in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|tweet|post|speech|letter|email|op-ed|release)))?"
)
_SUBJECT_END_RE = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013,;:]))(?P<sp>"
    + _LEFT_SUBJECT
    + _PAREN
    + _APPOSITION_IN
    + r"),?"
    + _ADVERBS
    + _ASIDE
    + r"\s*$"
)
# "... and Trump calling it a 'great meeting'": a name right before a participle cue.
_NAME_END_RE = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013;:]))(?P<sp>" + _LEFT_NAME + r"|" + PRONOUN + r")"
    r"(?:\s+" + ADVERB + r")?\s+$"  # "with Doe reportedly yelling"
)
# "according to Jane Doe and Tom Roe": the two jointly, as "by Jane Doe and Tom Roe" is
_JOINT_NAME = _MODIFIED_NAME + r"(?:\s+and\s+" + _MODIFIED_NAME + r")?"
_ACCORDING_RE = re.compile(
    r"\b(?P<cue>[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\s+(?P<sp>"
    + _JOINT_NAME
    + r"|"
    + _DET_NP
    + r")"
)
# "In Doe's words, ...", "In her own words:": whose words the quotation gives.
_IN_WORDS_RE = re.compile(
    r"\b[Ii]n\s+(?P<sp>" + NAME + r"|his|her|their)(?:['\u2019]s?)?\s+(?:own\s+)?"
    r"(?P<cue>words)\s*[,:]\s*$"
)
# US states, spelled out or abbreviated, as they follow a town ("Dover, Del.,").
_STATE = (
    r"(?:(?:New|North|South|West|Rhode)\s+[A-Z][a-z]+|Alabama|Alaska|Arizona|Arkansas|"
    r"California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|"
    r"Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio|Oklahoma|Oregon|Pennsylvania|"
    r"Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin|Wyoming|D\.C\.|"
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|"
    r"Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.|[A-Z]\.[A-Z]\.)"
)
STATE_RE = re.compile(_STATE)
_SENTENCE_ADVERB = (
    r"(?:Additional|Converse|Separate|Ultimate|Similar|Notab|Important|Interesting|Unfortunate|"
    r"Fortunate|Final|Initial|Original|Previous|Current|Recent|Subsequent|Consequent|"
    r"According|Specifical|General|Clear|Obvious|Apparent|Reported|Traditional|Historical|"
    r"Ironical|Curious|Surprising|Predictab|Alternative|Incidental|Frank|Honest|Basical|"
    r"Essential)ly|Nevertheless|Nonetheless|Likewise|Overall"
)
# Clause openers skipped when looking for a sentence's subject ("On Monday, Doe said").
_LEAD_RE = re.compile(
    # a dateline: "DOVER - ", "DOVER, July 5 (AP) — "
    r"\s*(?:[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?(?:\s+\([A-Za-z]+\))?\s+[\u2014\u2013-]+\s+"
    r"(?=[A-Z])|"  # not "ISIS - the group - said"
    # "Dover (AFP) - ", "Port Ellis, Ruritania (Reuters) - ": a town with the agency's tag
    r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,2}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s+\([A-Z][A-Za-z]+\)\s+[\u2014\u2013-]+\s+(?=[A-Z]))?"
    # "Conversely, Doe rated": a sentence adverb and its comma
    r"(?:(?:" + _SENTENCE_ADVERB + r"),\s*)?"
    r"(?:(?:But|And|So|Still|Yet|Then|Now|Also|Instead|Meanwhile|However|Later|Earlier)"
    r"\b,?\s*(?:then\s+|so\s+|now\s+)?"
    # "Earlier this week, Doe", "But on Monday, Doe": the time after the connective
    r"(?:(?:on|in|at|during|this|last|that|early|late|earlier|later)\b"
    r"[^,;:\u201c\u201d\"\n]{0,60},\s*)?)?"
    r"(?:[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}\s+(?:ago|later|earlier),\s*|"
    r"(?:In|On|At|During|After|Before|When|While|Following|Since|Earlier|Later|"
    r"Last|This|As|With|Without|Despite|Like|Unlike|Under|For|From|Through|Within|Over|To|By|"
    r"Because|Although|Though|If|Once|Until|Amid|Ahead|Given|Hours|Days|Minutes|Moments|"
    r"Weeks|Months|Years|Shortly|Soon|Immediately|Of|Regarding|Outside|Inside|Near|Here|Back|Early|Late|"
    r"Meanwhile|However|Still|Then|"
    + _DAY
    + r"|[A-Z][a-z]+(?:ing|ed))\b[^,;:\u201c\u201d\"]{0,150}"
    # the lead-in may end in a quoted title ("On an episode of \u201cThe Hour,\u201d Doe said")
    r"(?:,|\u201c[^\u201c\u201d\",;:\n]{1,80},\u201d|\"[^\u201c\u201d\",;:\n]{1,80},\")\s*"
    # "Speaking in Dover, Delaware, Doe": the town's state goes with the lead-in
    r"(?:" + _STATE + r",\s*)?)?"
)
# "On Thursday, after staying neutral for months, Doe": a second lead-in clause (for the
# sentence's subject only: pronoun antecedents keep the one-clause lead-in)
_SECOND_LEAD_RE = re.compile(
    r"(?:after|before|while|since|despite|during|following|amid|in|on|at)\b"
    r"[^,;:\u201c\u201d\"]{0,150},\s*"
)
# "Jane Doe "bristled" and said": a short quotation (masked) right after the subject is
# part of its predicate; the verb phrase goes on after it (not a possessive's noun: in
# "Doe's "excesses" are" the quotation belongs to the subject)
_SHORT_QUOTED = r"(?:(?<!['\u2019]s)\s+[\"\u201c]\u00b7{1,40}[,.!?]?[\"\u201d])?"
_SENTENCE_SUBJECT_RE = re.compile(
    r"(?![A-Z][a-z]+(?:ing|ed)\b(?!\s+[A-Z]))(?P<sp>"
    + _LEFT_SUBJECT
    + _PAREN
    + _APPOSITION_IN
    + r"),?"
    + _ADVERBS
    + _SHORT_QUOTED
    + r"\s+[a-z]"
)
_DESCRIPTION_SUBJECT_RE = re.compile(r"(?P<sp>" + _DET_NP + r")(?=,?\s+[a-z])")
# Cues whose subject is not right before them: "..., saying", "and added", "by saying".
_PARTICIPLE_RE = re.compile(r"\w+ing$")
_DETACHED_RE = re.compile(r"(?:,|\band|\bbut|\bby|\bbefore|\bafter|\bwhile|\bthen)\s*$")
_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose|whom|noting|adding|speaking)\b")
_LAST_WORD_RE = re.compile(r"\s\s*([\w'\u2019-]+)$")
# "The Russian government further underscores": adverbs before a cue are not in the mention.
_NOT_MENTION_END = frozenset(_STOPWORDS.split()) | frozenset(ADVERBS.split())
_PREPOSITION_END_RE = re.compile(
    r"\b(?:at|in|on|of|for|with|by|from|to|into|about|after|before|during|over|under|since|"
    r"than|like|against|among|between|through|behind|despite)\s+$",
    re.IGNORECASE,
)
# A cue after a modal or "to" is not reporting speech: "would continue", "to say".
_MODAL_BEFORE_RE = re.compile(
    r"\b(?:would|will|can|could|should|may|might|must|to|not|n['\u2019]t)\s+$", re.IGNORECASE
)
# `...doesn't surprise Republican pollster Daron Shaw: "..."` - a name right before the colon.
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$", re.IGNORECASE)
_WHERE_BEFORE_RE = re.compile(r"\b(?:on|via|in|at|into)\s+$")
_NAME_BEFORE_COLON_RE = re.compile(r"(?P<sp>" + _LEFT_NAME + _PAREN + r")\s*:\s*$")
_TAIL_AFTER_CUE_RE = re.compile(r"[^.!?]{0,60}[.!?]?\s*$")
# "agreed that", "told reporters that": the cue opens a reported clause of its own
_CLAUSE_AFTER_CUE_RE = re.compile(
    r"(?:(?:\s+[\w'\u2019-]+){0,3}?\s+that|\s+(?:he|she|they|it|we|there)(?:['\u2019]s)?)\b"
)
# "Doe told Channel 5:", "sent a message to Roe:" - the name before the colon is spoken to.
_ADDRESSEE_BEFORE_RE = re.compile(
    r"(?:\b(?:told|tells|telling|asked|asks|assured|reminded|warned|informed|urged)|"
    r"(?<!\baccording)(?<!\bthanks)(?<!\bdue)\s+to|"
    # "had a simple message for Roe:": the words are for Roe, the subject's
    r"\b(?:message|words|warning|advice|reminder|question|challenge|plea|request|demand|"
    r"response|answer|reply|retort|note)s?\s+for)\s+$",
    re.IGNORECASE,
)


def is_sentence_end(text: str, punct_at: int) -> bool:
    """True when the punctuation at ``punct_at`` ends a sentence (not 'Sen.' or 'U.S.')."""
    if text[punct_at] != ".":
        return True
    m = _WORD_BEFORE_RE.search(text, max(0, punct_at - 20), punct_at)
    if m is None:
        return True
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha()) and "." not in word.strip(".")


def _ends_sentence(text: str, m: re.Match) -> bool:
    """Whether a match of ``_SENTENCE_END_RE`` (punctuation plus following space) ends a
    sentence."""
    return ")" not in m.group() and is_sentence_end(text, m.start())


def after_window(text: str, start: int, limit: int) -> int:
    """End of the attribution window after a quote: the first sentence end before ``limit``
    (just past it; the ends after it are not looked at)."""
    for m in _SENTENCE_END_RE.finditer(text, start, limit):
        if _ends_sentence(text, m):
            return m.end()
    return limit


def before_window(text: str, limit: int, end: int) -> int:
    """Start of the window before a quote: just past the last sentence end after ``limit``
    (read from the last one back)."""
    for m in reversed(list(_SENTENCE_END_RE.finditer(text, limit, end))):
        if _ends_sentence(text, m):
            return m.end()
    return limit


_PRONOUN_OPENS_RE = re.compile(r"\.\s+(He|She|They|We|I)$")
_OPENING_PRONOUNS = (" He", " She", " They", " We", " I")


def trim_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a relative clause (', who ...') and trailing words that cannot end a mention; a
    name and a verb in the past tense ("Doe praised Roe's") keep only the name."""
    m = (
        _PRONOUN_OPENS_RE.search(text, max(start, end - 8), end)
        if text.endswith(_OPENING_PRONOUNS, start, end)
        else None
    )
    if m is not None:
        # "... ships from the U.S. He adds": an abbreviation's stop ended the sentence
        return m.start(1), end
    m = _RELATIVE_RE.search(text, start, end)
    if m is not None:
        end = m.start()
    m = _HEADLINE_VERB_RE.search(text, start, end)
    if m is not None and m.start() > start and m.group(1).lower() in _HEADLINE_VERBS:
        end = m.start()  # "Doe Slams Roe" (a headline's subject and verb): Doe
    m = _NAME_VERBED_RE.match(text, start, end)
    if (
        m is not None
        and m.group("last").rstrip(".").lower() not in _TITLE_WORDS
        and m.group("verb") not in _ADJECTIVES_ED
        and m.group("name").split()[0].lower() not in _NOT_MENTION_END
    ):
        return start, m.end("name")
    while True:
        m = _LAST_WORD_RE.search(text, start, end)
        if m is None or m.start() == start or not _cannot_end_mention(m.group(1)):
            return start, end
        end = m.start()


# A headline's verb, capitalised: "Doe Slams Roe: '...'", "Doe Tells Roe".
_HEADLINE_VERB_RE = re.compile(r"\s\s*([A-Z][a-z]+s)\b")  # (leading class: see above)
_HEADLINE_VERBS = (
    frozenset(v for v in SPEECH_VERBS | NAMING_VERBS if v.endswith("s"))
    | word_set(
        "hammers slams blasts rips knocks bashes torches trashes hits attacks taunts lectures "
        "grills scolds chides lashes fires unloads skewers roasts jabs swipes needles ribs "
        "thanks tells asks urges warns calls mocks"
    )
) - PLURAL_NOUN_CUES
# "Doe praised Roe's", "Doe backed Roe": a subject, its verb and the object's name.
_NAME_VERBED_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w.'\u2019-]*\s+)*(?P<last>[A-Z][\w.'\u2019-]*))\s+"
    r"(?P<verb>[a-z]+ed)\s+[A-Z]"
)
# "Former embattled Sen. Jane Doe": past participles that modify a name.
_ADJECTIVES_ED = word_set(
    "embattled retired disgraced beleaguered indicted celebrated acclaimed noted renowned "
    "jailed detained ousted exiled famed storied talented seasoned respected elected "
    "appointed designated unnamed named"
)


def _cannot_end_mention(word: str) -> bool:
    """Lowercase -ed/-ly words and function words do not end a speaker mention."""
    if word.lower() in _NOT_MENTION_END:
        return True
    return word[0].islower() and word.endswith(("ed", "ly")) and word not in _ROLE_NOUNS


def _found(text: str, m: re.Match, offset: int, how: str) -> Attribution:
    """Build an Attribution from a match on a slice of ``text`` starting at ``offset``."""
    sp = trim_speaker(text, m.start("sp") + offset, m.end("sp") + offset)
    cue = (m.start("cue") + offset, m.end("cue") + offset) if "cue" in m.re.groupindex else None
    return Attribution(sp, cue, how)


# '"...," was how it was described by Jane Doe', '"...," as the plan was dubbed by Doe'
_HOW_DESCRIBED_RE = re.compile(
    r"[\s,\u2014\u2013-]*(?:(?:was|is|were|are)\s+how|as)\s[^.!?;\"\u201c\u201d\n]{0,50}?\b"
    r"(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?P<cue>[a-z]+(?:ed|told|written|said))"
    r"\s+by\s+(?P<sp>" + _MODIFIED_NAME + r")"
)


# '"...," Doe started.', '"...," exhorted the host, singer Jane Doe.': right after a quotation
# its sentence runs on past, a name and a past-tense verb (or the verb and a name) that end
# the sentence are its reporting clause, whether or not the verb is a listed cue.
_CLOSING_CLAUSE_RE = re.compile(
    r"[\s,]*(?P<sp>" + NAME + r"|" + PRONOUN + r")\s+(?P<cue>[a-z]{3,}ed)(?=\.(?:\s|$))"
)
_CLOSING_INVERTED_RE = re.compile(
    r"[\s,]*(?P<cue>[a-z]{3,}ed)\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"|"
    + _POSSESSIVE_NP
    + r"|"
    + _DET_NP
    + r")(?=(?:,[^.!?,;:\"\u201c\u201d\n]{1,80})?\.(?:\s|$))"
)


_MASK_RUN = "\u00b7" * 20  # a masked quotation's interior, 20 characters at least


def _long_masked(text: str, end: int) -> bool:
    """Whether a masked quotation's interior of 20 characters or more ends at ``end``, past
    the punctuation the marks hold (typeset marks double it: ''...,'')."""
    while end > 0 and text[end - 1] in ",?!":
        end -= 1
    return text.endswith(_MASK_RUN, 0, end)


_ED_FIRST_RE = re.compile(r"[\s,]*[a-z]{3,}ed\s")


def _closing_clause(text: str, start: int, end: int) -> Attribution | None:
    """The speaker of a reporting clause with an unlisted verb closing the sentence."""
    # (cheap tests first: a word in -ed before the next full stop, or right after the quote)
    stop = text.find(".", start, min(end, start + 120))
    if stop > start and text[stop - 2 : stop] == "ed":
        m = _CLOSING_CLAUSE_RE.match(text, start, end)
        if m is not None:
            return _found(text, m, 0, AFTER)
    if stop < 0 or not _ED_FIRST_RE.match(text, start, end):
        return None
    m = _CLOSING_INVERTED_RE.match(text, start, end)
    if m is None or m.group("sp")[:1].islower() and m.group("sp").split()[0] in ("by", "as"):
        return None
    found = _found(text, m, 0, INVERTED)
    if _POSSESSIVE_START_RE.match(text, *found.speaker):
        # "urged Doe's host, poet Jane Roe": the name in apposition
        named = _COMMA_NAME_RE.match(text, found.speaker[1], end)
        if named is not None:
            return Attribution(named.span("sp"), found.cue, INVERTED)
    found = _comma_name(text, found, end)
    return _to_trailing_name(text, _whole_description(text, found, end), end)


_POSSESSIVE_START_RE = re.compile(r"[A-Z][\w.-]*['\u2019]s\s+[a-z]")


def attribute_after(text: str, start: int, end: int, sentence_closed: bool) -> Attribution | None:
    """Speaker in the window right after a quote: subject-cue, cue-subject or a dash.

    After a quote that closed its sentence ('..."') the window must be nothing but the
    attribution (`"...." Trump said.`), or it is the next sentence.
    """
    window = text[start:end]
    for regex, how in ((_AFTER_RE, AFTER), (_INVERTED_RE, INVERTED), (_DASH_RE, DASH)):
        m = regex.match(window)
        if m and how == AFTER and m.group("cue")[:1].isupper() and m.group("sp")[:1].islower():
            m = None  # '"soft" like the United States': a capital cue only in a headline
        if m and how == AFTER and _PARTICIPLE_PHRASE_RE.match(m.group("sp")):
            m = None  # '"false," compared to 9% of Doe claims': a participle phrase, no subject
        if m and sentence_closed and how == AFTER and _CLAUSE_AFTER_CUE_RE.match(window, m.end()):
            m = None  # '"...." Doe agreed that the shift was real.': a report of its own
        if m and how == AFTER and m.group("cue") in ("quoted", "quotes"):
            quoted = _QUOTED_NAME_AS_RE.match(window, m.end())
            if quoted is not None:
                # '"...", the paper quoted Mr Roe as saying.': Roe's words, not the paper's
                return _found(text, quoted, start, EMBEDDED)
        if m and (not sentence_closed or _TAIL_AFTER_CUE_RE.match(window, m.end())):
            found = _found(text, m, start, how)
            if how == INVERTED:
                found = _comma_name(text, found, end)
            return (
                _with_group(
                    text, _to_trailing_name(text, _whole_description(text, found, end), end)
                )
                if how == INVERTED
                else found
            )
    m = _HOW_DESCRIBED_RE.match(window) if not sentence_closed else None
    if m is not None and _ANY_CUE_RE.fullmatch(m.group("cue")):
        # '"...," was how it was described by Jane Doe.': the agent's words
        return _found(text, m, start, AFTER)
    m = _QUESTIONED_RE.match(window)
    if m is not None:
        return _found(text, m, start, AFTER)  # '"Why now?" Doe questioned.'
    m = _UNCLOSED_APPOSITION_RE.match(window)
    if m and (not sentence_closed or _TAIL_AFTER_CUE_RE.match(window, m.end())):
        # '"...," Jane Doe, who chairs the group said' - the apposition's comma left out.
        return _found(text, m, start, AFTER)
    if (
        not sentence_closed
        and text[start - 2 : start - 1] in (",", "?", "!")
        and _long_masked(text, start - 2)
    ):
        # (a quotation of some length: '"The Long Road Home," Doe published' is a title)
        found = _closing_clause(text, start, end)
        if found is not None:
            return found
    stripped = window.lstrip(" ,;:\u2014\u2013-")
    m = _ACCORDING_RE.match(stripped)
    if m and not sentence_closed:
        return _found(text, m, start + len(window) - len(stripped), AFTER)
    if not sentence_closed:
        m = _AS_SAID_RE.search(window)
        if m is not None and _plausible_subject(m.group("sp")):
            return _found(text, m, start, AFTER)  # '"...," as Doe put it.': Doe's words
        m = _ACCORDING_FINAL_RE.search(window)
        if m is not None:
            # 'a "walk-in" at 2,000 schools, according to the organiser Harbor Trust.'
            return _found(text, m, start, AFTER)
        return _sentence_final(text, start, end)
    return None


_ACCORDING_FINAL_RE = re.compile(
    r",\s*(?P<cue>according\s+to)\s+(?P<sp>"
    + _JOINT_NAME
    + r"|"
    + _DET_NP
    + r")[^.!?;:\"\u201c\u201d]{0,150}[.!?]?\s*$"
)
# '..., as the Harbor Trust report put it.', '"...," as Doe noted on Monday.': an "as" clause
# closing the sentence names whose words the quotation gives (not "as Doe said goodbye").
_AS_SAID_RE = re.compile(
    r"(?:^|,)\s*as\s+(?P<sp>"
    + _SUBJECT
    + r")"
    + _ADVERBS
    + r"\s+(?P<cue>"
    + SPEECH_CUE
    + r")(?:\s+it)?(?:\s+(?:on|in|at|during|after|before|last|earlier|this|when|while)\b"
    r"[^.!?;:\"\u201c\u201d]{0,100})?[.!?]?\s*$"
)


# "compared to", "based on", "followed by": a participle and its preposition open no subject
_PARTICIPLE_PHRASE_RE = re.compile(
    r"[a-z]+(?:ed|ing)\s+(?:to|by|with|on|from|in|at|for|of|as|than)\s"
)
# 'said the club's captain, Jane Doe.': the name in apposition to an inverted description
_COMMA_NAME_RE = re.compile(
    # (a role may open the apposition: "said the club's host, poet Jane Doe")
    r",\s+(?:(?!(?:who|whose|which|that|and|but|or|as|in|on|at|of|for|with|when|while|after|"
    r"before|then|also|now|not)\b)[a-z][\w-]*\s+){0,2}(?P<sp>"
    + NOT_OPENER
    + r"(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*[a-z])(?=\s*(?:[.,;!?]|$))"
)
_DETERMINER_START_RE = re.compile(DETERMINER + r"\s")


def _comma_name(text: str, found: Attribution, limit: int) -> Attribution:
    """ "said the senator from Ohio, Jane Doe": the name after the description speaks."""
    lo, hi = found.speaker
    if not _DETERMINER_START_RE.match(text, lo, hi):
        return found
    m = _COMMA_NAME_RE.match(text, hi, limit)
    if m is None:
        return found
    return Attribution(m.span("sp"), found.cue, found.how)


def attribute_credit_line(text: str, start: int, end: int) -> Attribution | None:
    """The line ``text[start:end]`` is a dash and a name crediting the quotation above it
    (fact-check and pull-quote layout): that name."""
    m = _CREDIT_LINE_RE.match(text, start, end)
    return _found(text, m, 0, DASH) if m else None


# "said Democratic pollster Jane Doe.", "said Ohio Party Chairman Jane Doe": the words after
# the first capitalised ones, up to a name that ends the phrase.
_TRAILING_NAME_RE = re.compile(
    r"(?P<sp>(?:(?:" + _STOP + r"[\w.'\u2019&-]+|and)\s+){1,8}" + NAME + r")"
    r"(?=\s*(?:[,.;:!?(\u2014\u2013]|$)|\s+(?:in|on|at|who|of|from|during|after|before|to|"
    r"told|when|while|as|and|but)\b)"
)
_ROLE_NOUNS = PERSON_NOUNS | word_set(
    "member co-host host consultant operative historian lobbyist donor fundraiser adviser "
    "advisor aide chief ally backer confidant treasurer boss"
)


_DET_NP_RE = re.compile(_DET_NP)


def _whole_description(text: str, found: Attribution, limit: int) -> Attribution:
    """ "said one Doe adviser": the description, not "one Doe" cut before its noun."""
    lo, hi = found.speaker
    if not _INDEFINITE_START_RE.match(text, lo, hi):
        return found
    m = _DET_NP_RE.match(text, lo, limit)
    if m is None or m.end() <= hi:
        return found
    return Attribution(trim_speaker(text, lo, m.end()), found.cue, found.how)


_GROUP_AFTER_RE = re.compile(
    r"\s+(?:leaders|officials|aides|lawmakers|members|sources|staffers|strategists|operatives|"
    r"advisers|advisors|allies|supporters|voters)\b"
)


def _with_group(text: str, found: Attribution) -> Attribution:
    """ "said Senate Republican leaders", "said Doe aides": the group that the names
    modify speaks (unnamed), not the names cut before its noun."""
    lo, hi = found.speaker
    m = _GROUP_AFTER_RE.match(text, hi)
    if m is None or not text[lo:hi][:1].isupper():
        return found
    return Attribution((lo, m.end()), found.cue, found.how)


_INDEFINITE_START_RE = re.compile(r"(?:an?|another|one)\s")


def _to_trailing_name(text: str, found: Attribution, limit: int) -> Attribution:
    """Extend an inverted speaker cut short at a modifier or title ("said Democratic |
    pollster Jane Doe", "said former Ohio Gov. | and party Chairman Jane Doe") to the name
    ending the phrase, when a role word or the title stands between."""
    lo, hi = found.speaker
    if _LOWER_START_RE.match(text, lo, hi):  # "said the senator from Ohio, Jane Doe"
        return found
    m = _TRAILING_NAME_RE.match(text, lo, limit)
    if m is None or m.end("sp") <= hi:
        return found
    between = text[hi : m.end("sp")].lower().split()
    last = text[lo:hi].split()[-1]
    if len(between) == 1 and is_given_name(last.lower()) and text[hi : hi + 1] == " ":
        # "said Harbor Auto Workers Secretary-Treasurer Jane | Doe": cut inside the name
        return Attribution(trim_speaker(text, lo, m.end("sp")), found.cue, found.how)
    words = text[hi : m.end("sp")].split()
    if (
        len(words) >= 3
        and any(w[:1].islower() for w in words[:-2])
        and is_given_name(words[-2].lower())
    ):
        # "said Doe constituent Jane Roe": a role noun between two names, whatever the noun
        return Attribution(trim_speaker(text, lo, m.end("sp")), found.cue, found.how)
    ends_title = last.rstrip(".").lower() in _TITLE_WORDS
    parts = {p for w in between for p in w.strip(".,").split("-")}
    if not (ends_title or parts & (_ROLE_NOUNS | _TITLE_WORDS)):
        return found
    return Attribution(trim_speaker(text, lo, m.end("sp")), found.cue, found.how)


_PARTICIPLE_START_RE = re.compile(r"[a-z]+ing\s")
_NAME_BEFORE_COMMA_RE = re.compile(r"(?:^|(?<=[\s(]))(?P<sp>" + _LEFT_NAME + r")\s*$")


def _sentence_final(text: str, start: int, end: int) -> Attribution | None:
    """`"..." than that of the CIA chief, Zuckoff said.` - the attribution ends the sentence."""
    m = _SENTENCE_FINAL_RE.search(text, start, end)
    if m is None:
        return None
    if m.group("sp") is not None:
        if m.group("sp").endswith(("'s", "\u2019s")):
            return None  # ", given Doe's comments saying": a noun, not a subject and verb
        if _PARTICIPLE_START_RE.match(m.group("sp")):
            # "as Jane Doe, shouting on a street in Dover, said": the phrase between commas
            # describes the name before it, which is the subject
            name = _NAME_BEFORE_COMMA_RE.search(text, max(start, m.start() - 80), m.start())
            return Attribution(name.span("sp"), m.span("cue"), AFTER) if name else None
        return Attribution(trim_speaker(text, *m.span("sp")), m.span("cue"), AFTER)
    found = Attribution(trim_speaker(text, *m.span("sp2")), m.span("cue2"), INVERTED)
    return _to_trailing_name(text, found, end)


def _names_a_person(phrase: str) -> bool:
    """Whether a description ends in a person noun ("the Democratic nominee")."""
    last = phrase.rsplit(None, 1)[-1].lower()
    return last in PERSON_NOUNS or last.endswith("-runner")


_NAME_ENDS_LEAD_RE = re.compile(r"[A-Z][\w'\u2019.-]*,\s*$")
_APPOSITION_AFTER_LEAD_RE = re.compile(
    r"(?:the|a|an)\s[^,;:.!?\"\u201c\u201d\n]{1,80},\s*(?=[A-Z])"
)


def sentence_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject at the head of the sentence in [start, end), skipping lead-in clauses."""
    lead = _LEAD_RE.match(text, start, end)
    pos = lead.end() if lead else start
    if pos > start and text[pos - 2 : pos] == ", ":
        second = _SECOND_LEAD_RE.match(text, pos, end)
        if second is not None:
            pos = second.end()
    if lead is not None and _NAME_ENDS_LEAD_RE.search(text, max(start, pos - 40), pos):
        # "Introduced by Jane Doe, the Ohio sheriff, Roe launched into": the description
        # after the lead-in's closing name is its apposition; the subject follows it
        appo = _APPOSITION_AFTER_LEAD_RE.match(text, pos, end)
        if appo is not None:
            pos = appo.end()
    m = _SENTENCE_SUBJECT_RE.match(text, pos, end)
    if m is None or not _plausible_subject(m.group("sp")):
        return None
    sp = m.group("sp")
    described = sp[:1].isupper() or sp.startswith("the ")
    d = _DESCRIPTION_SUBJECT_RE.match(text, pos, end) if described else None
    if d is not None and d.end("sp") > m.end("sp"):
        # "The Democratic nominee said", "The Ohio senator sought to", not "The Democratic";
        # after a lead-in too ("During the debate, the Labour peer and former minister said")
        if _names_a_person(d.group("sp")):
            return d.span("sp")
        w = _WORD_SPAN_RE.match(text, m.end("sp"), d.end("sp"))
        if w is not None and (_names_a_person(w.group()) or w.group(1) in _THING_NOUNS):
            return d.start("sp"), w.end()  # "The Ohio poll finds", not "The Ohio"
        if w is not None and _AUXILIARY_RE.match(text, w.end(), end):
            return d.start("sp"), w.end()  # "The recent Ohio proposals were": the proposals
    if sp[:1].isupper() and sp.rsplit(None, 1)[-1][:1].isupper():
        w = _WORD_SPAN_RE.match(text, m.end("sp"), end)
        if w is not None and w.group(1) in _PEOPLE_PLURALS:
            return m.start("sp"), w.end()  # "Church ministers are trying": the ministers
    return m.span("sp")


# "ministers", "supporters": people a capitalised word before them only describes (not those
# who speak for it: "UAW officials said" stays the union's word)
_PEOPLE_PLURALS = frozenset(
    noun + "s" for noun in PERSON_NOUNS if not noun.endswith("s")
) - word_set("officials executives spokesmen spokeswomen spokespersons representatives sources")


_AUXILIARY_RE = re.compile(r"\s+(?:were|was|are|is|have|has|had|will|would)\b")


_THING_NOUNS = ORG_NOUNS | word_set("poll polls survey media press study report")
_WORD_SPAN_RE = re.compile(r"\s+([\w-]+)")


def _subject_of_cue(text: str, start: int, cue: re.Match) -> tuple[int, int] | None:
    """The subject of a cue: right before it, or the sentence's for '..., saying'; for
    "Jane Doe of Ohio, who mused", the name the relative clause hangs on."""
    lo = max(start, cue.start() - 120)
    window = text[lo : cue.start()]
    if window.rstrip().endswith(("--", "\u2014", "\u2013")):
        # "A former candidate -- Jane Doe, who lost in 2008 -- said": the name set off by dashes
        # "Jane Doe -- the mayor -- said": the name before the description
        lo = max(start, cue.start() - 220)
        m = _DASH_APPOSITION_RE.search(text, lo, cue.start()) or _NAME_DASH_RE.search(
            text, lo, cue.start()
        )
        if m is not None and _plausible_subject(m.group("sp")):
            return m.span("sp")
    m = _WHO_BEFORE_CUE_RE.search(text, lo, cue.start()) if ", who" in window else None
    if m is None and _TITLE_WHO_RE.search(window):
        # 'Sam Doe, a contestant on Roe's show, "The Show," who won it, said': the name
        # before the apposition holding a quoted title
        m = _TITLE_APPOSITION_RE.search(text, max(start, cue.start() - 250), cue.start())
    if m is None and "," in window and (" of " in window or " from " in window):
        m = _NAME_OF_PLACE_RE.search(text, lo, cue.start())
        rel = None
        if m is not None and ", who" in window:
            rel = _IN_RELATIVE_RE.search(text, max(start, m.start() - 150), m.start())
        if rel is not None:
            # "Doe, who is a pastor at the Ardley Church of Dover, Ohio, said": the body and
            # its place end the relative clause; the subject is the phrase it hangs on
            found = sentence_subject(text, start, cue.start())
            if found is not None and _COORDINATED_RE.fullmatch(text, found[1], rel.start()):
                return found
            m = None
    if m is not None:
        return m.span("sp")
    m = _CLOSED_RELATIVE_RE.search(text, lo, cue.start()) if ", who" in window else None
    if m is not None:
        # "The delegate and activist, who backs Roe, warned": the clause set off by commas
        # ends in its object; the subject is the phrase it hangs on
        found = sentence_subject(text, start, cue.start())
        if found is not None and _COORDINATED_RE.fullmatch(text, found[1], m.start()):
            return found
    lo = max(start, cue.start() - 250)
    m = _OWNED_WHICH_RE.search(text, lo, cue.start()) if "which" in text[lo : cue.start()] else None
    if m is not None:
        return m.span("sp")
    m = (
        _WHICH_BEFORE_CUE_RE.search(text, lo, cue.start())
        if m is None and "which" in text[lo : cue.start()]
        else None
    )
    if m is not None:
        return m.span("sp")  # "the Ledger report, which notes": what the relative clause hangs on
    participle = _PARTICIPLE_RE.search(cue.group("cue")) is not None and (
        # "Doe, for his part, is labeling it": a progressive is finite, not a participle
        _PASSIVE_BEFORE_RE.search(text, max(start, cue.start() - 8), cue.start()) is None
    )
    if participle and " with " in window:
        # "..., with many fans and neighbours chanting": the absolute clause's subject
        m = _WITH_GROUP_RE.search(text, max(start, cue.start() - 120), cue.start())
        if m is not None:
            return m.span("sp")
    if participle:
        m = _SAID_BEFORE_PARTICIPLE_RE.search(text, max(start, cue.start() - 80), cue.start())
        if m is not None and not m.group("said").endswith("ing"):
            return m.span("sp")
    lo = max(start, cue.start() - 250)
    # (the interruption is set off by two commas: most windows have fewer)
    m = (
        _INTERRUPTED_RE.search(text, lo, cue.start())
        if text.count(",", lo, cue.start()) > 1
        else None
    )
    if (
        m is not None
        and participle
        and _IN_RELATIVE_RE.search(text, max(start, m.start() - 80), m.start())
    ):
        # "Doe, who backs Roe, criticised it, calling": "Roe" ends a relative clause; the
        # phrase after it is the finite verb, not an interruption between subject and cue
        m = None
    if (
        m is not None
        and _plausible_subject(m.group("sp"))
        and not _after_preposition(text, m, not participle)
    ):
        return m.span("sp")
    before = text[max(start, cue.start() - 200) : cue.start()]
    regex = _NAME_END_RE if participle else _SUBJECT_END_RE
    lo = max(start, cue.start() - 250)
    rejected: re.Match | None = None
    for _ in range(6):
        m = regex.search(text, lo, cue.start())
        if m is None:
            break
        if rejected is None:
            if _plausible_subject(m.group("sp")) and (
                not _after_preposition(text, m, not participle)
                or (
                    participle
                    and _preposition(text, m) in ("with", "of", "from", "like")
                    and _named(m)
                )
                or (
                    # "with Doe reportedly yelling": "with" opens an absolute clause whose
                    # subject is the name, a surname alone too
                    participle and _preposition(text, m) == "with" and m.group("sp")[:1].isupper()
                )
                or (
                    # "footage of Doe saying", "a video of Doe calling": a recording's speaker
                    participle
                    and m.group("sp")[:1].isupper()
                    and _RECORDING_OF_RE.search(text, max(start, m.start() - 30), m.start())
                )
            ):
                # "with Sen. Jane Doe calling it", "footage of Jane Doe asking", "no different
                # from Gov. Jane Doe calling": the name leads the participle clause.
                return m.span("sp")
            person = None if participle else _person_of(text, start, m)
            if person is not None:
                return person
            rejected = m
        elif _subject_past(text, rejected, m, participle):
            return m.span("sp")
        lo = m.start("sp") + 1
    # (a detaching word is at most six letters and ends ``before``, bar spaces)
    if participle or _DETACHED_RE.search(before, max(0, len(before.rstrip()) - 6)):
        found = sentence_subject(text, start, cue.start())
        if found is None and not participle:
            # "such as when Doe knocked Roe on trade and called him": the subordinate
            # clause's subject, when the sentence has none
            m = _CLAUSE_AND_RE.search(text, max(start, cue.start() - 200), cue.start())
            if m is not None and _plausible_subject(m.group("sp")):
                return m.span("sp")
        return found
    return None


_WITH_GROUP_RE = re.compile(
    r"\bwith\s+(?P<sp>" + _DET_NP + r"(?:\s+and\s+[a-z][\w-]*)?)\s+(?:" + ADVERB + r"\s+)?$"
)
_RECORDING_OF_RE = re.compile(
    r"\b(?:footage|video|videos|clip|clips|recording|recordings|audio|tape|tapes)\s+of\s+$"
)
_CLAUSE_AND_RE = re.compile(
    r"\b(?:when|after|as|while|because|since|before|until|where)\s+(?P<sp>"
    + _LEFT_NAME
    + r")\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b[^,;.!?\"\u201c\u201d\n]{0,120}\s+and\s+$"
)


_NAME_BEFORE_OF_RE = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013,;:]))(?P<sp>" + _LEFT_NAME + r")\s+(?:of|from)\s+(?:the\s+)?$"
)


def _person_of(text: str, start: int, m: re.Match) -> tuple[int, int] | None:
    """For a phrase after "of"/"from" before a finite cue ("when House Speaker Jane Doe of
    Ohio lamented", "Jane Doe from the Harbor Trust said"), the person it hangs on: a name
    with a title or given name before its last word, not a title ("Secretary of State")."""
    if _preposition(text, m) not in ("of", "from"):
        return None
    n = _NAME_BEFORE_OF_RE.search(text, max(start, m.start() - 80), m.start("sp"))
    if n is None or _after_preposition(text, n, True):
        return None
    words = n.group("sp").split()
    if len(words) < 2 or words[-1].rstrip(".").lower() in _TITLE_WORDS:
        return None
    if not any(
        w.rstrip(".").lower() in _TITLE_WORDS or is_given_name(w.lower()) for w in words[:-1]
    ):
        return None
    return n.span("sp")


_DASH_APPOSITION_RE = re.compile(
    r"\S\s*(?:--|[\u2014\u2013])\s*(?P<sp>"
    + _LEFT_NAME
    + r")(?:,(?:(?!--)[^\"\u201c\u201d\u2014\u2013\n]){1,150})?\s*(?:--|[\u2014\u2013])\s*$"
)
_NAME_DASH_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + _LEFT_NAME
    + r")\s*(?:--|[\u2014\u2013])\s*(?:the|a|an|his|her|its|their)\s"
    r"(?:(?!--)[^\"\u201c\u201d\u2014\u2013\n]){1,100}?\s*(?:--|[\u2014\u2013])\s*$"
)
_COMMA_BEFORE_RE = re.compile(r",\s+$")
_IN_RELATIVE_RE = re.compile(r",\s+(?:who|which|that)\s[^,;:.!?\"\u201c\u201d\n]*$")
_TITLE_WORDS = word_set(TITLES.replace(".", "").lower())


def _subject_past(text: str, rejected: re.Match, m: re.Match, participle: bool) -> bool:
    """Whether ``m``, found past a ``rejected`` phrase that followed a preposition, is the
    subject: after a comma ("in Berea, OH, after winning the primary, Gov. Jane Doe (R-OH),
    said"), or a title or given name with a surname when the preposition belongs to a title
    ("Secretary of State Jane Doe said") or opens a "with" clause ("with Sen. Jane Doe
    calling it"); never the tail of a place or firm ("of North Carolina") or a phrase after
    a true preposition ("wrote to Attorney General Jane Doe asking")."""
    sp = m.group("sp")
    if not _plausible_subject(sp) or _after_preposition(text, m, not participle):
        return False
    if _COMMA_BEFORE_RE.search(text, rejected.start("sp"), m.start("sp")):
        return sp[:1].isupper() and _CLAUSE_IN_APPOSITION_RE.search(sp) is None
    if _DETERMINER_ONLY_RE.fullmatch(text, rejected.start("sp"), m.start("sp")):
        return sp[:1].isupper()  # "In a Bloomberg interview Jane Doe declared"
    if not participle and _CONTACT_CLAUSE_RE.fullmatch(text, rejected.start("sp"), m.start("sp")):
        # "in a way Doe slammed as": a relative clause with no "that"; the name is its subject
        return sp[:1].isupper()
    if not _named(m):
        return False
    p = _PREPOSITION_END_RE.search(text, max(0, rejected.start() - 12), rejected.start())
    prep = p.group().split()[0].lower() if p else ""
    if prep == "with":
        return participle  # "with Republican Sen. Jane Doe calling it"
    return prep == "of" and _TITLE_OF_RE.search(text, max(0, p.start() - 20), p.start()) is not None


def _preposition(text: str, m: re.Match) -> str:
    """The preposition right before a match ('' if none), lower-cased."""
    p = _PREPOSITION_END_RE.search(text, max(0, m.start() - 12), m.start())
    return p.group().split()[0].lower() if p else ""


def _named(m: re.Match) -> bool:
    """A phrase opening with a title or a given name and holding a second word."""
    words = m.group("sp").split()
    return len(words) > 1 and (
        words[0].rstrip(".").lower() in _TITLE_WORDS or is_given_name(words[0].lower())
    )


_DETERMINER_ONLY_RE = re.compile(r"(?:an?|the)\s+")  # "The Nation" is a name
_CONTACT_CLAUSE_RE = re.compile(r"(?:an?|the)\s+[a-z][\w-]*\s+")  # "a way ", "the plan "


# "Secretary of State", "Speaker of the House": an "of" inside a title.
_TITLE_OF_RE = re.compile(
    r"\b(?:[Ss]ecretary|[Ss]peaker|[Ll]eader|[Mm]inister|[Gg]overnor|[Pp]resident|"
    r"[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Dd]irector|[Mm]ayor|[Aa]ttorney\s+[Gg]eneral)\s+$"
)


# A clause set off by commas is no apposition: "OH, after winning the primary, Jane Doe".
_CLAUSE_IN_APPOSITION_RE = re.compile(
    r",\s+(?:after|before|when|while|as|if|because|since|although|though)\b"
)
# "Jane Doe, asked about the plan, had said": a participle phrase between subject and cue.
_INTERRUPTED_RE = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013;:]))(?P<sp>"
    + _LEFT_NAME
    + r"|"
    + PRONOUN
    + r"),\s+(?:[a-z]+(?:ed|ing)|told|shown|given|seen)\b[^,;:!?\"\u201c\u201d]{1,120},"
    + _ADVERBS
    + r"\s*$"
)
# "Roe and Poe will meet, Doe said, adding": a participle after a speaker set off by commas.
_SAID_BEFORE_PARTICIPLE_RE = re.compile(
    # after a comma, or a quotation closing on one ('"...," Doe said, noting')
    r"(?:(?<=[,\u2014\u2013]\s)|(?<=,[\"\u201d\u2019]\s))(?P<sp>"
    + _LEFT_NAME
    + r"|"
    + PRONOUN
    + r")\s+(?:"
    + ADVERB
    + r"\s+)?(?P<said>"
    + SPEECH_CUE
    + r"),\s*$"
)
# "Jane Doe of Columbia, South Carolina says": the person, not the state after the comma.
_PLACE = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}"
_NAME_OF_PLACE_RE = re.compile(
    r"(?<![\w.])(?P<sp>" + NAME + r")\s+(?:of|from)\s+" + _PLACE + r",\s+" + _PLACE + r",?\s*$"
)
_TITLE_WHO_RE = re.compile(r",?[\"\u201d]\s+who\s")
_TITLE_APPOSITION_RE = re.compile(
    r"(?<![\w.])(?P<sp>"
    + NAME
    + r"),\s+(?:a|an|the)\s[^,;\"\u201c\u201d\n]{1,100}?,?\s+[\"\u201c]\u00b7{1,60},?[\"\u201d]"
    r"\s+who\s[^,;!?.\"\u201c\u201d\n]{1,150},?\s*$"
)
_CLOSED_RELATIVE_RE = re.compile(
    r",\s+who\s[^,;:!?.\"\u201c\u201d\n]{1,150}," + _ADVERBS + _ASIDE + r"\s*$"
)
# what may lie between a subject and its relative clause: nothing, or "and" with a noun
# ("The delegate and longtime activist, who")
_COORDINATED_RE = re.compile(r"(?:\s+and\s+(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+)?")
_WHO_BEFORE_CUE_RE = re.compile(
    r"(?<![\w.])(?P<sp>"
    + NAME
    + r")(?:,\s+\d{1,3})?(?:,?\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    # "Jane Doe, the majority leader, who in 2010 said": an apposition, a time
    r"(?:,\s+(?:the|a|an|his|her|their)\s[^,;:!?.\"\u201c\u201d\n]{1,80})?,\s+who(?:"
    # "Jane Doe, 24, of Dover, who said": an age and a home town
    + _ADVERBS
    + r"|\s+(?:in|on|last|this|earlier|later)\s+(?:[A-Z]?[a-z]+|\d{4})(?:\s+\d{4})?,?"
    + _ADVERBS
    + r"|\s(?:[^,;!?.\"\u201c\u201d\n]|\.(?=\S)){1,150}\s[A-Z][\w.'\u2019-]*\s)"
    # "who chairs the Ardley Fund said": a clause ending in a name, its comma left out
    r"\s*$"
)


def _after_preposition(text: str, m: re.Match, finite: bool = False) -> bool:
    """True for 'at the time said': a phrase right after a preposition is not a subject.
    Before a finite cue, "after", "before", "since" and "until" join clauses ("after Jane Doe
    had said"): the phrase is then the clause's subject."""
    p = _PREPOSITION_END_RE.search(text, max(0, m.start() - 12), m.start())
    if p is None:
        return False
    return not (finite and p.group().split()[0].lower() in _CONJUNCTIONS)


_CONJUNCTIONS = word_set("after before since until")


def attribute_before(text: str, start: int, end: int) -> Attribution | None:
    """Speaker in the same sentence before a quote: the subject of its last speech cue."""
    m = _according_search(text, start, end)
    if m:
        # "According to the Post, Jane Doe said the plan was "...": Doe said it; so in
        # "Doe said of it, according to the Post, that "..."".
        cued = _cued_subject(text, m.end("sp"), end) or _cued_subject(text, start, m.start())
        return cued or _found(text, m, 0, BEFORE)
    # both shapes end in a colon or a comma right before the quote, as few windows do
    intro = text[max(start, end - 160) : end].rstrip()[-1:] in (",", ":")
    m = _IN_WORDS_RE.search(text, max(start, end - 80), end) if intro else None
    if m:
        return _found(text, m, 0, BEFORE)
    m = _INVERTED_INTRO_RE.search(text, max(start, end - 160), end) if intro else None
    if m and _subject_of_cue(text, start, m) is None:
        return _to_trailing_name(text, _found(text, m, 0, BEFORE), end)
    m = _WORK_BY_RE.search(text, max(start, end - 200), end) if " by " in text[start:end] else None
    if m is not None:
        return _found(text, m, 0, EMBEDDED)  # 'a post by Roe that read: "..."': Roe's words
    m = (
        _QUOTED_AS_RE.search(text, max(start, end - 200), end)
        if "quot" in text[start:end]
        else None
    )
    if m is not None and not _CUE_RE.search(text, m.end(), end):
        return _found(text, m, 0, EMBEDDED)  # "Doe quoted Roe as saying "..."": Roe's words
    m = (
        _QUOTING_RE.search(text, max(start, end - 120), end)
        if "quoting" in text[start:end]
        else None
    )
    if m is not None:
        return _found(text, m, 0, EMBEDDED)  # "Doe, quoting Roe, said "..."": Roe's words
    found = _cued_subject(text, start, end)
    if (
        found is not None
        and found.cue is not None
        and text[found.cue[1] - 3 : found.cue[1]] == "ing"
    ):
        # "Doe saying he was "encouraged" and Roe calling it a "great meeting"": the second
        # participle clause has its own subject
        m = _AND_NAME_PARTICIPLE_RE.search(text, found.cue[1], end)
        if (
            m is not None
            and m.group("cue").endswith("ing")
            and not _ANY_CUE_RE.search(text, m.end(), end)
        ):
            return Attribution(m.span("sp"), m.span("cue"), EMBEDDED)
    if found is not None and found.cue is not None:
        # "Factwatch pointed to the Harbor Review Board finding that staff was short "despite
        # repeated requests"": the words are the finding's, its author's
        for m in _FINDING_THAT_RE.finditer(text, found.cue[1], end):
            if not _CUE_RE.search(text, m.end(), end):
                return Attribution(m.span("sp"), m.span("cue"), FINDING)
        # "Doe responded to Roe's claim that the plan was "dead"": what Roe claimed
        for m in _CLAIM_THAT_RE.finditer(text, found.cue[1], end):
            if not _CUE_RE.search(text, m.end(), end) and (
                # '... that Roe's claim that Doe is for it is "not true"': a second verb ends
                # the claim; the quotation is the main clause's
                len(_COPULA_RE.findall(text, m.end(), end)) < 2
            ):
                return Attribution(m.span("sp"), m.span("cue"), FINDING)
    return found


# 'a post by Jane Doe that read:', 'a remark by Jane Doe:': the author of the words quoted.
_WORK_BY_RE = re.compile(
    r"\b(?:posts?|tweets?|messages?|statements?|remarks?|comments?|letters?|notes?|emails?|"
    r"op-eds?|columns?|essays?|speech|speeches)\s+by\s+(?P<sp>"
    + _MODIFIED_NAME
    + r")(?:\s*\([^()\n]{1,40}\))?(?:\s*:|,?\s+(?:that|which)\s+"
    r"(?P<cue>read|reads|said|says|stated)\s*[:,]?)\s*$"
)
_QUOTED_NAME_AS_RE = re.compile(
    r"\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"|"
    + _DET_NP
    + r")\s+as\s+(?P<cue>saying|telling|writing)\b"
)
_QUOTED_AS_RE = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<sp>"
    + _MODIFIED_NAME
    + r")\s+as\s+(?P<cue>saying|telling|writing)\b"
)
_AND_NAME_PARTICIPLE_RE = re.compile(
    r"\s(?:and|while|with)\s+(?P<sp>" + _LEFT_NAME + r")\s+(?P<cue>" + NAMING_CUE + r")\b"
)
_QUOTING_RE = re.compile(
    r",\s+(?P<cue>quoting)\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"),(?:\s+"
    + ADVERB
    + r")?\s+(?:said|says|wrote|writes|added|adds|declared|declares)\s*[:,]?\s*$"
)
_COPULA_RE = re.compile(r"\b(?:is|was|are|were|has|had|have)\b")
_CLAIM_THAT_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<sp>"
    + NAME
    + r")['\u2019]s\s+(?:[a-z-]+\s+)?(?P<cue>claims?|assertions?|accusations?|contention|"
    r"insistence|allegations?|suggestion|boast|predictions?|warnings?)\s+that\b"
)


_FINDING_THAT_RE = re.compile(
    r"(?<![\w'\u2019-])(?P<sp>"
    + NAME
    + r")(?:['\u2019]s)?\s+(?P<cue>findings?|reports?|ruling|conclusions?|determination|"
    r"assessment|review|audit|study)\s+that\b"
)


def _cued_subject(text: str, start: int, end: int) -> Attribution | None:
    """The subject of the last speech (else naming) cue in [start, end) that has one."""
    first = _first_cue(text, start, end)
    if first is None:
        return None  # (each cue of either kind is a match of the union where it starts)
    for regex, how in ((_CUE_RE, EMBEDDED), (_NAMING_RE, NAMING)):
        # (none starts before the union's first match: the scan may start there)
        cues = list(regex.finditer(text, first.start(), end))
        for i in range(len(cues) - 1, -1, -1):
            cue = cues[i]
            if _passive(text, start, cue):
                agent = _BY_AGENT_RE.match(text, cue.end(), end)
                if agent is not None:
                    # "The plan was slammed by Jane Doe as "...": the agent's words
                    return Attribution(trim_speaker(text, *agent.span("sp")), cue.span("cue"), how)
            if _after_modal(text, start, cue) or _after_owner(text, start, cue):
                continue
            if cue.group("cue") == "points" and not _POINTS_ON_RE.match(text, cue.end()):
                continue  # "recites the same campaign points, calling": a noun
            aside = _inverted_aside(text, cue, end) if regex is _CUE_RE else None
            if aside is not None:
                return aside
            article = _ARTICLE_BEFORE_RE.search(text, max(start, cue.start() - 30), cue.start())
            if article is not None and (
                # "when a young boy shouted": a person noun is the subject of a past cue
                # (not of a generic "when a man tells a woman that")
                article.group().split()[-1].lower() not in PERSON_NOUNS
                or cue.group("cue").endswith("s")
            ):
                # "Doe gave a curt reply:": the cue word is a noun; the sentence's
                # subject gave it
                subject = sentence_subject(text, start, cue.start())
            else:
                subject = _subject_of_cue(text, start, cue) or _purpose_subject(text, start, cue)
            if (
                subject is not None
                and i + 1 < len(cues)
                and _AS_ASIDE_RE.search(text, max(start, subject[0] - 40), subject[0])
            ):
                continue  # "which - as Jane Doe noted - promises to "...": Doe only noted it
            if subject is not None:
                if regex is _CUE_RE:
                    later = _later_naming(text, cue.end(), end)
                    if later is not None:
                        return later
                subject = _name_before_description(text, start, subject)
                how_found = BEFORE if _ends_intro(text, cue.end(), end) else how
                subject = _description_comma_name(text, *trim_speaker(text, *subject))
                return Attribution(subject, cue.span("cue"), how_found)
    return None


# "was slammed by Jane Doe as", "was described by the mayor,": the agent of a passive cue
_BY_AGENT_RE = re.compile(
    r"\s+by\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"(?:\s+and\s+"  # "by Jane Doe and Tom Roe as": the two jointly
    + _MODIFIED_NAME
    + r")?|"
    + _DET_NP
    + r"|him|her|them"  # "was slammed by her as": the one "she" would be
    + r")(?=\s*(?:[,:;.!?(\u2014\u2013]|$)|\s+(?:as|in|on|at|"
    r"who|during|after|before|when|while|last|this|earlier|that)\b)"
)


def _later_naming(text: str, start: int, end: int) -> Attribution | None:
    """ "Doe said Jane Roe called the plan "...": a naming cue after the speech cue, with a
    named subject of its own in the reported clause, is the one whose words are quoted."""
    for cue in reversed(list(_NAMING_RE.finditer(text, start, end))):
        if _after_modal(text, start, cue) or _after_owner(text, start, cue):
            continue
        m = _NAME_END_RE.search(text, max(start, cue.start() - 80), cue.start())
        if m is None:
            # "Doe said Roe was quick to call the plan "...": Roe's words
            purpose = _purpose_subject(text, start, cue)
            if purpose is not None and text[purpose[0]].isupper():
                return Attribution(trim_speaker(text, *purpose), cue.span("cue"), NAMING)
        if m is None or not m.group("sp")[:1].isupper():
            return None
        if not _named(m) and not (
            # "Doe tweeted that Roe should go, and Poe later called Roe "...": a clause of its
            # own after ", and"; its subject a surname alone too
            " " not in m.group("sp")
            and _CLAUSE_AND_BEFORE_RE.search(text, max(start, m.start() - 8), m.start())
            and m.group("sp").lower() not in _NOT_MENTION_END
        ):
            return None
        return Attribution(trim_speaker(text, *m.span("sp")), cue.span("cue"), NAMING)
    return None


_CLAUSE_AND_BEFORE_RE = re.compile(r",\s+(?:and|but)\s+$")


# "The Labour MP for Dunmore, Jane Doe": a description, then the name in apposition
_DESCRIPTION_COMMA_NAME_RE = re.compile(
    DETERMINER
    + r"\s[^,;:\"\u201c\u201d\n]{1,120},\s+(?P<sp>"
    + NOT_OPENER
    + r"(?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*[a-z])"
)


def _description_comma_name(text: str, lo: int, hi: int) -> tuple[int, int]:
    """ "The Labour MP for Dunmore, Jane Doe, said": the name, not the description."""
    m = _DESCRIPTION_COMMA_NAME_RE.fullmatch(text, lo, hi)
    return m.span("sp") if m is not None else (lo, hi)


# "Doe gave a curt reply:" (the cue word a noun), not "Doe in a statement said"
_POINTS_ON_RE = re.compile(r"\s+(?:out|to)\b")
_NAME_COMMA_BEFORE_RE = re.compile(r"(?P<sp>" + NAME + r"),\s+$")
_DESCRIPTION_START_RE = re.compile(r"(?:the|a|an)\s")


def _name_before_description(text: str, start: int, subject: tuple[int, int]) -> tuple[int, int]:
    """ "Jane Doe, the director for the Ohio Party said": a description after a name that
    opens the sentence is the name's apposition (its closing comma left out); the speaker
    runs from the name."""
    lo, hi = subject
    if not _DESCRIPTION_START_RE.match(text, lo, hi):
        return subject
    m = _NAME_COMMA_BEFORE_RE.search(text, max(start, lo - 60), lo)
    if m is None or text[start : m.start("sp")].strip():
        return subject
    return m.start("sp"), hi


_ARTICLE_BEFORE_RE = re.compile(
    r"(?<![\w-])(?<!\bin )(?:an?|[Aa]n?other)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
# "her new ad, which - as a critic noted - promises": the ad speaks for its owner.
_OWNED_WHICH_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + NAME
    + r"(?=['\u2019]s\b)|[Hh]is|[Hh]er|[Tt]heir)(?:['\u2019]s)?\s+(?:[\w$-]+\s+){0,3}?"
    r"(?:ad|advertisement|plan|proposal|website|platform|budget|statement|letter|memo)s?,?"
    r"\s+which(?:\s*[\u2014\u2013-]+[^\u2014\u2013\n]{1,150}?[\u2014\u2013-]+|\s*,[^,\n]{1,150},)?"
    r"\s*$"
)
_WHICH_BEFORE_CUE_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>" + _DET_NP + r"|" + NAME + r"),\s+which" + _ADVERBS + r"\s*$"
)
# "The paradox of it, says Jane Doe, a historian, is that "...": an inverted aside.
_INVERTIBLE_RE = re.compile(_NOT_INVERTIBLE)  # "told POLITICO" is no inverted aside
_INVERTED_ASIDE_RE = re.compile(r"\s+(?P<sp>" + NAME + r")(?=\s*[,(])")


def _inverted_aside(text: str, cue: re.Match, end: int) -> Attribution | None:
    """The name right after a cue set off by commas (", says Jane Doe,")."""
    if not _INVERTIBLE_RE.match(cue.group("cue")) or not _COMMA_BEFORE_RE.search(
        text, max(0, cue.start() - 3), cue.start()
    ):
        return None
    m = _INVERTED_ASIDE_RE.match(text, cue.end(), end)
    if m is None:
        return None
    return Attribution(trim_speaker(text, *m.span("sp")), cue.span("cue"), EMBEDDED)


_AS_ASIDE_RE = re.compile(r"(?<![\w-])[Aa]s\s+(?:[a-z][\w-]*\s+){0,3}$")


# "Doe's remarks", "their tweets": after an owner a cue word is a noun.
_OWNER_BEFORE_RE = re.compile(
    r"(?:['\u2019]s|s['\u2019]|\b(?:the|his|her|their|its|our|my|your|these|those))\s+$",
    re.IGNORECASE,
)


def _after_owner(text: str, start: int, cue: re.Match) -> bool:
    """True for "Doe's remarks" or "the reports": a noun, not a speech cue; also "his
    scathing remarks", "her prepared comments" (a plural noun after owner and participle)."""
    if _OWNER_BEFORE_RE.search(text, max(start, cue.start() - 8), cue.start()) is not None:
        return True
    return cue.group("cue") in PLURAL_NOUN_CUES and (
        _OWNER_PARTICIPLE_RE.search(text, max(start, cue.start() - 30), cue.start()) is not None
        or _OWNER_MODIFIER_RE.search(text, max(start, cue.start() - 40), cue.start()) is not None
        or _OF_MODIFIER_RE.search(text, max(start, cue.start() - 40), cue.start()) is not None
    )


_OWNER_PARTICIPLE_RE = re.compile(
    r"(?:['\u2019]s|s['\u2019]|\b(?:the|his|her|their|its|our|my|your))\s+[a-z]+(?:ing|ed)\s+$",
    re.IGNORECASE,
)
# "his tax remarks", "her anti-union comments": a possessive and one or two modifiers (not
# "the senator remarks", where the noun is the subject of the verb)
_OWNER_MODIFIER_RE = re.compile(
    r"(?:['\u2019]s|s['\u2019]|\b(?:his|her|their|its|our|my|your))(?:\s+[a-z][\w-]*){1,2}\s+$",
    re.IGNORECASE,
)


# "a series of early-morning tweets", "a string of angry posts": a plural noun after "of"
# (not "of what it calls", where the word is the verb of a clause)
_OF_MODIFIER_RE = re.compile(
    r"\bof(?:\s+(?!(?:what|which|who|whom|that|this|it|he|she|they|we|you|i)\b)[a-z][\w-]*)"
    r"{0,2}\s+$"
)


# "was praised by Jane Doe and criticized by": a second participle joined to a passive with
# its own by-agent, and the first one's passive before it in the same sentence
_AND_BEFORE_RE = re.compile(r"\s(?:and|but|or)\s+$")
_FIRST_PASSIVE_RE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|told)\s+by\s"
    r"[^.!?;:\"\u201c\u201d\n]{1,80}$"
)


def _passive(text: str, start: int, cue: re.Match) -> bool:
    """True for a participle after a form of "be": "were admitted", "was told"; or after
    "and" that joins it to such a passive ("was praised by Doe and criticized by Roe")."""
    if not cue.group("cue").endswith(("ed", "told", "written")):
        return False
    at = cue.start()
    if _PASSIVE_BEFORE_RE.search(text, max(start, at - 8), at) is not None:
        return True
    return (
        _AND_BEFORE_RE.search(text, max(start, at - 6), at) is not None
        and _BY_AFTER_RE.match(text, cue.end()) is not None
        and _FIRST_PASSIVE_RE.search(text, max(start, at - 160), at) is not None
    )


def _after_modal(text: str, start: int, cue: re.Match) -> bool:
    """True for 'would continue' or 'to say'; 'back to boasting' is still a cue. A passive
    ("were admitted", "was told") reports no speech of its subject."""
    if _passive(text, start, cue):
        return True
    m = _MODAL_BEFORE_RE.search(text, max(start, cue.start() - 12), cue.start())
    if m is None:
        return False
    modal = m.group().strip().lower()
    if modal == "will" and _NAMING_RE.fullmatch(text, cue.start(), cue.end()):
        # "Roe will accuse you of a "freak out."": a name-calling all the same (not "would":
        # "It is odd that Roe would denounce "..."" is no one's words)
        return False
    return not (
        modal == "to"
        and (
            cue.group("cue").endswith("ing")
            or _PURPOSE_TO_RE.search(text, max(start, cue.start() - 80), cue.start()) is not None
        )
    )


_SUBJECT_BEFORE_PURPOSE_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + _LEFT_NAME
    + r"|"
    + PRONOUN
    + r")"
    + _ADVERBS
    + r"(?:\s+(?:was|were|is|are|ha[sd]\s+been)(?:\s+(?:very|not|so|also|the))?)?\s+$"
)


def _purpose_subject(text: str, start: int, cue: re.Match) -> tuple[int, int] | None:
    """ "Jane Doe took to Twitter to call it": the subject of the act the infinitive serves."""
    if text[cue.start() - 3 : cue.start()] != "to ":
        return None
    p = _PURPOSE_TO_RE.search(text, max(start, cue.start() - 80), cue.start())
    if p is None:
        return None
    m = _SUBJECT_BEFORE_PURPOSE_RE.search(text, max(start, p.start() - 80), p.start())
    return m.span("sp") if m is not None else None


# "took to Twitter to call", "was quick to say", "used the speech to warn": an infinitive of
# purpose or manner after the subject's own act reports the subject's words.
_PURPOSE_TO_RE = re.compile(
    r"\b(?:(?:quick|quicker|swift|fast|first|careful)\s+to|"
    r"(?:took|takes|taking)\s+to\s+[^,;:.!?\"\u201c\u201d\n]{1,40}?\s+to|"
    r"(?:took|takes|taking)\s+(?:the|that|this|an?)\s+(?:opportunity|chance|occasion)\s+to|"
    r"(?:used|uses|using)\s+(?:his|her|their|its|an?|the)\s[^,;:.!?\"\u201c\u201d\n]{1,50}?\s+to|"
    r"(?:went|goes|appeared|appears)\s+on\s+[^,;:.!?\"\u201c\u201d\n]{1,40}?\s+to)\s+$",
    re.IGNORECASE,
)


def _ends_intro(text: str, cue_end: int, quote_start: int) -> bool:
    """True when only a short object and a colon or comma lie between cue and quote."""
    between = text[cue_end:quote_start]
    return len(between) < 40 and between.rstrip().endswith((":", ","))


_LOWER_START_RE = re.compile(PRONOUN + r"\b|" + DETERMINER + r"\b")


_QUANTITY_RE = re.compile(
    r"(?:an?|the|some|many|several)?\s*(?:dozen|few|number|majority|handful|couple|lot|"
    r"third|quarter|half|\d[\d,.]*(?!-year-old)|two|three|four|five|six|seven|eight|nine|ten|hundreds|"
    r"thousands|millions)\b(?!\s+(?:of\s+)?[a-z]*(?:men|women|people|officials|leaders|"
    r"senators|governors|members|experts|lawmakers|candidates)\b)",
    re.IGNORECASE,
)


def _plausible_subject(phrase: str) -> bool:
    """Reject subjects that start with a lowercase word other than a pronoun or determiner,
    and bare quantities ("a dozen states held ...": "states" is no cue there)."""
    if _QUANTITY_RE.match(phrase):
        return False
    return phrase[:1].isupper() or _LOWER_START_RE.match(phrase) is not None


def attribute_colon_intro(text: str, start: int, end: int) -> Attribution | None:
    """`Sanders made the following comment:` - the subject of a sentence ending in a colon."""
    if not text[start:end].rstrip().endswith(":"):
        return None
    m = _NAME_BEFORE_COLON_RE.search(text, max(start, end - 120), end)
    if (
        m
        and not _ADDRESSEE_BEFORE_RE.search(text, max(start, m.start() - 24), m.start())
        # "celebrated the attacks on Twitter:", "later on CNN:": where, not who
        and not (
            m.group("sp").count(" ") < 3
            and _WHERE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        )
    ):
        return _found(text, m, 0, BEFORE)
    m = _FOR_NAME_ANSWER_RE.match(text, start, end)
    if m is not None:
        return _found(text, m, 0, BEFORE)  # "For Doe, the answer was simple:": Doe's answer
    m = _HERE_IS_RE.match(text, start, end)
    if m is not None:
        return _found(text, m, 0, BEFORE)  # "Here's Doe in 1992:": Doe's words
    subject = sentence_subject(text, start, end)
    return spoken_to(text, subject, end) or (
        Attribution(trim_speaker(text, *subject), None, BEFORE) if subject else None
    )


# "Here's Jane Doe in December 1992:", "Here is Doe on the budget:": the words that follow
_HERE_IS_RE = re.compile(
    r"\s*Here(?:['\u2019]s|\s+is)\s+(?P<sp>"
    + NAME
    + r")(?:,?\s+(?:in|on|at|during|from|last|this|earlier|speaking|talking|writing)\b"
    r"[^:;.!?\"\u201c\u201d\n]{0,60})?\s*:\s*$"
)
_FOR_NAME_ANSWER_RE = re.compile(
    r"\s*(?:For|To)\s+(?P<sp>"
    + _MODIFIED_NAME
    + r"),\s+(?:the|his|her|their)\s+(?P<cue>answer|response|reply|message|reason|solution|"
    r"verdict|explanation|takeaway|view|position)\s+(?:was|is|seemed|seems|remains|remained)\b"
    r"[^:;.!?\"\u201c\u201d\n]{0,60}:\s*$"
)
# "Doe was asked by Jane Roe, ...": the subject is asked; the one asking speaks.
_ASKED_RE = re.compile(
    r"\s+(?:was|were|is|are|being|ha[sd]\s+been)\s+(?:[a-z]+ly\s+)?(?:asked|questioned|"
    r"pressed|told|interviewed|challenged)\b"
)
_ASKED_BY_RE = re.compile(
    r"[^,;:.!?\"\u201c\u201d]{0,40}?\bby\s+(?P<sp>(?:[a-z]+\s+){0,3}" + NAME + r")"
)


_ANSWERED_RE = re.compile(r"\b(?:and|but|then|before|after|so)\b")


def spoken_to(text: str, subject: tuple[int, int] | None, end: int) -> Attribution | None:
    """For a sentence whose subject "was asked" (told, pressed ...) before a quotation: the
    asker named by "by", else an unnamed speaker (an empty span at the verb); None when the
    subject is not spoken to."""
    if subject is None:
        return None
    m = _ASKED_RE.match(text, subject[1], end)
    if m is None:
        return None
    by = _ASKED_BY_RE.match(text, m.end(), end)
    if by is not None:
        return _found(text, by, 0, BEFORE)
    if _ANSWERED_RE.search(text, m.end(), end):
        return None  # "Doe was asked about it and had this to say:" - Doe answers
    return Attribution((m.end(), m.end()), None, BEFORE)


_ANY_CUE_RE = re.compile(
    cue_word(SPEECH_CUE + r"|" + NAMING_CUE, SPEECH_CUE_FIRSTS + NAMING_CUE_FIRSTS)
)


@lru_cache(maxsize=8)
def _first_cue(text: str, start: int, end: int) -> re.Match | None:
    """``_ANY_CUE_RE.search(text, start, end)``, kept for the last few windows: the window
    before a quotation is searched by ``_cued_subject`` and then by ``has_cue``, and most
    windows hold no cue at all."""
    return _ANY_CUE_RE.search(text, start, end)


def has_cue(text: str, start: int, end: int) -> bool:
    """True when a speech or naming cue occurs in [start, end); a passive verb of saying
    ("were admitted") is none unless its agent follows ("was written by")."""
    m = _first_cue(text, start, end)
    while m is not None:
        if not _passive(text, start, m) or _BY_AFTER_RE.match(text, m.end(), end):
            return True
        if m.group("cue") not in SPEECH_VERBS:  # "was labeled": a naming cue all the same
            return True
        m = _ANY_CUE_RE.search(text, m.end(), end)  # (as finditer goes on: matches are words)
    return False


_BY_AFTER_RE = re.compile(r"\s+by\b")


def _according_search(text: str, start: int, end: int) -> re.Match | None:
    """``_ACCORDING_RE.search(text, start, end)``, skipped when the window holds neither of
    the pattern's words ("according", "words"), as most do: a search tries every position."""
    if text.find("ccording", start, end) < 0 and text.find("words", start, end) < 0:
        return None
    return _ACCORDING_RE.search(text, start, end)


def according_to(text: str, start: int, end: int) -> Attribution | None:
    """`"...," the judge said, according to the Post` - the reporting source named last."""
    m = _according_search(text, start, end)
    return _found(text, m, 0, AFTER) if m else None


# "over her remark that "..."", "Doe's claim that "..."": the owner of the words said them.
_OWNED_WORDS_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + NAME
    + r"['\u2019]s|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}(?P<cue>remarks?|comments?|"
    r"claims?|statements?|words|assertions?|insistence|warnings?|promises?|pledges?|vows?|"
    r"declarations?|boasts?|complaints?)\s+(?:that\s+)?(?:it\s+was\s+)?$"
)
# "Doe's claim that there have been "...": the owner of a claim, its that-clause running on
# to the quotation (no sentence end, quotation or cue of its own between).
_OWNED_CLAIM_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + NAME
    + r"['\u2019]s|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}(?P<cue>claims?|"
    r"assertions?|contention|insistence|allegations?|suggestion|boast|predictions?|"
    r"warnings?|promises?|pledges?|statements?|remarks?|comments?)\s+that\s"
    r"[^.!?;:\"\u201c\u201d\n]{1,150}?\s$"
)


def attribute_owner(text: str, start: int, end: int) -> Attribution | None:
    """`... over her remark that "..."` - the owner of the remark right before the quote."""
    m = _OWNED_WORDS_RE.search(text, max(start, end - 120), end)
    if m is None:
        m = _OWNED_CLAIM_RE.search(text, max(start, end - 250), end)
        if m is None or _CUE_RE.search(text, m.end("cue"), end):
            return None
    lo, hi = m.span("sp")
    if text[hi - 2 : hi] in ("'s", "\u2019s"):
        hi -= 2
    return Attribution((lo, hi), m.span("cue"), EMBEDDED)


# "Bemoaning the "phony system," Doe accused", "After saying it was "...," she left": a
# participle clause opening the sentence (its object a phrase, not a name: "Beijing has" is
# none) holds the quotation; the words are those of the main clause's subject.
_PARTICIPLE_LEAD_RE = re.compile(
    r"\s*(?:(?:After|Before|While|When|Since|By|Upon|In)\s+[a-z]+ing|"
    r"(?!(?:Following|According|Including|Regarding|Concerning|Considering|During|Pending|"
    r"Excluding|Barring|Notwithstanding)\b)[A-Z][a-z]+ing)\s+(?:the|a|an|his|her|their|its|"
    r"our|my|this|these|those|that|it|him|them|what|how|about|on|to|up|off|out|back)\b"
    r"[^,;:.!?\"\u201c\u201d\n]*$"
)
_COMMA_AFTER_QUOTE_RE = re.compile(r"[^,;:.!?\"\u201c\u201d\n]{0,60}?,\s*")


def attribute_participle_lead(
    text: str, start: int, quote: tuple[int, int], end: int
) -> Attribution | None:
    """The subject after a sentence-opening participle clause that holds the quotation."""
    if _PARTICIPLE_LEAD_RE.match(text, start, quote[0]) is None:
        return None
    pos = quote[1]
    if text[pos - 2 : pos - 1] != ",":
        m = _COMMA_AFTER_QUOTE_RE.match(text, pos, end)
        if m is None:
            return None
        pos = m.end()
    while pos < end and text[pos].isspace():
        pos += 1
    m = _SENTENCE_SUBJECT_RE.match(text, pos, end)
    if m is None or not _plausible_subject(m.group("sp")):
        return None
    # (EMBEDDED, not BEFORE: a short title there, "Speaking to "Morning Show" Monday, Doe",
    # is still no quotation unless a cue says so)
    return Attribution(trim_speaker(text, *m.span("sp")), None, EMBEDDED)


# "Doe: Roe's plan is 'a fraud'" - a headline giving its speaker before a colon.
_HEADLINE_SPEAKER_RE = re.compile(r"\s*(?P<sp>" + NAME + r")\s*:\s+[^:\n]*$")


def attribute_headline(text: str, start: int, end: int) -> Attribution | None:
    """The name that opens a headline and a colon, for a quotation later in the headline."""
    m = _HEADLINE_SPEAKER_RE.match(text, start, end)
    return _found(text, m, 0, HEADLINE) if m else None


# 'labeled a "witch hunt" by Jane Doe', 'branded "a waste" by Doe': the agent of a passive
# naming verb whose complement is the quotation said its words (no object stands between
# the verb and the quotation: 'Roe called the probe a "hunt" by Doe' is Roe's).
_PASSIVE_NAMING_RE = re.compile(
    r"\b(?P<cue>(?:labell?ed|called|dubbed|branded|termed)(?:\s+as)?|(?:described|"
    r"characteri[sz]ed|derided|denounced|hailed|praised|decried|condemned|critici[sz]ed|"
    r"mocked|dismissed|ridiculed)\s+as)\s+(?:(?:a|an|the)\s+)?$"
)
_PASSIVE_AGENT_RE = re.compile(
    r"\s*,?\s+by\s+(?:(?:[a-z][\w'\u2019-]*\s+){1,6}(?=[A-Z]))?(?P<sp>"
    + _JOINT_NAME
    + r"|"
    + _DET_NP
    + r")"
)
# '"..." - as described by Jane Doe - ': the words as someone described it.
_AS_BY_RE = re.compile(
    r"[^.!?;\"\u201c\u201d\n]{0,80}?[\s,\u2014\u2013-]as\s+(?:it\s+was\s+)?(?P<cue>described|put|"
    r"called|dubbed|termed|labell?ed|characteri[sz]ed|phrased)\s+by\s+(?P<sp>" + _JOINT_NAME + r")"
)


def attribute_passive_agent(
    text: str, start: int, quote: tuple[int, int], end: int
) -> Attribution | None:
    """The agent ("by Jane Doe") of a passive naming verb that holds the quotation."""
    if text.find(" by ", quote[1], min(end, quote[1] + 140)) < 0:
        return None  # (both forms need an agent after the quotation)
    verb = _PASSIVE_NAMING_RE.search(text, max(start, quote[0] - 40), quote[0])
    if verb is not None:
        m = _PASSIVE_AGENT_RE.match(text, quote[1], end)
        if m is not None:
            lo, hi = trim_speaker(text, *m.span("sp"))
            if text[hi - 1 : hi] == "." and text[hi - 3 : hi - 2] != ".":
                hi -= 1  # "by the unions." ends the sentence ("by Jane Doe Jr." keeps its stop)
            sp = (lo, hi)
            return Attribution(sp, verb.span("cue"), OWNED)
    m = _AS_BY_RE.match(text, quote[1], end)
    if m is None:
        return None
    return Attribution(trim_speaker(text, *m.span("sp")), m.span("cue"), OWNED)


# 'Doe's "a pier for every town" promise', 'her "half the town" remark': the owner of the
# remark the quotation names.
_QUOTE_OWNER_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sp>"
    + NAME
    + r"['\u2019]s|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?!(?:own|new|latest|first|former)\b)"
    r"[a-z][\w-]*\s+)?$"
)
_OWNED_AFTER_RE = re.compile(
    r"\s+(?P<cue>remarks?|comments?|promises?|pledges?|vows?|slogans?|mantras?|quips?|boasts?|"
    r"warnings?|claims?|statements?|catchphrases?|refrains?|tweets?|lines?)\b"
)
_SHORT_LINE_WORDS = 3


def attribute_owned_quote(text: str, start: int, quote: tuple[int, int]) -> Attribution | None:
    """The owner of a remark named right after its quotation ('Doe's "..." remark')."""
    after = _OWNED_AFTER_RE.match(text, quote[1])
    if after is None:
        return None
    if after.group("cue").startswith("line") and (
        len(text[quote[0] : quote[1]].split()) < _SHORT_LINE_WORDS
    ):
        return None  # 'Harbor's "Fresh" line': a product line
    m = _QUOTE_OWNER_RE.search(text, max(start, quote[0] - 80), quote[0])
    if m is None:
        return None
    lo, hi = m.span("sp")
    if text[hi - 2 : hi] in ("'s", "\u2019s"):
        hi -= 2
    return Attribution((lo, hi), after.span("cue"), OWNED)
