"""Word lists and lexicon look-ups the naming rules share: titles, words that end a name,
headline words, organisation and function words."""

from __future__ import annotations

import re


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
    assistant counsel principal advocate committeeman committeewoman mp msp mep mla
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


# Title-case headline words that end a run before or after a name ("Roe Is Over Jane Doe On").
_HEADLINE_WORDS = _words(
    "on in at with to for by from over is are was says said tells told slams sides took takes"
)


_ACRONYM_SKIP = _words("of the and for on in at de & to")


_COURTESY = _words("mr mrs ms miss dr")


# Words that describe a person by party or job before the name ("Tory Jane Doe", "Boss Tom
# Roe", "striker Tom Roe"): no part of it, though some are given names or surnames too.
_DESCRIBING = _words(
    """tory tories labour conservative liberal democrat republican gop snp ukip green
    boss coach manager skipper striker midfielder defender winger goalkeeper keeper"""
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


_FURNITURE = _words(
    """facebook twitter email e-mail share tweet pinterest linkedin whatsapp reddit print
    image images photo photos video play watch getty advertisement comments comment
    related read more subscribe click here updated posted caption copyright"""
)


# Page furniture that is also a firm speaking for itself ("Twitter said in a statement").
PLATFORMS = _words("facebook twitter linkedin pinterest reddit whatsapp")


_FUNCTION = _words(
    """additionally also well shortly however meanwhile moreover furthermore instead indeed
    still yet now then so but and or nor if when while after before as because since though
    although me let us him her them it its this that these those there here what who which
    where why how yes no okay ok oh hey please thanks today yesterday tomorrow tonight
    monday tuesday wednesday thursday friday saturday sunday the a an one some"""
)


# Conjunctions and sentence adverbs that start a clause: capitalised inside a speaker's
# words they mark a sentence break the splitter missed ("the U.S. While Doe said"). Not
# "As", which also is a name's particle ("Ali As Sayed").
_CLAUSE_WORDS = _words(
    """while when but and or nor if because although though after before since until unless
    whereas however meanwhile so yet then once where whether also"""
)
# Of those, the ones no name starts with either, written as a sentence's first word.
_CLAUSE_OPENERS = frozenset(
    w.capitalize()
    for w in _words(
        """while when but if because although though whereas however meanwhile then later
        earlier afterwards afterward separately additionally previously finally instead
        yesterday today"""
    )
)


# Words no name starts or ends with: a headline's or a sentence's fragment ("To Act To").
_PREPOSITIONS = _words("to of in on at by with from for into onto over about")


_QUOTES = "\"'\u201c\u201d\u2018\u2019"


_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019,;:.!?-\u2014\u2013()[]"


_INITIAL_RE = re.compile(r"^(?:[A-Z]\.){1,2}$|^[A-Z]$")


def org_head(word: str) -> bool:
    """The last word of an organisation's name ("Church", "Corp"): no person ends there."""
    from tuireader.core.annotate.entities.lexicon import ORG_SUFFIX, load

    return bool(load().flags.get(word.lower(), 0) & ORG_SUFFIX)


def place_or_people(word: str) -> bool:
    """A place, country or people's name ("Ohio", "Ruritanian", "Republican")."""
    from tuireader.core.annotate.entities.lexicon import COUNTRY, DEMONYM, PLACE, load

    return bool(load().flags.get(word.lower(), 0) & (PLACE | COUNTRY | DEMONYM))


def people_word(word: str) -> bool:
    """One of a people ("Texan", "Briton"), not a place: "the Texan said" describes a person."""
    from tuireader.core.annotate.entities.lexicon import COUNTRY, DEMONYM, PLACE, load

    flags = load().flags.get(word.lower(), 0)
    return bool(flags & DEMONYM) and not flags & (PLACE | COUNTRY)


# A company's legal form: a word added before it names another company (its arm).
_LEGAL_FORMS = _words("co corp inc ltd llc plc lp ag sa gmbh group holdings")


# Words that, added inside a body's name, make another body ("University of North Dover").
_ANOTHER_BODY = _words(
    """north south east west northern southern eastern western central upper lower new
    state national international federal"""
)
