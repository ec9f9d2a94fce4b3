"""How an article's entities and quotations are kept in the metadata store: found once (by the
annotation pass, or the first time the article is opened), then read back instead of found
again. They are kept under a version naming the text annotated (its content hash), the entity
backend, the annotators and this encoding: any other version is stale (but an older encoding
is still read, see ``readable``).

The encoding is JSON arrays (no key names), deflated, of offsets into the article's full text
and the labels and names found: no text of the article, which the store keeps once
(``bodies``). Reading them back takes that text, and each span's text is its slice of it
(a span whose text is not its slice, which no annotator makes, keeps its own text).
"""

from __future__ import annotations

import json
import zlib

from tuireader.core.annotate.pipeline import ANNOTATOR_VERSION, Annotations
from tuireader.core.annotate.spans import Entity, Quote, Span

ENCODING = "a3"  # bump when encode() changes; a3: offsets only (a2 kept every span's text)
OLDER = ("a2",)  # encodings still read (an upgraded store's, until its rows are made again)
_LAYOUT = 3  # a3's first element: a2 had none


def version(digest: str, spec: str, encoding: str = ENCODING) -> str:
    """What kept annotations must match: the article's content hash as the store has it,
    the backend ("embedded" or "spacy:MODEL"), the annotators and the encoding."""
    return f"{digest}:{spec}:{ANNOTATOR_VERSION}:{encoding}"


def readable(kept: str, digest: str, spec: str) -> bool:
    """Whether annotations kept under the version ``kept`` are this text's, backend's and
    annotators' (in this encoding or an older one ``decode`` reads)."""
    return any(kept == version(digest, spec, e) for e in (ENCODING, *OLDER))


def _span(span: Span | None, text: str) -> list | None:
    if span is None:
        return None
    if text[span.start : span.end] == span.text:
        return [span.start, span.end]
    return [span.start, span.end, span.text]


def _unspan(data: list | None, text: str) -> Span | None:
    if data is None:
        return None
    start, end = int(data[0]), int(data[1])
    return Span(start, end, str(data[2]) if len(data) > 2 else text[start:end])


def encode(annotations: Annotations, text: str) -> bytes:
    """The annotations of ``text`` (the article's full text) as kept."""
    entities = []
    for e in annotations.entities:
        row: list = [e.start, e.end, e.label]
        name = e.name or e.text
        if e.text != text[e.start : e.end]:
            row += (name, e.text)
        elif name != e.text:  # the name is kept only when it differs from the mention
            row.append(name)
        entities.append(row)
    quotes = []
    for q in annotations.quotes:
        row = [q.start, q.end, _span(q.speaker, text), q.speaker_name, _span(q.cue, text)]
        row.append(q.direct)
        if q.text != text[q.start : q.end]:
            row.append(q.text)
        quotes.append(row)
    data = json.dumps([_LAYOUT, entities, quotes], ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(data.encode("utf-8", "surrogatepass"), 6)


def decode(data: bytes, text: str) -> Annotations | None:
    """Kept annotations of ``text``, or None when they cannot be read (then found again)."""
    try:
        found = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        if len(found) == 2:
            return _decode_a2(*found)
        layout, entities, quotes = found
        if layout != _LAYOUT:
            return None
        if any(int(row[1]) > len(text) for row in (*entities, *quotes)):
            return None  # not this text's
        return Annotations(
            [_entity(row, text) for row in entities],
            [
                Quote(
                    int(s),
                    int(e),
                    str(own[0]) if own else text[int(s) : int(e)],
                    _unspan(who, text),
                    name,
                    _unspan(cue, text),
                    bool(direct),
                )
                for s, e, who, name, cue, direct, *own in quotes
            ],
        )
    except (zlib.error, ValueError, TypeError, IndexError):
        return None


def _entity(row: list, text: str) -> Entity:
    start, end, label, *rest = row
    start, end = int(start), int(end)
    mention = str(rest[1]) if len(rest) > 1 else text[start:end]
    return Entity(start, end, str(label), mention, str(rest[0]) if rest else mention)


def _decode_a2(entities: list, quotes: list) -> Annotations:
    """The a2 encoding: every span with its text (which ``_unspan`` takes over a slice)."""
    return Annotations(
        [
            Entity(int(s), int(e), str(label), str(text), str(name[0]) if name else str(text))
            for s, e, label, text, *name in entities
        ],
        [
            Quote(int(s), int(e), str(text), _unspan(who, ""), name, _unspan(cue, ""), bool(direct))
            for s, e, text, who, name, cue, direct in quotes
        ],
    )
