"""The gazetteers, merged into one lower-cased word/phrase -> flag-bits table.

One dict lookup per token tells everything the rules need (first name? place? org head? ...),
which is what keeps the recognizer fast. Files are read once, on first use.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

FIRST = 1 << 0  # a given name
SUR = 1 << 1  # a surname
PLACE = 1 << 2  # city, region, feature
COUNTRY = 1 << 3  # country or continent: national teams stay LOC in sports reports
DEMONYM = 1 << 4  # nationality, people, religion, language (MISC)
ORG = 1 << 5  # a known organisation
MISC = 1 << 6  # a known event or other MISC name
TITLE = 1 << 7  # an honorific or office ("Sen.", "President")
TITLE_MOD = 1 << 8  # a word that opens a title ("Prime", "Foreign")
ORG_SUFFIX = 1 << 9  # last word of an organisation ("Corp", "Foundation")
OF_HEAD = 1 << 10  # takes an "of" complement inside an organisation name ("Department of")
MISC_HEAD = 1 << 11  # last word of an event ("Cup", "Open")
STOP = 1 << 12  # capitalised but never a name on its own ("Monday", "I")
SPORT = 1 << 13  # headline keyword of a sports report
LOC_OF = 1 << 14  # place head with an "of" complement ("Gulf of", "Isle of")
MISC_OF = 1 << 15  # event head with an "of" complement ("Battle of")
LOC_SUFFIX = 1 << 16  # last word of a place name ("Square", "Bridge")
POSTAL = 1 << 17  # a US state's postal code ("VT"): a place even in capitals

LOC_ANY = PLACE | COUNTRY
_ACRONYM_NOT = PLACE | FIRST | SUR
NAME_ANY = FIRST | SUR | PLACE | COUNTRY | DEMONYM | ORG | MISC


@dataclass
class Lexicon:
    """Flag bits and English word frequencies (Zipf scale), keyed by lower-cased text."""

    flags: dict[str, int] = field(default_factory=dict)
    zipf: dict[str, float] = field(default_factory=dict)
    max_phrase: int = 1
    # word as written -> (lower case, flags, flags as an acronym reads them, Zipf): filled by
    # the segment labeller, shared by every document (a function of the word and the lexicon)
    words: dict[str, tuple[str, int, int, float]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # the first word of every entry of two words or more: a phrase whose first word is none
    # of these has no entry (its look-ups can be skipped)
    firsts: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(self, entry: str, bit: int) -> None:
        entry = " ".join(entry.lower().split())
        if entry:
            self.flags[entry] = self.flags.get(entry, 0) | bit
            self.max_phrase = max(self.max_phrase, entry.count(" ") + 1)
            if " " in entry:
                self.firsts.add(entry.split(" ", 1)[0])


def acronym_flags(word: str, f: int) -> int:
    """ "FEC", "NEA": two or three capitals in running text are an acronym, not the small town
    or the given name the gazetteers spell alike (a country, "UK", "USA", stays one)."""
    if f & _ACRONYM_NOT and 1 < len(word) < 4 and word.isupper() and not f & (COUNTRY | POSTAL):
        return f & ~_ACRONYM_NOT if word.isalpha() else f
    return f


def _lines(name: str) -> list[str]:
    """Non-comment lines of a data file, gzip or plain."""
    path = DATA / name
    raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    lines = raw.decode("utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    """Split a hand-written list into its ``[section]`` parts ("" before any header)."""
    out: dict[str, list[str]] = {"": []}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out[current].append(line)
    return out


def _plurals(words: list[str]) -> list[str]:
    """Demonyms name peoples too: "Russian" -> "Russians" (not "Chinese", "Swiss")."""
    return [w + "s" for w in words if not w.endswith(("s", "ese"))]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Build the lexicon from the data files (once per process)."""
    lex = Lexicon()
    for name, bit in (
        ("first_names.txt.gz", FIRST),
        ("surnames.txt.gz", SUR),
        ("places.txt.gz", PLACE),
        ("countries.txt.gz", COUNTRY),
        ("orgs.txt", ORG),
        ("misc_names.txt", MISC),
        ("misc_heads.txt", MISC_HEAD),
        ("stop_caps.txt", STOP),
        ("sports.txt", SPORT),
    ):
        for entry in _lines(name):
            lex.add(entry, bit)
    demonyms = _lines("demonyms.txt.gz") + _lines("demonyms.txt")
    for entry in demonyms + _plurals(demonyms):
        lex.add(entry, DEMONYM)
    titles = _sections("titles.txt")
    for entry in titles["titles"]:
        lex.add(entry, TITLE)
    for entry in titles["modifiers"]:
        lex.add(entry, TITLE_MOD)
    heads = _sections("org_heads.txt")
    for entry in heads["suffix"]:
        lex.add(entry, ORG_SUFFIX)
    for entry in heads["of"]:
        lex.add(entry, OF_HEAD)
    for entry in heads["loc_of"]:
        lex.add(entry, LOC_OF)
    for entry in heads["misc_of"]:
        lex.add(entry, MISC_OF)
    regions = _sections("regions.txt")
    for entry in regions["places"]:
        lex.add(entry, PLACE)
    for entry in regions["countries"]:
        lex.add(entry, COUNTRY)
    for entry in regions["loc_suffix"]:
        lex.add(entry, LOC_SUFFIX)
    for entry in regions["abbreviations"]:
        lex.add(entry, PLACE)
    for entry in regions["postal"]:
        lex.add(entry, PLACE | POSTAL)
    for line in _lines("common_words.txt.gz"):
        word, _, value = line.partition("\t")
        lex.zipf[word] = float(value)
    return lex
