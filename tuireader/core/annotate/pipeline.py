"""Annotating an article: named entities, then quotations attributed with their help.

One entry point, ``annotate``, serves the index (fields such as ``person:``), the reading pane
(highlighting) and ``tuireader annotate``. The entity backend is pluggable: the embedded
recognizer by default, or a spaCy pipeline when configured and installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tuireader.core.annotate.spans import BackendError, Entity, Quote

if TYPE_CHECKING:
    from tuireader.core.user.config import Config

# Bump when the embedded extractors change what they find: indexes are re-annotated.
ANNOTATOR_VERSION = "24"


class EntityBackend(Protocol):
    """Something that finds named entities in a text."""

    name: str  # identifies the backend (and model) in index versions

    def extract(self, text: str) -> list[Entity]: ...


class EmbeddedBackend:
    """The pure-Python recognizer shipped with tuireader."""

    name = f"embedded-{ANNOTATOR_VERSION}"

    def extract(self, text: str) -> list[Entity]:
        from tuireader.core.annotate.entities import (
            extract_entities,  # loaded on first use (slow to load)
        )

        return extract_entities(text)


@dataclass(frozen=True, slots=True)
class Annotations:
    """Entities and quotations of one text, offsets into that text."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    def __reduce__(self) -> tuple:
        return Annotations, (self.entities, self.quotes)  # see Span.__reduce__


_DEFAULT_BACKEND = EmbeddedBackend()


def load_backend(config: Config | None = None) -> tuple[EntityBackend, str | None]:
    """The entity backend the config asks for, and a warning when it had to fall back.

    ``entities_backend = "spacy"`` loads ``entities_model`` with spaCy. When spaCy or the model
    cannot be loaded, the embedded recognizer is returned with one message saying why. Never
    raises.
    """
    kind = getattr(config, "entities_backend", "embedded") or "embedded"
    if kind == "embedded":
        return _DEFAULT_BACKEND, None
    fallback = "using the embedded entity recognizer"
    if kind != "spacy":
        return _DEFAULT_BACKEND, f"unknown entity backend {kind!r}; {fallback}"
    model = getattr(config, "entities_model", "") or ""
    try:
        from tuireader.core.annotate.spacy_backend import SpacyBackend

        return SpacyBackend(model), None
    except BackendError as exc:
        return _DEFAULT_BACKEND, f"{exc}; {fallback}"
    except Exception as exc:  # a broken spaCy install must not stop the caller
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        return _DEFAULT_BACKEND, f"cannot use spaCy ({reason}); {fallback}"


def backend_spec(backend: EntityBackend | None) -> str:
    """How the index names a backend: "embedded" or "spacy:MODEL" (see annotation_fields)."""
    model = getattr(backend, "model", None)
    if backend is None or backend is _DEFAULT_BACKEND or model is None:
        return "embedded"
    return f"spacy:{model}"


def annotate(text: str, backend: EntityBackend | None = None) -> Annotations:
    """Entities and attributed quotations in ``text``."""
    if not text:
        return Annotations()
    from tuireader.core.annotate.names import canonical_entities
    from tuireader.core.annotate.quotes import (
        extract_quotes,  # compiling its patterns is slow: on first use
    )

    entities, canon = canonical_entities(text, (backend or _DEFAULT_BACKEND).extract(text))
    quotes = extract_quotes(text, entities, canon=canon)
    return Annotations(entities, quotes)


def shift(annotations: Annotations, offset: int, length: int) -> Annotations:
    """The annotations that fall inside ``[offset, offset + length)``, re-based to 0.

    Used to show annotations of an article's full text on its body alone.
    """
    end = offset + length

    def inside(start: int, stop: int) -> bool:
        return start >= offset and stop <= end

    entities: Sequence[Entity] = [
        Entity(e.start - offset, e.end - offset, e.label, e.text, e.name)
        for e in annotations.entities
        if inside(e.start, e.end)
    ]
    quotes = [_shift_quote(q, offset) for q in annotations.quotes if inside(q.start, q.end)]
    return Annotations(list(entities), quotes)


def _shift_quote(quote: Quote, offset: int) -> Quote:
    from tuireader.core.annotate.spans import Span

    def moved(span: Span | None) -> Span | None:
        if span is None or span.start < offset:
            return None
        return Span(span.start - offset, span.end - offset, span.text)

    return Quote(
        quote.start - offset,
        quote.end - offset,
        quote.text,
        moved(quote.speaker),
        quote.speaker_name,
        moved(quote.cue),
        quote.direct,
    )
