"""Embedded named-entity recognizer: gazetteers and rules, pure Python, no model download.

``extract_entities(text)`` returns PERSON, ORG, LOC and MISC mentions sorted by start and
non-overlapping, with code-point offsets into ``text``. It works best on English news: it reads
capitalisation, titles, organisation heads and nationalities, handles all-caps headlines by
gazetteer lookup, and keeps the labels of a name consistent across one document.
"""

from __future__ import annotations

from dataclasses import fields

from tuireader.core.annotate.entities.document import analyse
from tuireader.core.annotate.entities.lexicon import load
from tuireader.core.annotate.spans import Entity

# ``Entity`` is a frozen dataclass: its __init__ sets each field by ``object.__setattr__``,
# which costs more than the rest of a mention's conversion. The slots' own setters store the
# same values (an instance equal to ``Entity(start, end, label, text)``) in half the time.
_NEW = Entity.__new__
_SET_START, _SET_END, _SET_LABEL, _SET_TEXT, _SET_NAME = (
    getattr(Entity, f.name).__set__ for f in fields(Entity)
)


def _entity(start: int, end: int, label: str, text: str) -> Entity:
    """``Entity(start, end, label, text)``, built without the frozen class's __init__."""
    entity = _NEW(Entity)
    _SET_START(entity, start)
    _SET_END(entity, end)
    _SET_LABEL(entity, label)
    _SET_TEXT(entity, text)
    _SET_NAME(entity, "")
    return entity


def extract_entities(text: str) -> list[Entity]:
    """Named entity mentions in ``text``, sorted by start, non-overlapping."""
    if not text:
        return []
    if "\xa0" not in text and "\u202f" not in text:
        # ``_entity`` unrolled: no Python call per mention
        out = []
        for m in analyse(text, load()):
            entity = _NEW(Entity)
            _SET_START(entity, m.start)
            _SET_END(entity, m.end)
            _SET_LABEL(entity, m.label)
            _SET_TEXT(entity, m.text)
            _SET_NAME(entity, "")
            out.append(entity)
        return out
    # Web pages put no-break spaces inside names ("Jane\xa0Doe"): read them as spaces (one
    # character for one, so offsets hold) and report each mention as the text writes it.
    plain = text.replace("\xa0", " ").replace("\u202f", " ")  # str.translate is slower
    return [_entity(m.start, m.end, m.label, text[m.start : m.end]) for m in analyse(plain, load())]


__all__ = ["extract_entities"]
