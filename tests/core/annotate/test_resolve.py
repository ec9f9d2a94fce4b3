"""The name resolver's surname completion, against the plain count over all mentions."""

from __future__ import annotations

from collections import Counter

from tuireader.core.annotate.quotes.resolve import NameResolver
from tuireader.core.annotate.spans import Entity

from .helpers import persons

TEXT = (
    "Bill Doe met Hillary Doe and Hillary Doe. Later Jane Roe spoke. Doe said no. "
    "Bill Doe left, and Doe and Roe stayed."
)


def _persons(*names: str) -> list[Entity]:
    return persons(TEXT, *names)


def _plain(resolver: NameResolver, name: str, before: int) -> str:
    if " " in name or not name:
        return name
    counts = Counter(
        m.name
        for m in resolver.mentions
        if m.start < before and m.label == "PERSON" and m.name.endswith(" " + name)
    )
    ranked = counts.most_common(2)
    if len(ranked) == 1 or (ranked and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return name


def test_complete_counts_the_fuller_names_before() -> None:
    entities = _persons("Bill Doe", "Hillary Doe", "Hillary Doe", "Jane Roe", "Doe", "Bill Doe")
    resolver = NameResolver(TEXT, entities, [])
    for name in ("Doe", "Roe", "Smith", "", "Bill Doe"):
        for before in range(0, len(TEXT) + 1, 3):
            assert resolver._complete(name, before) == _plain(resolver, name, before)
    assert resolver._complete("Doe", TEXT.index("Doe said")) == "Hillary Doe"
    assert resolver._complete("Roe", len(TEXT)) == "Jane Roe"
