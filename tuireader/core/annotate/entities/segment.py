"""Label one candidate name (a run of capitalised tokens) in mixed-case text.

Evidence is tried from the most to the least reliable: a whole-phrase gazetteer entry, an
organisation or event head word, a title before a person, a given name, then context words and
a fallback guess (marked weak) that the document-level pass may still overrule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tuireader.core.annotate.entities import lexicon as lx
from tuireader.core.annotate.entities.context import (
    APPOSITION,
    class_noun_before,
    comma_after,
    org_verb_after,
    performs_after,
    person_apposition,
    reports_after,
    single_by_context,
)
from tuireader.core.annotate.entities.mention import LOC, MISC, ORG, PER, Mention
from tuireader.core.annotate.entities.tokens import DIGIT_AHEAD, previous_word, word_set
from tuireader.core.annotate.us_states import US_STATES

# (start, end) of a token in the text being analysed.
Tok = tuple[int, int]

_DIRECTIONS = word_set(
    "northern southern eastern western northeastern northwestern southeastern southwestern central"
)
_COMPASS = word_set(
    "north south east west northeast northwest southeast southwest central far middle latin "
    "northern southern eastern western"
)
_MODEL = re.compile(r"[A-Z]{1,3}-\d+[A-Za-z]*$")  # "F-16", "AK-47s": models are MISC
# "DCLeaks.com", "Amazon.co.uk": a site or the company behind it, never a person.
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|info|biz|io|co|tv|uk|de|fr|ru|eu)$", re.I)
# "WikiLeaks", "YouTube", "NationsBank": an inner capital after three or more lower-case letters
# marks a brand. Name prefixes ("McGrath", "MacArthur", "DeShields", "LaPorte") stay persons.
_CAMEL = re.compile(r"[A-Z]([a-z]{3,})[A-Z][a-z]")
_NAME_PREFIXES = word_set("mac fitz van von della dela")
_COMMON_MID = 4.5
_HEAD_ONLY = lx.ORG_SUFFIX | lx.NAME_ANY
# Words of a page's share bar: two or more in a row are furniture, not a name.
_SHARE_BAR = word_set(
    "facebook twitter email e-mail share pinterest linkedin whatsapp reddit print tumblr "
    "messenger flipboard comments comment sms copy link"
)
_POLICY_ENDINGS = ("care", "gate")
# A Title Case headline's verbs: no name holds one, so the run is cut there ("Jane Doe Is
# Right", "Jane Doe Says Harbor Trust Lied").
# ("Will", "Can", "Said" are names too: "Jan Will", "Ali Can", "Omar Said")
_HEADLINE_VERBS = frozenset(
    ("Is", "Are", "Was", "Were", "Has", "Have", "Had", "Would", "Could", "Should", "Says")
    + ("Tells", "Told", "Asks", "Asked", "Urges", "Warns", "Calls", "Slams", "Blasts")
)
# Football and sports club prefixes: "FC Oslo" is a club even where "Oslo" alone is a city.
# Performers' titles that are part of their stage names.
_STAGE_PREFIXES = word_set("dj mc")
# Political creeds that name a party before "party", "parties" or "caucus": "the Liberal
# caucus" is the party's, where "the Liberal prime minister" describes a person (MISC).
_CREEDS = word_set("liberal conservative republican democratic socialist communist tory")
_PARTY_NOUNS = (" party", " parties", " caucus")
_CLUB_PREFIXES = word_set("fc afc ac sc cf fk nk sk sv vfb vfl bk if cd rc ssc tsv")
_QUOTES = '"“”'
# A cricket scorecard's players: after "c" (caught), "b" (bowled), "st" (stumped), or
# before bowling figures (overs-maidens-runs-wickets).
_CATCH_BOWL_BEFORE = re.compile(r"(?:^|[ \n])(?:c|b|st|c &) $")
_BOWLING_AFTER = re.compile(r" \d+(?:\.\d)?-\d+-\d+-\d+\b")
_SEASONS = word_set("spring summer autumn fall winter")
_COMMON_LOC = 4.5  # an unknown word this common after "in" is no place ("in Marketing")
# A student's or player's year glued before a name ("Senior Jane Doe"): no part of it.
_CLASS_YEARS = word_set(
    "senior seniors junior juniors sophomore sophomores freshman freshmen redshirt rookie rookies"
)
_POSSESSIVE_AFTER = re.compile(r" ?['\u2019]s\b")
# Honorifics name a person whatever word follows ("Mr. Weather"); other titles may not.
_HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr.")
_EVERYDAY = 4.5  # Zipf of a word no one is named by alone ("universe", 4.6)
_MONTHS = word_set("january february march april may june july august september october")
_RARE_WORD = 3.0  # Zipf of a word too common to be taken for a name by its verb alone
_SAID_BEFORE = ("said ", "says ", "told ", "added ", "wrote ")
_SAINT = word_set("st st. ste ste.")
_OF_AFTER = re.compile(r" of\b")
_IN_PLACE = word_set("in near outside inside throughout around across")  # not "at", "from"
_LISTED_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:,| and) $")  # "Leeds, " before a name
_LISTED_AFTER = re.compile(r",? (?:and )?([A-Z][a-z]+)\b")  # ", Sheffield" after it
# A club's role before a person's name ("Larne boss Jim Roe", "Munster lock Tom Quill"): a
# town before it is the town's club (a country's or a US state's side is a place, as in
# CoNLL-style news).
_CLUB_ROLE_AFTER = re.compile(
    r" (?:boss|manager|coach|striker|defender|midfielder|goalkeeper|keeper|winger|forward|"
    r"lock|prop|hooker|flanker|fly-half|scrum-half|full-back|centre|skipper|captain|"
    r"chairman|owner|team-mate|signing) [A-Z]"
)
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_TICKER_BEFORE = re.compile(r"(?:[A-Z][\w.&'-]*|['\u2019]s) <$")  # "Acme Corp <", "Acme's <"
_PERSON_OF = re.compile(r"\b([A-Z][a-z]+) ([A-Z][\w'\u2019-]+) of $")  # "Jan Roe of "
_TEAM_ZIPF = 4.5  # plurals of Zipf 4.0-4.5 ("Otters"-like team names); not "Members"
_EVERYDAY_SINGULAR = 3.0  # "falcon", "cable": a plural of such a word names no person
_WORD_PLURAL = 2.5  # ... when the plural is an English word too ("falcons"; no "pedros")
_COMMON_NOUN = 3.8  # "lie", "publishing": a capitalised word this common names a thing
_COMMON_SURNAME = 5.0  # "house", "field" are surnames too, but far more often nouns
_HEADS = lx.ORG_SUFFIX | lx.MISC_HEAD | lx.LOC_SUFFIX
_NAMED_HEADS = lx.ORG_SUFFIX | lx.MISC_HEAD
_KNOWN = lx.LOC_ANY | lx.DEMONYM | lx.ORG | lx.MISC
_WORDS_CACHED = 20_000  # words whose lookups the lexicon keeps (a few MB at most)


# How a resident's word is made from a place: Ohio-an, Florid(a)-ian(s), Kansa(s)-n, London-er.
_RESIDENT_SUFFIXES = (
    ("ians", "ia"),
    ("ian", "ia"),
    ("ians", ""),
    ("ian", ""),
    ("ans", "a"),
    ("an", "a"),
    ("ans", ""),
    ("an", ""),
    ("ns", "s"),
    ("n", "s"),
    ("ers", ""),  # "Londoners"
    ("er", ""),
)


_COMPASS_DEMONYMS = frozenset(("western", "eastern", "northern", "southern"))


# Short tails that make a name a modifier ("Doe-led", "Bush-era") or a word ("All-time").
_MODIFIER_TAILS = word_set(
    "led run born made held like era type wide free rich poor long only size done bred owned "
    "time up off out on"
)
_SYLLABLES = re.compile(r"[A-Z][a-z]{1,4}-([a-z]{1,4})")


def _syllables(word: str) -> bool:
    """ "Jong-ho", "Su-min", "Wen-ho": a hyphenated East Asian given name (two short
    syllables, the second in lower case), no compound modifier such as "Doe-led"."""
    if "-" not in word:
        return False
    hit = _SYLLABLES.fullmatch(word)
    return hit is not None and hit.group(1) not in _MODIFIER_TAILS


# Titles a member of a body holds, which take no portfolio word before them: a known
# organisation's name there ("Labour MP") is the body, not a modifier of the title.
_MEMBER_TITLES = word_set(
    "mp mps mep meps msp msps mla mlas am td councillor councilor peer peers candidate "
    "backbencher backbenchers leader activist activists member members"
)
_PARTY_TITLES = _MEMBER_TITLES | word_set("chairman chairwoman chair president")
_POST_NOMINAL = re.compile(r" (?:MPs?|MEPs?|MSPs?|QC|KC|AM|MLA|TD)\b")
_ERAS = frozenset(("new", "old"))
_JOINS = frozenset(("of", "for", "on", "the", "and", "&"))
_OF_JOINS = frozenset(("of", "for"))
_OF_HEADS = lx.OF_HEAD | lx.LOC_OF | lx.MISC_OF
_OWNS = ("'s ", "’s ")
_OWNER_JOINS = frozenset(("on", "of", "for"))


class SegmentLabeller:
    """Labels the segments of one document; holds the lexicon and the text."""

    def __init__(self, lex: lx.Lexicon, text: str, sports: bool = False) -> None:
        self.flags = lex.flags
        self.zipf = lex.zipf
        self.firsts = lex.firsts
        self.text = text
        self.sports = sports
        # word -> (lower case, flags, flags as ``tflags`` gives them, zipf): the lexicon's
        # cache, shared by all documents (words recur across articles)
        self._words = lex.words
        self._cache: dict[Tok, int] = {}
        # A song or book title in double quotes needs a double quote mark in the text.
        self._quotes = any(q in text for q in _QUOTES)

    # -- helpers -----------------------------------------------------------------------------

    def _word(self, tok: Tok) -> str:
        return self.text[tok[0] : tok[1]]

    def low(self, tok: Tok) -> str:
        return self.text[tok[0] : tok[1]].lower()

    def tflags(self, tok: Tok) -> int:
        """Flags of one token, acronyms read as such, cached by its offset (rules ask about
        the same token often) and by the word (``_info``)."""
        f = self._cache.get(tok)
        if f is None:
            word = self.text[tok[0] : tok[1]]
            info = self._words.get(word)
            f = self._cache[tok] = (info or self._info(word))[2]
        return f

    def mention(self, toks: Sequence[Tok], label: str, weak: bool = False) -> Mention:
        start, end = toks[0][0], toks[-1][1]
        # ``weak`` passed by position: a class called with a keyword is slower to call
        return Mention(start, end, label, self.text[start:end], weak)

    def _is_initial(self, tok: Tok) -> bool:
        """A single-letter initial such as "J.", or "J" before a capitalised name ("J Roe
        (Bath)" in a squad list; not "A" or "I", words of their own)."""
        text, s = self.text, tok[0]
        if tok[1] - s == 2:
            return text[s + 1] == "."
        if not (
            tok[1] - s == 1
            and text[s] not in "AI"
            and text.startswith(" ", s + 1)
            and text[s + 2 : s + 3].isupper()
        ):
            return False
        if text[s] in "NSEW":  # "S Yorkshire": a compass point before a place
            m = _NEXT_WORD.match(text, s + 2)
            f = self.flags.get(m.group().lower(), 0) if m else 0
            return not (f & lx.LOC_ANY and not f & (lx.SUR | lx.FIRST))  # not "S Orlando"
        return True

    def _is_acronym(self, tok: Tok) -> bool:
        word = self.text[tok[0] : tok[1]]
        return len(word) > 1 and word.isupper() and word.isalpha()

    def opening_word(self, tok: Tok, next_is_cap: bool, head_ended: bool = False) -> str:
        """How to read a capitalised word that opens a sentence: "keep", "drop" or "maybe".

        "maybe" words (rare words, surnames that are also words) become mentions only if the
        document names them elsewhere, mid-sentence or inside a longer name.
        """
        if self._is_initial(tok):
            return "keep"
        word = self.low(tok)
        z = self.zipf.get(word, 0.0)
        f = self.flags.get(word, 0)
        if head_ended and (z < 5.5 or (f & lx.LOC_OF and z < 6.0)):
            return "keep"  # "State Department", "Police Federation", "City Council"
        if f & lx.STOP or len(word) == 1:
            return "drop"
        if f & lx.TITLE and next_is_cap:
            return "keep"  # "Lord Stanley announced": the title says a person follows
        if len(word) > 5 and word.endswith(("ing", "ed")) and not f & lx.NAME_ANY:
            return "drop"  # "Entrusting Jane Doe with ...", "Rattled Jane Doe ..."
        if f & _KNOWN:
            return "drop" if z >= 6.0 else "keep"
        if f & lx.FIRST and next_is_cap and z < 5.5:  # not "Many", "Little", "Made"
            return "keep"
        if z >= 4.5 and not (f & lx.FIRST and z < 5.0):
            if f & lx.SUR and z < 5.0 and not next_is_cap:
                return "maybe"  # "Cook said": kept if the text names the person elsewhere
            return "drop"  # an everyday word; a given name ("Ben") waits for its full name
        if next_is_cap:
            return "drop" if z >= 3.5 and not f & lx.FIRST else "keep"
        if self.text.startswith(("'s", "’s", " 's"), tok[1]):
            return "keep"  # a possessive: "Putin's aides"
        return "maybe"

    def _quoted_title(self, toks: list[Tok]) -> bool:
        """The segment alone fills a pair of double quotes: a song, book or film title.

        A known name ("Russia") or a person's name in quotes is still what it is.
        """
        text = self.text
        i, j = toks[0][0] - 1, toks[-1][1]  # a quote mark, maybe one space away
        if i > 0 and text[i] == " ":
            i -= 1
        if i < 0 or text[i] not in _QUOTES:
            return False
        if text.startswith(" ", j):
            j += 1
        if j >= len(text) or text[j] not in _QUOTES:
            return False
        if self.flags.get(self._phrase(toks), 0) & _KNOWN:
            return False
        return not (len(toks) > 1 and self.tflags(toks[0]) & lx.FIRST)

    def _starts_known(self, toks: list[Tok]) -> bool:
        """The segment opens with a known multi-word name ("South Africa", "St Louis")."""
        if len(toks) < 2:
            return False
        first = self.low(toks[0])
        if first.rstrip(".") in ("st", "mt", "ft", "san", "santa", "los", "las"):
            return True
        if first not in self.firsts:  # (tokens stand one space apart) no entry opens so
            return False
        text, flags = self.text, self.flags
        start = toks[0][0]
        for i in range((len(toks) if len(toks) < 4 else 4) - 1, 0, -1):
            if flags.get(text[start : toks[i][1]].lower(), 0) & _KNOWN:
                return True
        return False

    def _known_then_person(self, toks: list[Tok]) -> int:
        """How many tokens of a known organisation's name of two words or more open the
        segment when a given name and a surname make the rest ("Lib Dem Jan Roe"), or 0."""
        n = len(toks)
        if n < 4 or self.low(toks[0]) not in self.firsts or self.tflags(toks[-1]) & lx.ORG_SUFFIX:
            return 0  # ("Chase Manhattan Asia Ltd": a firm's arm)
        start = toks[0][0]
        for i in range(n - 2 if n < 5 else 3, 1, -1):
            if (
                n - i <= 3
                and self.tflags(toks[i]) & lx.FIRST
                and not self.tflags(toks[i]) & lx.COUNTRY
                and self.flags.get(self.text[start : toks[i - 1][1]].lower(), 0) & lx.ORG
            ):
                return i
        return 0

    # -- main entry --------------------------------------------------------------------------

    def label(self, toks: list[Tok], opens: bool, after_title: bool = False) -> list[Mention]:
        """Mentions in the segment ``toks`` (consecutive capitalised tokens and connectors).

        ``opens``: the segment starts a sentence. ``after_title``: it follows "Secretary of".
        """
        if len(toks) == 1:
            return self.label_token(toks[0], opens)
        maybe = False
        share = 0
        text = self.text
        while share < len(toks) and text[toks[share][0] : toks[share][1]].lower() in _SHARE_BAR:
            share += 1
        if share >= 2:  # "Facebook Twitter Email Jane Doe": a share bar glued to a name
            toks, opens = toks[share:], True
            if not toks:
                return []
        if self._quotes and self._quoted_title(toks):
            return [self.mention(toks, MISC)]
        s0 = toks[0][0]
        if (
            text[s0 + 1] == "-"
            and text[s0] in "DRI"
            and "(" in text[(s0 - 2 if s0 > 2 else 0) : s0]
        ):
            toks[0] = (s0 + 2, toks[0][1])  # "(D-Harbor Falls)": a party's letter, a place
        for i in range(1, len(toks)):
            if text[toks[i][0] : toks[i][1]] in _HEADLINE_VERBS:
                head = self.label(toks[:i], opens, after_title)
                return head + (self.label(toks[i + 1 :], False) if i + 1 < len(toks) else [])
        if (
            len(toks) == 2
            and self.low(toks[0]) in _HONORIFICS
            and not self.tflags(toks[1]) & (lx.STOP | lx.TITLE | lx.ORG)
        ):
            if self._figure(toks):
                return []  # "the Mr Grumpy of cinema": a type, no one named
            return [self.mention(toks[1:], PER)]  # "Mr Preston": a person, not the town
        starts_known = self._starts_known(toks) if opens else None
        if opens and not starts_known:
            head_ended = len(toks) > 1 and bool(self.tflags(toks[-1]) & _HEADS)
            if not head_ended and len(toks) > 3:  # "City Council Speaker Jane Roe said"
                head_ended = bool(
                    self.tflags(toks[1]) & _HEADS
                    and self.tflags(toks[2]) & lx.TITLE
                    and not self.low(toks[0]).endswith(("ed", "ing"))  # "Decorated Navy Capt."
                )
            if head_ended and len(toks) == 3:  # "Yesterday Jane Park said": no park's name
                head_ended = not self._speaker(toks[1:], self.tflags(toks[1]), self.tflags(toks[2]))
            verdict = self.opening_word(toks[0], len(toks) > 1, head_ended)
            if verdict == "drop" and 1 < len(toks) <= 3 and _syllables(self._word(toks[-1])):
                verdict = "keep"  # "Pak Su-min said": a family name, however common a word
            elif (
                verdict == "drop"
                and (text[toks[1][0]].islower() or text[toks[0][0]] in "NO")
                and self._opening_kept(toks)
            ):
                verdict = "keep"
            elif verdict == "keep" and head_ended and self._verb_before_name(toks):
                verdict = "drop"  # "Attended Jane Doe High School": a verb opens the line
            if verdict == "drop":
                toks = toks[1:]
                starts_known = None
                if text[toks[0][0]] in "oftahT&":  # (a character test first: most are no join)
                    while toks and self.low(toks[0]) in _JOINS:  # no name opens with "of"
                        toks = toks[1:]
                    if not toks:
                        return []
            # A table row ("Northvale 3 0 3 0") names its subject; it is no sentence.
            maybe = verdict == "maybe" and not (
                self.sports and DIGIT_AHEAD.match(self.text, toks[-1][1])
            )
        known = self._known_then_person(toks)
        if known:  # "Lib Dem Jan Roe": a party's name, then the person
            return self.label(toks[:known], False) + self.label(toks[known:], False)
        if starts_known is None:
            starts_known = self._starts_known(toks)
        if not starts_known:  # "Tel Aviv" keeps its "Tel"
            while toks and self.tflags(toks[0]) & lx.STOP:
                if text[toks[0][0]] in "MD" and self._figure(toks):
                    return []
                toks = toks[1:]
        while toks and self.tflags(toks[-1]) & lx.STOP and not self._month_surname(toks):
            toks = toks[:-1]
            while toks and self.text[toks[-1][0]].islower():  # "... Zeitung on [Saturday]"
                toks = toks[:-1]
        if not toks:
            return []
        return self._confirm(self._compounds(toks, after_title), maybe)

    def label_token(self, tok: Tok, opens: bool) -> list[Mention]:
        """``label`` for a segment of one token (most are): the same rules, without the
        ones that need two tokens or more."""
        word = self.text[tok[0] : tok[1]]
        return self.label_word(tok, word, self._words.get(word), opens)

    def label_word(
        self, tok: Tok, word: str, info: tuple[str, int, int, float] | None, opens: bool
    ) -> list[Mention]:
        """``label_token`` given the token's text and its cached lookups (None: not cached)."""
        text = self.text
        s, e = tok
        if self._quotes and self.quote_before(s) and self._quoted_title([tok]):
            return [self.mention([tok], MISC)]
        if info is None:
            info = self._info(word)
        maybe = False
        if opens:
            verdict = self._opening_alone(tok, info)
            if verdict == "drop":
                return []
            maybe = verdict == "maybe" and not (self.sports and DIGIT_AHEAD.match(text, e))
        f = info[2]
        if f & lx.STOP:
            return []
        if info[0] in _SEASONS and DIGIT_AHEAD.match(text, e):
            return []  # "as of Spring 2007": a season of a year names no place
        # (most words have no dash: ``in`` costs less than ``rfind``'s parsed arguments)
        dash = word.rfind("-") if "-" in word else -1
        if dash == 1 and word[2:3].islower():
            return []  # "C-section", "T-shirt": a letter before a common noun
        if dash > 0 and word[dash + 1 : dash + 2].islower():
            out = [Mention(s, e, MISC, word)]  # "Ruritanian-born": as ``_compounds``
        # ("Dover, Del.": alone, a dotted title that is also a state's abbreviation is the state)
        elif (
            f & (lx.TITLE | lx.TITLE_MOD)
            # "Labour" mid-sentence is the party, not a ministry's portfolio
            and (opens or f & (lx.ORG | lx.TITLE) != lx.ORG or self._portfolio(s, e))
            and not (f & lx.PLACE and word[-1] == ".")
        ):
            return []  # "Governor", "Prime": an office, no one named (as ``_label_one``)
        elif dash >= 0 and _MODEL.match(word):
            out = [Mention(s, e, MISC, word)]  # "F-16", "AK-47": a model of a thing
        else:  # ``_whole`` for one token, unrolled
            if f & lx.ORG and not (f & lx.PLACE and self._among_places(s, e)):
                # a known name is no guess: ``_confirm`` has only ``maybe`` to do
                m = Mention(s, e, ORG, word)
                return self._confirm([m], maybe) if maybe else [m]
            if f & lx.COUNTRY:
                m = Mention(s, e, LOC, word)
                m.country = m.place = True
                return self._confirm([m], maybe) if maybe else [m]
            if f & (lx.MISC | lx.DEMONYM):
                party = text.startswith(_PARTY_NOUNS, e) and info[0] in _CREEDS
                m = Mention(s, e, ORG if party else MISC, word)
                return self._confirm([m], maybe) if maybe else [m]
            if (
                f & lx.PLACE
                and not f & lx.COUNTRY
                and _CLUB_ROLE_AFTER.match(text, e)
                and info[0] not in US_STATES  # "Texas manager": a state's side, a place
            ):
                return [Mention(s, e, ORG, word)]  # "Larne boss Jim Roe": the town's club
            if f & lx.PLACE:
                m = Mention(s, e, LOC, word, bool(f & (lx.FIRST | lx.SUR)))  # weak
                m.place = True
                return self._confirm([m], maybe) if maybe else [m]
            known = self._single_word(tok, word, info) if len(word) > 1 else None
            if known is None:
                return []
            out = [known]
        return self._confirm(out, maybe)

    def _person_of(self, start: int) -> bool:
        """ "Jan Roe of Zorblax": a given name and a surname before "of" say that the unknown
        word after it is where the person works (a place would be known: "Jan Roe of Ohio")."""
        m = _PERSON_OF.search(self.text, start - 60 if start > 60 else 0, start)
        if m is None:
            return False
        given, surname = m.group(1).lower(), m.group(2).lower()
        return (
            self.flags.get(given, 0) & (lx.FIRST | lx.STOP) == lx.FIRST
            and not self.flags.get(surname, 0) & (lx.TITLE | _HEADS | lx.LOC_ANY)
            and self.zipf.get(surname, 0.0) < _COMMON_NOUN  # not "Nora Half of Nothing"
        )

    def _among_places(self, start: int, end: int) -> bool:
        """ "lives in Porto", "Leeds, Liverpool, Sheffield": a club or firm named after its
        town is the town after "in" or listed between places (a comma or "and" apart)."""
        if previous_word(self.text, start) in _IN_PLACE:
            return True
        m = _LISTED_BEFORE.search(self.text, start - 40 if start > 40 else 0, start)
        if m is None:
            m = _LISTED_AFTER.match(self.text, end)
        if m is None:
            return False
        f = self.flags.get(m.group(1).lower(), 0)
        return bool(f & lx.PLACE and not f & lx.ORG)

    def quote_before(self, start: int) -> bool:
        """A double quote mark just before ``start``, maybe one space away: what
        ``_quoted_title`` looks for first."""
        text = self.text
        i = start - 1
        if i > 0 and text[i] == " ":
            i -= 1
        return i >= 0 and text[i] in _QUOTES

    def _opening_alone(self, tok: Tok, info: tuple[str, int, int, float]) -> str:
        """``opening_word(tok, False)`` from the word's cached lookups."""
        if tok[1] - tok[0] == 2 and self.text[tok[0] + 1] == ".":
            return "keep"
        word, f, _, z = info
        if f & lx.STOP or len(word) == 1:
            return "drop"
        if len(word) > 5 and word.endswith(("ing", "ed")) and not f & lx.NAME_ANY:
            return "drop"
        if f & _KNOWN:
            return "drop" if z >= 6.0 else "keep"
        if z >= 4.5 and not (f & lx.FIRST and z < 5.0):
            if f & lx.SUR and z < 5.0:
                return "maybe"
            return "drop"
        if self.text.startswith(("'s", "’s", " 's"), tok[1]):
            return "keep"
        return "maybe"

    def _confirm(self, out: list[Mention], maybe: bool) -> list[Mention]:
        """An organisation's verb after a guess makes it one; an opening word no evidence
        confirmed waits for the document to name it elsewhere."""
        for m in out:
            verb = (m.guess or m.typable or m.weak and m.label == ORG) and org_verb_after(
                self.text, m.end
            )
            if verb and verb.lastgroup == "it" and self._has_name_word(m.text):
                verb = None  # "Smith said it would take time": "it" is something else
            if verb:  # "Zorblax was founded in", "Glass Otter released their album": no guess
                m.label = ORG
                m.guess = m.typable = m.lone = False
                # "Redwater said it would": a firm (the typer leaves it), unless the document
                # names a person so
                m.weak = m.fixed = verb.lastgroup == "it"
            elif maybe and not self._reporter(m.text, m.end):  # "Harbrook said": a name
                m.tentative = True
        return out

    def _portfolio(self, start: int, end: int) -> bool:
        """ "Secretary of Labor", "the Labour and Employment ministry": the word names a
        ministry's field, not the party."""
        text = self.text
        if previous_word(text, start) == "of":
            return not text.startswith(("'s", "’s"), end)  # not "the cornerstone of Labour's"
        return text.startswith(" and ", end) and text[end + 5 : end + 6].isupper()

    def _has_name_word(self, phrase: str) -> bool:
        """A word of ``phrase`` is a listed given name or surname."""
        flags = self.flags
        return any(flags.get(w.lower(), 0) & (lx.FIRST | lx.SUR) for w in phrase.split(" "))

    def _speaker(self, toks: list[Tok], first_f: int, last_f: int) -> bool:
        """A given name and a surname that is also a place's head word ("Park", "Field")
        said something or has a person's apposition: a person, no place."""
        if not first_f & lx.FIRST or first_f & _KNOWN or not last_f & lx.SUR:
            return False
        text, start, end = self.text, toks[0][0], toks[-1][1]
        return (
            reports_after(text, end)
            or text.endswith(_SAID_BEFORE, 0, start)
            or person_apposition(text, end)
            or (_POST_NOMINAL.match(text, end) is not None and previous_word(text, start) != "the")
        )  # "Jan Field MP" is the member; "the Harbour Field MP" the member for a seat

    def _reporter(self, name: str, end: int) -> bool:
        """The name before ``end`` is the subject of a reporting verb and a rare word, no
        everyday noun or its plural ("Server said", "Brokers said")."""
        if not reports_after(self.text, end):
            return False
        low, zipf = name.lower(), self.zipf
        if zipf.get(low, 0.0) >= _RARE_WORD:
            return False
        return not (low[-1] == "s" and zipf.get(low[:-1], 0.0) >= _EVERYDAY_SINGULAR)

    def _compounds(self, toks: list[Tok], after_title: bool) -> list[Mention]:
        """Split off hyphenated modifiers: "Ontario-based Zorblax", "rebel-controlled"."""
        text = self.text
        if "-" not in text[toks[0][0] : toks[-1][1]]:
            return self._label(toks, after_title)  # no hyphen: no compound to split off
        for i, (s, e) in enumerate(toks):
            word = text[s:e]
            dash = word.rfind("-")
            if dash > 0 and word[dash + 1 : dash + 2].islower() and not (i and _syllables(word)):
                head = text[toks[0][0] : s + dash].lower()
                if self.flags.get(head, 0) & _KNOWN:  # "New York-based"
                    out = [Mention(toks[0][0], e, MISC, text[toks[0][0] : e])]
                else:  # CoNLL marks such compounds MISC: "Ruritanian-born", "Ostrava-based"
                    out = self._label(toks[:i], after_title) if i else []
                    out.append(Mention(s, e, MISC, word))
                if i + 1 < len(toks):
                    out.extend(self._compounds(toks[i + 1 :], False))
                return out
        return self._label(toks, after_title)

    def _label(self, toks: list[Tok], after_title: bool) -> list[Mention]:
        if not toks:
            return []
        text = self.text
        n = len(toks)
        if n == 1:
            return self._label_one(toks)
        phrase = text[toks[0][0] : toks[-1][1]].lower()
        f = self.tflags(toks[0]) if n == 1 else self.flags.get(phrase, 0)
        first_f = self.tflags(toks[0])
        last_f = self.tflags(toks[-1])

        if after_title:
            i = 0
            while i < n and self.tflags(toks[i]) & (lx.TITLE | lx.TITLE_MOD):
                i += 1
            if 0 < i < n:
                return [self.mention(toks[i:], PER)]

        if n > 2 and text[toks[0][0]] in "SJFRsjfr" and self.low(toks[0]) in _CLASS_YEARS:
            rest = self._label(toks[1:], False)
            if len(rest) == 1 and rest[0].label == PER and rest[0].start == toks[1][0]:
                return rest  # "Senior Jane Doe", "Juniors Jan Roe and ...": the year is no name

        if first_f & (lx.TITLE | lx.TITLE_MOD) and all(
            self.tflags(t) & (lx.TITLE | lx.TITLE_MOD) for t in toks
        ):
            if n == 2 and first_f & lx.ORG and self.low(toks[1]) in _PARTY_TITLES:
                return self._label(toks[:1], False)  # "the Labour Leader": the party's
            return []  # "Governor General", "Prime Minister": an office, no one named
        s0 = toks[0][0]
        # (a model's dash is its second to fourth character: a find is cheaper than the match)
        if "-" in text[s0 + 1 : s0 + 4] and _MODEL.match(text, s0, toks[0][1]):
            return [self.mention(toks, MISC)]  # "F-16 Falcon", "AK-47": a model of a thing

        # 1. The whole phrase is a known name.
        known = self._whole(toks, f)
        if known is not None:
            return [known]

        # 2. Heads: "Acme Corp", "Department of ...", "World Cup", "Gulf of Mexico".
        of_head = self._of_head(toks)
        if (
            n == 3
            and text[toks[1][0]].islower()
            and of_head in (None, MISC)  # ("War on Poverty's Jane Doe": no war's)
            and self._word(toks[1]) in _OWNER_JOINS
            and text.startswith(_OWNS, toks[2][1])
        ):
            m = self.mention(toks, ORG)  # "Action on Debt's Jane Doe": the body she speaks
            m.fixed = True  # for (``runs._owner_of_name`` joined it)
            return [m]
        if of_head:
            return [self.mention(toks, of_head)]
        if n > 1 and last_f & lx.ORG_SUFFIX and not last_f & lx.TITLE and not self._titled(toks):
            return [self.mention(toks, ORG)]
        if n > 1 and last_f & lx.MISC_HEAD:
            return [self.mention(toks, MISC)]
        if n > 1 and last_f & lx.LOC_SUFFIX and not first_f & lx.TITLE:
            if n == 2 and self._speaker(toks, first_f, last_f):
                return [self.mention(toks, PER)]  # "Jane Park said": a surname, no park
            if performs_after(text, toks[-1][1]):
                return [self.mention(toks, ORG)]  # "Velvet Harbor played": a band, no harbour
            m = self.mention(toks, LOC)
            m.place = True
            return [m]
        if n > 1 and last_f & lx.DEMONYM and self._all_compass(toks[:-1]):
            return [self.mention(toks, MISC)]  # "Southeast Asian", "Far Eastern"
        if (
            n > 1
            and last_f & lx.DEMONYM
            and not last_f & (lx.FIRST | lx.SUR | lx.LOC_ANY)
            and self.text[toks[-1][1] - 1] == "s"
            and not first_f & lx.LOC_ANY
            and not any(self._common(t) for t in toks[:-1])
        ):  # "Shia Arabs": a people, no person ("Denton Indians": a place's team; "Committee
            # Republicans": a body's members)
            return [self.mention(toks, MISC)]
        if (
            n > 1
            and first_f & lx.LOC_ANY
            and self._team_plural(toks[-1])
            and not any(self.tflags(t) & lx.TITLE for t in toks[1:-1])
            and not (n == 2 and self._surname_plural(first_f, last_f, toks[-1]))
        ):  # "Riverton Hawks", "Eastfield Bears"; not "Ohio Sen. Jan Sanders"
            return [self.mention(toks, ORG)]

        if (
            text[toks[0][0]] in "DM"
            and toks[0][1] - toks[0][0] == 2
            and self.low(toks[0]) in _STAGE_PREFIXES
            and not last_f & _HEADS
        ):
            return [self.mention(toks, PER)]  # "DJ Quillon", "MC Jonsby": a stage name
        if (
            n > 1
            and self._is_acronym(toks[0])
            and len(self.low(toks[0])) <= 4
            and not any(self.tflags(t) & lx.TITLE for t in toks[1:-1])
        ):
            rest = self._whole(toks[1:], self.flags.get(self._phrase(toks[1:]), 0))
            if (
                rest is None
                or (self.sports and rest.label == LOC and not rest.country)
                or self.low(toks[0]) in _CLUB_PREFIXES
            ):
                return [self.mention(toks, ORG)]  # "FK Northvale", "AB Zorblax"

        # "North Ohio", "South Leeds": a compass word before a known place is a region
        if (
            n > 1
            and self.low(toks[0]) in _COMPASS
            and self._all_compass(toks[1:-1])
            and last_f & lx.LOC_ANY
        ):
            m = self.mention(toks, LOC)
            m.place = True
            return [m]

        # 3. A title: "Sen. Ben Sasse", "Ruritanian President Jan Novak"; "U.S. Secretary".
        if n > 1 and last_f & lx.TITLE:
            if self._all_known(toks[:-1]):
                return self._label(toks[:-1], False)
            if self.tflags(toks[-2]) & lx.ORG_SUFFIX and not last_f & lx.FIRST:
                return self._label(toks[:-1], False)  # "the Green Party Chairman": the party
        titled = self._split_title(toks)
        if titled is not None:
            return titled

        # 4. A resident's or party word before a person: "Ohioan Jane Doe", "North Dakota
        # Republican Jane Doe", "fellow Floridians Jane Doe and ...".
        for i in range(n - 2):
            if self.tflags(toks[i + 1]) & lx.FIRST and self._resident(toks[i], i > 0):
                head = self._label(toks[:i], False) if i else []
                return head + [self.mention([toks[i]], MISC)] + self._label(toks[i + 1 :], False)
        # Leading nationalities: "Australian Jane Doe", "Iraqi Kurds".
        if n > 1 and first_f & lx.DEMONYM and not first_f & lx.FIRST:
            k = 1
            while k < n and self.tflags(toks[k]) & lx.DEMONYM:
                k += 1
            rest = self._label(toks[k:], False)
            if k == 1 and self.low(toks[0]) in _COMPASS_DEMONYMS:
                # "Western Australia", "Western Force": a compass word opens the name
                whole = (
                    len(rest) == 1 and rest[0].start == toks[1][0] and rest[0].end == toks[-1][1]
                )
                label = rest[0].label if whole else ORG
                if label == PER and self._thing(toks[-1]):
                    label = ORG  # "Western Gazetteer": a site or paper, not a person
                return [self.mention(toks, label)]
            return [self.mention(toks[:k], MISC)] + rest

        # "St. Varnel", "St Oswin": a saint's name opening a name names a place (or its team)
        if n > 1 and self.low(toks[0]) in _SAINT and not last_f & lx.TITLE:
            m = self.mention(toks, LOC, weak=True)
            m.guess = True
            return [m]

        # 5. Person names: two joined by "&" ("Karl Doe & Jane Roe") are two; a role word
        # glued before one is no part of it ("Coroner Jane Doe").
        for i in range(2, n - 2):
            if self.low(toks[i]) == "&":
                left, right = toks[:i], toks[i + 1 :]
                if self.tflags(left[0]) & lx.FIRST and self.tflags(right[0]) & lx.FIRST:
                    return [self.mention(left, PER), self.mention(right, PER)]
        k = self._role_words(toks) if n > 2 else 0  # role words need a name of two after them
        if k:
            return [self.mention(toks[k:], PER)]
        if 1 < n <= 3 and _syllables(self._word(toks[-1])):  # (it looks for the dash first)
            return [self.mention(toks, PER)]  # "Pak Su-min": a family name, a given name
        if n > 1 and self._plural_thing(toks[-1], last_f):
            guess = self.mention(toks, ORG, weak=True)  # "Harbor Falcons", "Zorvel Cables":
            guess.guess = True  # a plural of an everyday noun names a team or a firm
            return [guess]
        if n > 1 and first_f & lx.FIRST and not self._is_initial(toks[0]) and self._thing(toks[-1]):
            guess = self.mention(toks, ORG, weak=True)  # "Liberty Headlines": a site's name
            guess.guess = True
            return [guess]
        if n > 1 and (first_f & lx.FIRST or self._is_initial(toks[0])):
            m = self.mention(toks, PER)
            # "Velvet Revolver": a given name before a word no surname list knows
            m.typable = not last_f & lx.SUR and not self._is_initial(toks[0])
            return [m]
        if n > 1 and last_f & lx.SUR and not last_f & lx.LOC_ANY and not self._common(toks[-1]):
            m = self.mention(toks, PER)
            m.typable = True  # "Glass Otter": surname lists hold many words
            return [m]

        # 6. One word.
        if n == 1:
            single = self._single(toks[0])
            return [single] if single else []

        # 7. Several known names side by side ("NATO Kosovo"), else a guess.
        if n == 2 and text[toks[0][0]] in "NO" and self._renamed(toks, first_f, last_f):
            return [self.mention(toks, ORG)]
        parts = self._known_parts(toks)
        if len(parts) == 2 and all(p.label == LOC for p in parts) and self._name_pair(toks):
            return [self.mention(toks, PER)]  # "Burbank Thornton": two towns, a person
        if parts:
            return parts
        after_the = previous_word(self.text, toks[0][0]) == "the" or self.low(toks[0]) == "the"
        # A common noun last ("Excursion House", "Salt Publishing") names a thing, not a person.
        person = n <= 3 and not after_the and not self._common(toks[-1])
        guess = self.mention(toks, PER if person else ORG, weak=True)
        guess.guess = True
        return [guess]

    def _label_one(self, toks: list[Tok]) -> list[Mention]:
        """``_label`` for one token: the same rules, without the ones that need two."""
        s, e = toks[0]
        f = self.tflags(toks[0])
        if f & (lx.TITLE | lx.TITLE_MOD) and (
            f & (lx.ORG | lx.TITLE) != lx.ORG or self._portfolio(s, e)
        ):
            return []  # "Governor", "Prime": an office, no one named ("Labour" alone: a party)
        if self.text.find("-", s + 1, s + 4) > 0 and _MODEL.match(self.text, s, e):
            return [self.mention(toks, MISC)]  # "F-16", "AK-47": a model of a thing
        known = self._whole(toks, f)
        if known is not None:
            if self.text.startswith(_PARTY_NOUNS, e) and self.low(toks[0]) in _CREEDS:
                known.label = ORG  # "The Conservative party": as ``label_word``
            return [known]
        single = self._single(toks[0])
        return [single] if single else []

    # -- rules -------------------------------------------------------------------------------

    def _month_surname(self, toks: list[Tok]) -> bool:
        """ "Lara May said": a month that is also a surname, after a given name and
        before no number, ends a person's name rather than dating it ("Ben May 5"); a title
        may come first ("Senator Lara May")."""
        if len(toks) > 2 and not self.tflags(toks[-3]) & lx.TITLE:
            return False
        toks = toks[-2:]
        if len(toks) != 2 or not self.tflags(toks[0]) & lx.FIRST:
            return False
        if self.low(toks[1]) not in _MONTHS:
            return False  # "Florida Friday": a weekday dates the place
        if not self.tflags(toks[1]) & lx.SUR or self.tflags(toks[0]) & lx.STOP:
            return False
        return DIGIT_AHEAD.match(self.text, toks[1][1]) is None

    def _thing(self, tok: Tok) -> bool:
        """A plain noun no name list knows, ending a name: "Journalism", "Headlines"."""
        low = self.low(tok)
        if len(low) < 3 or not self.zipf.get(low, 0.0) >= _COMMON_NOUN:
            return False  # "Thomas D.": an initial
        return not self.tflags(tok) & lx.NAME_ANY

    def _everyday(self, tok: Tok) -> bool:
        """An everyday word that no name list knows ("Weather", "Garden")."""
        low = self.low(tok)
        return not self.flags.get(low, 0) & lx.NAME_ANY and self.zipf.get(low, 0.0) >= _EVERYDAY

    def _verb_before_name(self, toks: list[Tok]) -> bool:
        """The first word is a verb's form in -ed or -ing that no name list knows, and a given
        name follows it: the sentence opens with the verb (a name such as "United Jane" is
        none)."""
        word = self.low(toks[0])
        return (
            len(toks) > 2
            and len(word) > 5
            and word.endswith(("ed", "ing"))
            and not self.flags.get(word, 0) & lx.NAME_ANY
            and bool(self.tflags(toks[1]) & lx.FIRST)
        )

    def _titled(self, toks: list[Tok]) -> bool:
        """ "Senator Mary Banks", "Judge Tom Hall": a title, a given name and a surname that
        is also an organisation's head word name a person."""
        return (
            len(toks) > 2
            and bool(self.tflags(toks[0]) & lx.TITLE)
            and bool(self.tflags(toks[1]) & lx.FIRST)
            and bool(self.tflags(toks[-1]) & lx.SUR)
        )

    def _whole(self, toks: list[Tok], f: int) -> Mention | None:
        """The phrase as a gazetteer entry, or None."""
        if f & lx.ORG:
            return self.mention(toks, ORG)
        if f & lx.COUNTRY:
            m = self.mention(toks, LOC)
            m.country = m.place = True
            return m
        if f & (lx.MISC | lx.DEMONYM):
            return self.mention(toks, MISC)
        if f & lx.PLACE:
            weak = len(toks) == 1 and bool(f & (lx.FIRST | lx.SUR))
            m = self.mention(toks, LOC, weak=weak)
            m.place = True
            return m
        return None

    def _phrase(self, toks: list[Tok]) -> str:
        return self.text[toks[0][0] : toks[-1][1]].lower()

    def _all_compass(self, toks: list[Tok]) -> bool:
        return all(self.low(t) in _COMPASS for t in toks)

    def _all_known(self, toks: list[Tok]) -> bool:
        if self.flags.get(self._phrase(toks), 0) & _KNOWN:
            return True
        return all(self.tflags(t) & (_KNOWN | lx.TITLE_MOD) for t in toks)

    def _known_parts(self, toks: list[Tok]) -> list[Mention]:
        """Each token a known name or an acronym: label them one by one."""
        out: list[Mention] = []
        for tok in toks:
            m = self._whole([tok], self.tflags(tok))
            if m is None and self._is_acronym(tok):
                m = self.mention([tok], ORG, weak=True)
            if m is None:
                return []
            out.append(m)
        return out

    def _plural_thing(self, tok: Tok, f: int) -> bool:
        """A plural ("Falcons", "Cables") whose singular is an everyday word and that no name
        list holds as a name ("Rivers", "Banks" are surnames)."""
        word = self.text[tok[0] : tok[1]]
        if f & (lx.FIRST | lx.SUR) or not self._team_plural(tok) or not word[1:].islower():
            return False
        low = word.lower()
        return (
            self.zipf.get(low, 0.0) >= _WORD_PLURAL
            and self.zipf.get(low[:-1], 0.0) >= _EVERYDAY_SINGULAR
        )

    def _surname_plural(self, first_f: int, last_f: int, tok: Tok) -> bool:
        """ "Adrian Hughes", "Dallas Roberts": a given name (also a town's) and a surname in
        "s" that is no plural of a word ("Bears", "Bruins" are) but of nothing or of a
        given name name a person."""
        if not (first_f & lx.FIRST and last_f & lx.SUR):
            return False
        singular = self.text[tok[0] : tok[1] - 1].lower()
        return self.zipf.get(singular, 0.0) < _WORD_PLURAL or bool(
            self.flags.get(singular, 0) & lx.FIRST
        )

    def _name_pair(self, toks: list[Tok]) -> bool:
        """Two towns' names side by side that name lists also hold, a surname last: a person
        (two places are written with a comma between them)."""
        first, last = self.tflags(toks[0]), self.tflags(toks[1])
        both = first & last
        return (
            bool(not both & lx.COUNTRY and first & (lx.FIRST | lx.SUR) and last & lx.SUR)
            and self.low(toks[0]) + " " + self.low(toks[1]) not in self.flags
        )

    def _team_name(self, tok: Tok) -> bool:
        """ "played for the Otters", "dealt to the Herons": a plural noun less common than
        everyday words, capitalised after "the" with no "of" after it, names a team or a band.
        """
        return (
            self._team_plural(tok)
            and self.zipf.get(self.low(tok), 0.0) < _TEAM_ZIPF
            and not _OF_AFTER.match(self.text, tok[1])
        )

    def _team_plural(self, tok: Tok) -> bool:
        word = self.text[tok[0] : tok[1]]
        return len(word) > 3 and word[-1] == "s" and word[-2] != "s"  # (no "-ss" word)

    def _of_head(self, toks: list[Tok]) -> str | None:
        """Label of a phrase with an inner "of" by its head word ("Bank of ..." -> ORG)."""
        text = self.text
        for i in range(1, len(toks)):
            s, e = toks[i]
            if e - s > 3 or text[s] not in "oOfF":
                continue  # no "of", "for" or "on" in any case
            if text[s:e].lower() in ("of", "for", "on"):
                f = self.tflags(toks[i - 1])
                if f & (lx.OF_HEAD | lx.ORG_SUFFIX):
                    return ORG
                if f & lx.LOC_OF:
                    return LOC
                if f & (lx.MISC_OF | lx.MISC_HEAD):
                    return MISC
                return None
        return None

    def _opening_kept(self, toks: list[Tok]) -> bool:
        """Whether a segment whose everyday first word opens a sentence keeps that word: the
        callers test first that a lower-case word follows it or that it opens with N or O."""
        text = self.text
        if text[toks[1][0]].islower():
            if (
                len(toks) > 2
                and self.low(toks[1]) in _OF_JOINS
                and self.tflags(toks[0]) & _OF_HEADS
            ):
                return True  # "Bank of Ruritania said": the head opens the name
            # "Action on Debt's Jane Doe said": one body's name owns her
            return text.startswith(_OWNS, toks[-1][1]) and not self._word(toks[0]).endswith(
                ("ing", "ed")
            )
        # "New Acme had promised ...", as the text names it elsewhere mid-sentence
        return self._renamed(
            toks, self.tflags(toks[0]), self.tflags(toks[-1])
        ) and self._named_mid_sentence(toks)

    def _renamed(self, toks: list[Tok], first_f: int, last_f: int) -> bool:
        """ "New Acme", "Old Acme": a known organisation's name after "New" or "Old" names
        the body in one of its eras, no place ("New York" is known as a whole)."""
        return (
            len(toks) == 2
            and self.low(toks[0]) in _ERAS
            and bool(last_f & lx.ORG)
            and not last_f & lx.LOC_ANY
            and not self.flags.get(self._phrase(toks), 0)
        )

    def _named_mid_sentence(self, toks: list[Tok]) -> bool:
        """The phrase of ``toks`` stands elsewhere in the text after a lower-case word."""
        text, start = self.text, toks[0][0]
        phrase = text[start : toks[-1][1]]
        at = text.find(phrase)
        while at >= 0:
            if at != start and at > 1 and text[at - 1] == " " and text[at - 2].islower():
                return True
            at = text.find(phrase, at + 1)
        return False

    def _figure(self, toks: list[Tok]) -> bool:
        """ "the Mr Grumpy of cinema": "the", an honorific, a name and "of" make a type the
        text likens someone to, no person it names."""
        return (
            self.low(toks[0]) in _HONORIFICS
            and self.text.startswith(" of ", toks[-1][1])
            and previous_word(self.text, toks[0][0]) == "the"
        )

    def _split_title(self, toks: list[Tok]) -> list[Mention] | None:
        """Split "[who] [modifiers] title(s) Name" into its parts; None without a title."""
        n = len(toks)
        for t in range(n - 1):
            if self.tflags(toks[t]) & lx.TITLE:
                break
        else:
            return None
        k = t
        while k < n and self.tflags(toks[k]) & (lx.TITLE | lx.TITLE_MOD):
            k += 1
        if k >= n or self.low(toks[k]) in ("of", "the", "for", "and", "&"):
            return None
        if k == n - 1 and self._everyday(toks[k]) and self.low(toks[t]) not in _HONORIFICS:
            return self._label(toks[:t], False) if t else []  # "Miss Weather": no one named
        if t == 0 and any(
            self.tflags(tok) & _NAMED_HEADS and not self.tflags(tok) & lx.FIRST
            for tok in toks[k:-1]
        ):
            return None  # "Major Curling League": a title word opening an organisation
        m = t
        # "Democratic National Committee Chairman", "Clark County Sheriff": an organisation's
        # or a place's head word before the title ends that name; no modifier of the title.
        named_head = t and self.tflags(toks[t - 1]) & (lx.ORG_SUFFIX | lx.LOC_SUFFIX)
        if t > 1 and not named_head:  # "Lib Dem MP Jan Roe": a known name before the title
            named_head = self.flags.get(self.text[toks[0][0] : toks[t - 1][1]].lower(), 0) & (
                lx.ORG | lx.MISC
            )
        while m > 0 and self._modifier(toks[m - 1]) and not named_head:
            if self.tflags(toks[m - 1]) & lx.ORG and self.low(toks[t]) in _PARTY_TITLES:
                break  # "Labour MP Jan Roe": a party's member; no "Labour Minister" portfolio
            m -= 1
        out = self._label(toks[:m], False)
        for before in out:  # "Ellis Norvane Chairman Jan Roe": a person takes no title after
            if before.label == PER and before.end == toks[m - 1][1] and m > 1:
                before.label = ORG  # the name, so what is glued before it is its employer
                before.typable = before.guess = False
        named = toks[k:]  # "Miss Galaxy Jan Roe": a role word after the title is no name
        out.append(self.mention(named[self._role_words(named) if len(named) > 2 else 0 :], PER))
        return out

    def _role_words(self, toks: list[Tok]) -> int:
        """How many common words ("Coroner", "Tower Man") stand before a given name, or 0.

        Only when a given name follows and at least a surname-like word after it, and not
        inside a known name ("San Jose Harbour Area": "San" is no role word).
        """
        for k in range(1, len(toks) - 1 if len(toks) < 4 else 3):
            word = self.tflags(toks[k - 1])
            if word & lx.TITLE or self.zipf.get(self.low(toks[k - 1]), 0.0) < 3.0:
                return 0
            if word & lx.NAME_ANY and not self._common(toks[k - 1]):
                return 0  # "Staff" is a surname too, but far more often a word
            if self.tflags(toks[k]) & lx.FIRST and not self._common(toks[k]):
                return 0 if self._starts_known(toks) else k
        return 0

    def _modifier(self, tok: Tok) -> bool:
        """A word that may open a title: "Prime", "Foreign", "Privatisation" (not a name)."""
        f = self.tflags(tok)
        if f & lx.TITLE_MOD:
            return True
        return not f & (lx.NAME_ANY | lx.TITLE) and self.zipf.get(self.low(tok), 0.0) >= 2.5

    def _common(self, tok: Tok) -> bool:
        """A frequent English word ("house", "field") that is no given name."""
        low = self.low(tok)
        flags = self.flags.get(low, 0)
        if flags & lx.FIRST:
            return False
        if flags & lx.SUR:  # "Obama" is frequent too: only words far more common than any name
            return self.zipf.get(low, 0.0) >= _COMMON_SURNAME
        return self.zipf.get(low, 0.0) >= _COMMON_NOUN

    def _camel_case(self, word: str, flags: int) -> bool:
        """A brand-like word with an inner capital that no gazetteer knows as a name
        (``flags``: the word's own)."""
        if word[1:].islower():
            return False  # no inner capital (most words): no call of the pattern
        m = _CAMEL.match(word)
        if m is None or m.group(1).lower() in _NAME_PREFIXES:
            return False
        return not flags & (lx.FIRST | lx.SUR)

    def _resident(self, tok: Tok, inner: bool) -> bool:
        """A word naming where someone is from ("Ohioan", "Floridians"), or inside a name a
        nationality or party ("Republican"), which no given name or surname list knows."""
        low = self.low(tok)
        f = self.flags.get(low, 0)
        if f & (lx.FIRST | lx.SUR):
            return False
        if inner and f & lx.DEMONYM:
            return True
        return any(
            low.endswith(suffix)
            and len(low) > len(suffix) + 2
            and self.flags.get(low[: -len(suffix)] + ending, 0) & lx.LOC_ANY
            for suffix, ending in _RESIDENT_SUFFIXES
        )

    def _demonym_compound(self, word: str) -> bool:
        """Every part of the hyphenated word is a nationality ("Irish-American")."""
        flags = self.flags
        return all(
            flags.get(part, 0) & lx.DEMONYM or flags.get(part[:-1], 0) & lx.DEMONYM
            for part in word.lower().split("-")
        )

    def _info(self, word: str) -> tuple[str, int, int, float]:
        """(lower case, flags, flags as ``tflags`` gives them, zipf) of a word, cached."""
        info = self._words.get(word)
        if info is None:
            if len(self._words) >= _WORDS_CACHED:
                self._words.clear()
            low = word.lower()
            raw = self.flags.get(low, 0)
            f = lx.acronym_flags(word, raw) if raw and len(word) < 4 and word.isupper() else raw
            info = self._words[word] = (low, raw, f, self.zipf.get(low, 0.0))
        return info

    def _single(self, tok: Tok) -> Mention | None:
        """One capitalised word with no whole-phrase gazetteer entry."""
        word = self.text[tok[0] : tok[1]]
        return None if len(word) == 1 else self._single_word(tok, word, self._info(word))

    def _cricketer(self, tok: Tok) -> bool:
        """A scorecard's player: "c Doe b Roe 12", "lbw b Roe", bowling "Roe 10-1-41-2"."""
        text, s = self.text, tok[0]
        if (
            s > 1
            and text[s - 1] == " "
            and text[s - 2] in "bct&"
            and _CATCH_BOWL_BEFORE.search(text, (s - 6 if s > 6 else 0), s)
        ):
            return True
        e = tok[1]
        return (
            text[e + 1 : e + 2].isdecimal()
            and text[e] == " "
            and _BOWLING_AFTER.match(text, e) is not None
        )

    def _single_word(
        self, tok: Tok, word: str, info: tuple[str, int, int, float]
    ) -> Mention | None:
        """``_single`` given the token's text (of two characters or more) and lookups."""
        low, f, tf, z = info
        if low in _DIRECTIONS:
            return None
        acronym = word.isupper() and word.isalpha()  # ``_is_acronym``
        if (
            acronym
            and self.text[tok[0] - 1 : tok[0]] == "<"
            and self.text.startswith(">", tok[1])
            and _TICKER_BEFORE.search(self.text, tok[0] - 40 if tok[0] > 40 else 0, tok[0])
        ):
            return None  # "Acme Corp <ACM>": a stock ticker after the firm (not "its <ZSM> unit")
        if tf & lx.TITLE and not acronym:
            return None  # a lone "President" or "Sen" names no one
        if len(word) > 6 and low.endswith(_POLICY_ENDINGS):
            return self.mention([tok], MISC)  # "Zanecare", "Fizzgate": a policy or affair
        if acronym:
            return self.mention([tok], ORG, weak=True)
        if tf & _HEAD_ONLY == lx.ORG_SUFFIX and word[-1] == "s":
            return None  # "( Holdings )", "Partners": a firm's last word names no firm alone
        if "." in word and _DOMAIN.search(word) or self._camel_case(word, f):
            return self.mention([tok], ORG, weak=True)
        if "-" in word and _MODEL.match(word):
            return self.mention([tok], MISC)
        if "-" in word and all(self.flags.get(w, 0) & lx.STOP for w in low.split("-")):
            return None  # "January-June", "Mon-Fri": a span of dates names nothing
        if "-" in word and self._demonym_compound(word):
            return self.mention([tok], MISC)  # "African-Americans", "Mexican-American"
        # (every hit opens with a comma: most words go on otherwise, and skip the call)
        appos = APPOSITION.match(self.text, tok[1]) if comma_after(self.text, tok[1]) else None
        if appos and self.flags.get(appos.group(1).lower(), 0) & lx.LOC_ANY:
            m = self.mention([tok], LOC, weak=True)  # "Dunmore, Scotland"
            m.locative = True
            return m
        guess = single_by_context(self.text, tok[0], tok[1])
        if guess != LOC and self.text.endswith(" of ", 0, tok[0]) and self._person_of(tok[0]):
            m = self.mention([tok], ORG, weak=True)
            m.fixed = True  # the model, seeing "said" after it, would make it a person
            return m
        if guess == ORG and self._common(tok) and z >= 4.0 and not self._team_name(tok):
            return None  # "the Mayor", "the Battles of ...": a common noun given a capital
        if guess == LOC and z >= _COMMON_LOC and self._common(tok):
            return None  # "a career in Marketing": an everyday word given a capital
        if guess is not None:
            # "the news agency Zorbag": a class noun before it is no guess the typer overrules
            weak = guess != ORG or not class_noun_before(self.text, tok[0])
            m = self.mention([tok], guess, weak=weak)
            m.locative = guess == LOC
            return m
        if not f & lx.FIRST and z >= _COMMON_MID:
            if f & lx.SUR and z < _COMMON_SURNAME:
                m = self.mention([tok], PER, weak=True)  # "Cook", "Bond", once named in full
                m.guess = m.tentative = True
                return m
            return None  # a frequent English word capitalised for emphasis or in a heading
        if f & (lx.SUR | lx.FIRST):
            m = self.mention([tok], PER, weak=True)
            m.guess = True
            return m
        if low.endswith(("shire", "stan", "land", "burg", "ville", "grad")):
            m = self.mention([tok], LOC, weak=True)
            m.place = True
            return m
        m = self.mention([tok], ORG if self.sports and not self._cricketer(tok) else PER, weak=True)
        m.guess = True
        # No gazetteer, no context: kept only if used again or owning something ("Doe's").
        m.lone = not (
            self.sports
            or _POSSESSIVE_AFTER.match(self.text, tok[1])
            or self._reporter(word, tok[1])
        )
        return m
