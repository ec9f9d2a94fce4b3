"""Spans found in an article's text: named entities and quotations.

Offsets are Python code-point indices into the text that was analysed, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_LABELS = ("PERSON", "ORG", "LOC", "MISC", "DATE", "MONEY")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    def __reduce__(self) -> tuple:
        # pickled as constructor arguments: the annotation pass's worker processes send
        # every span to the pass, and a frozen dataclass's default pickles each field by name
        return Span, (self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention with its label (one of ENTITY_LABELS) and canonical name.

    ``name`` is the one name the article's mentions of the same person, organisation or
    place share ("Sen. Jane Doe's", "Doe" -> "Jane Doe", see ``annotate.names``); empty until
    the pipeline fills it, and then ``text`` stands in for it.
    """

    start: int
    end: int
    label: str
    text: str
    name: str = ""

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "name": self.name or self.text,
        }

    def __reduce__(self) -> tuple:
        return Entity, (self.start, self.end, self.label, self.text, self.name)


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, its speaker mention, the resolved speaker name and the speech cue.

    ``start``/``end`` cover the quotation including its quotation marks.
    """

    start: int
    end: int
    text: str
    speaker: Span | None = None
    speaker_name: str | None = None
    cue: Span | None = None
    direct: bool = True

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "cue": self.cue.to_dict() if self.cue else None,
            "direct": self.direct,
        }

    def __reduce__(self) -> tuple:
        fields = (self.start, self.end, self.text, self.speaker, self.speaker_name, self.cue)
        return Quote, (*fields, self.direct)


class BackendError(Exception):
    """An entity backend that cannot be used; the message says why, in one line."""
