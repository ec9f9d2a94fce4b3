"""The one place an entity's canonical name is taken from.

Until the annotators give canonical names themselves (``Entity.name``, quote
``speaker_name``), the name is the mention's text, normalised: spacing collapsed, a
possessive and a leading "the" dropped. The merger switches ``canonical_name`` to the
annotators' name in one line.
"""

from __future__ import annotations

import re

from tuireader.core.annotate.spans import Entity

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = " \t\n\"'“”‘’,;:()[]"  # not ".": "U.S." and "Inc." keep theirs


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
    return normalise(entity.text)


def speaker_name(name: str | None, mention: str | None) -> str:
    """A quotation's speaker as a name ("" when it has none)."""
    return normalise(name or mention or "")
