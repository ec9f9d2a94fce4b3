"""How an article's entities and quotations are kept in the metadata store: found once (by the
annotation pass, or the first time the article is opened), then read back instead of found
again. They are kept under a version naming the text annotated (its content hash), the entity
backend and the annotators: any other version is stale."""

from __future__ import annotations

import json
import zlib

from tuireader.core.annotate.pipeline import ANNOTATOR_VERSION, Annotations


def version(digest: str, spec: str) -> str:
    """What kept annotations must match: the article's content hash as the store has it,
    the backend ("embedded" or "spacy:MODEL") and the annotators."""
    return f"{digest}:{spec}:{ANNOTATOR_VERSION}"


def encode(annotations: Annotations) -> bytes:
    return zlib.compress(json.dumps(annotations.to_dict(), ensure_ascii=False).encode(), 1)


def decode(data: bytes) -> Annotations | None:
    """Kept annotations, or None when they cannot be read (then found again)."""
    try:
        return Annotations.from_dict(json.loads(zlib.decompress(data)))
    except (zlib.error, ValueError, KeyError, TypeError):
        return None
