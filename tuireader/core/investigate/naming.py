"""The one place the corpus views take an entity's or a speaker's name from.

The annotators give canonical names (``Entity.name``, quote ``speaker_name``: see
``annotate.names``); the mention's text, normalised, stands in for an entity without one.
"""

from __future__ import annotations

import functools
import re

from tuireader.core.annotate.spans import Entity

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = " \t\n\"'“”‘’,;:()[]"  # not ".": "U.S." and "Inc." keep theirs


@functools.lru_cache(maxsize=4096)  # an article names the same few people again and again
def normalise(text: str) -> str:
    """A mention's text as a name: one space between words, no possessive, no leading "the",
    no quote marks, brackets or commas at its ends (full stops stay: "U.S.")."""
    name = " ".join(text.split()).strip(_EDGE)
    name = _POSSESSIVE.sub("", name).strip(_EDGE)
    if name[:4].lower() == "the ":
        name = name[4:]
    return name


def canonical_name(entity: Entity) -> str:
    """The entity's canonical name (see the module docstring)."""
    return normalise(entity.name or entity.text)


def speaker_name(name: str | None) -> str:
    """A quotation's speaker as a name ("" when the text names no one, as in "the source
    said": such a quotation is nobody's in the corpus views)."""
    return normalise(name or "")
