"""The US states by their lower-cased names and the abbreviations of party tags ("R-Fla."):
the state a senator or governor stands for, a state that is no club's town."""

from __future__ import annotations

_NAMES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia wisconsin wyoming"
)
# name or abbreviation -> name
US_STATES: dict[str, str] = {name: name for name in _NAMES.split()} | {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "fla": "florida", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "ky": "kentucky", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "tenn": "tennessee", "tex": "texas", "vt": "vermont", "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip
