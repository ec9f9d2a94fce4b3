"""Given names: the lexicon's given-name test, and common English nicknames with the given
names they shorten ("Ken Doe" and "Kenneth Doe" are one person)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _given_flags() -> tuple[dict[str, int], int]:
    """The gazetteer's flags and its given-name bit, imported once (an import statement run
    per call cost more than the lookup)."""
    from tuireader.core.annotate.entities.lexicon import FIRST, load

    return load().flags, FIRST


def is_given_name(word: str) -> bool:
    """True for a known given name ("jane"), not a headline word ("understated")."""
    flags, first = _given_flags()
    return bool(flags.get(word.lower(), 0) & first)


# Common English nicknames and short forms of given names -> the given names they shorten
# (general knowledge): "Ken Doe" and "Kenneth Doe" in one article are one person.
_NICKNAMES = {
    "william": "bill billy will willie",
    "robert": "bob bobby rob robbie",
    "richard": "dick rick ricky rich richie",
    "michael": "mike mikey mick",
    "kenneth": "ken kenny",
    "james": "jim jimmy jamie",
    "john": "jack johnny",
    "joseph": "joe joey",
    "thomas": "tom tommy",
    "charles": "charlie chuck",
    "edward": "ed eddie ted ned",
    "theodore": "ted teddy theo",
    "christopher": "chris",
    "christine": "chris chrissy",
    "christina": "chris tina",
    "daniel": "dan danny",
    "david": "dave davey",
    "donald": "don donny",
    "douglas": "doug",
    "elizabeth": "liz beth betsy betty lizzie",
    "katherine": "kate katie kathy kat",
    "catherine": "cate cathy kate katie",
    "kathleen": "kathy kate katie",
    "margaret": "maggie meg peggy",
    "patricia": "pat patty trish tricia",
    "patrick": "pat",
    "peter": "pete",
    "samuel": "sam sammy",
    "samantha": "sam",
    "stephen": "steve",
    "steven": "steve",
    "susan": "sue susie",
    "anthony": "tony",
    "andrew": "andy drew",
    "alexander": "alex",
    "alexandra": "alex sandy",
    "benjamin": "ben benny",
    "gerald": "jerry",
    "gregory": "greg",
    "jeffrey": "jeff",
    "jennifer": "jen jenny",
    "jonathan": "jon",
    "joshua": "josh",
    "lawrence": "larry",
    "laurence": "larry",
    "leonard": "len lenny",
    "matthew": "matt",
    "nicholas": "nick",
    "philip": "phil",
    "phillip": "phil",
    "raymond": "ray",
    "ronald": "ron ronnie",
    "sandra": "sandy",
    "timothy": "tim",
    "walter": "walt",
    "zachary": "zach",
    "frederick": "fred freddy",
    "albert": "al",
    "alfred": "al",
    "harold": "hal",
    "henry": "hank",
    "abraham": "abe",
    "nathaniel": "nate",
    "vincent": "vince",
    "victoria": "vicky",
    "rebecca": "becky",
    "deborah": "debbie deb",
    "barbara": "barb",
    "judith": "judy",
    "pamela": "pam",
    "cynthia": "cindy",
    "jacqueline": "jackie",
    "eugene": "gene",
    "gabriel": "gabe",
    "mitchell": "mitch",
    "randall": "randy",
    "bernard": "bernie",
    "herbert": "herb",
    "louis": "lou",
    "kimberly": "kim",
    "rodney": "rod",
    "jacob": "jake",
    "francis": "frank",
    "franklin": "frank",
    "frances": "fran",
}


_FORMAL: dict[str, frozenset[str]] = {}


for _formal, _short in _NICKNAMES.items():
    for _nick in _short.split():
        _FORMAL[_nick] = _FORMAL.get(_nick, frozenset()) | {_formal}
