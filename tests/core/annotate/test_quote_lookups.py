"""The per-text entity lookups of extract_quotes answer as the plain scans over the list do."""

from __future__ import annotations

import random

from tuireader.core.annotate.quotes import _Entities
from tuireader.core.annotate.spans import Entity


def _holding(entities: list[Entity], end: int) -> Entity | None:
    return next((e for e in entities if e.label == "PERSON" and e.start < end <= e.end), None)


def _after(entities: list[Entity], end: int) -> Entity | None:
    return next((e for e in entities if e.label == "PERSON" and e.start >= end), None)


def _random_entities(rnd: random.Random, ordered: bool) -> list[Entity]:
    found = []
    for _ in range(rnd.randrange(12)):
        start = rnd.randrange(60)
        end = start + rnd.randrange(1, 15)
        found.append(Entity(start, end, rnd.choice(("PERSON", "ORG", "LOC")), "Quillon"))
    return sorted(found, key=lambda e: (e.start, e.end)) if ordered else found


def test_lookups_match_the_plain_scans_sorted_or_not():
    rnd = random.Random(7)
    for trial in range(400):
        entities = _random_entities(rnd, ordered=trial % 2 == 0)
        lookups = _Entities(entities)
        for end in range(80):
            assert lookups.person_holding(end) is _holding(entities, end)
            assert lookups.person_after(end) is _after(entities, end)


def test_places_are_the_loc_spans():
    entities = [Entity(0, 6, "LOC", "Jonsby"), Entity(10, 22, "ORG", "Harbor Trust")]
    assert _Entities(entities).places == {(0, 6)}
