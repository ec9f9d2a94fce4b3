"""Index fields filled from an article's annotations: ``person:``, ``org:``, ``speaker:`` …

What each field holds (``mentions``) and the fingerprints of quotations shared between
articles; the engine's tokenizers index them (annotating each article once, ``cached_annotate``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading

from tuireader.core.annotate.pipeline import Annotations, EntityBackend, annotate

# Label(s) of the entities each field holds; "speaker" and "quote" come from quotations.
ENTITY_FIELDS = {
    "person": ("PERSON",),
    "org": ("ORG",),
    "place": ("LOC",),
    "entity": ("PERSON", "ORG", "LOC", "MISC"),
}
QUOTE_FIELDS = ("speaker", "quote")
ANNOTATION_FIELDS = (*ENTITY_FIELDS, *QUOTE_FIELDS)

WORD_RE = re.compile(r"\w+(?:[.'’]\w+)*")
# Positions left between two mentions, so that a phrase cannot match across them.
MENTION_GAP = 10
SHINGLE = 5
MIN_SHARED_WORDS = 6
SKETCH = 3  # fingerprints kept per quotation

_local = threading.local()
_backends: dict[str, EntityBackend] = {}


def backend_for(spec: str) -> EntityBackend | None:
    """The entity backend named by a spec ("embedded", or "spacy:MODEL"); None: the default."""
    if spec == "embedded":
        return None
    if spec not in _backends:
        kind, _, model = spec.partition(":")
        if kind != "spacy":
            raise ValueError(f"unknown entity backend: {spec}")
        from tuireader.core.annotate.spacy_backend import SpacyBackend

        _backends[spec] = SpacyBackend(model)
    return _backends[spec]


def cached_annotate(text: str, spec: str = "embedded") -> Annotations:
    """Annotate a text, reusing the result while the same text is asked for again.

    The fields of one article are tokenized one after the other with the same text.
    """
    last = getattr(_local, "last", None)
    if last is not None and last[1] == spec and (last[0] is text or last[0] == text):
        return last[2]
    annotations = annotate(text, backend_for(spec))
    _local.last = (text, spec, annotations)
    return annotations


def remember(text: str, spec: str, annotations: Annotations) -> None:
    """Have ``cached_annotate`` answer ``annotations`` for ``text`` (found elsewhere: by a
    worker process of the annotation pass)."""
    _local.last = (text, spec, annotations)


def mentions(annotations: Annotations, field: str) -> list[str]:
    """The mention texts one annotation field indexes."""
    if field in ENTITY_FIELDS:
        labels = ENTITY_FIELDS[field]
        # The canonical name: "person:Jane Doe" finds an article that says "Doe" after
        # naming her (see annotate.names).
        return [e.name or e.text for e in annotations.entities if e.label in labels]
    if field == "speaker":
        return [q.speaker_name for q in annotations.quotes if q.speaker_name]
    if field == "quote":
        return [q.text for q in annotations.quotes]
    raise ValueError(f"not an annotation field: {field}")


def all_mentions(annotations: Annotations) -> dict[str, list[str]]:
    """``mentions`` of every annotation field, in ANNOTATION_FIELDS order: the entities and
    quotations gone through once, not once a field."""
    found: dict[str, list[str]] = {name: [] for name in ANNOTATION_FIELDS}
    into = {label: [found[f] for f in _FIELDS_OF[label]] for label in _FIELDS_OF}
    for e in annotations.entities:
        lists = into.get(e.label)
        if lists:
            name = e.name or e.text
            for names in lists:
                names.append(name)
    found["speaker"] = [q.speaker_name for q in annotations.quotes if q.speaker_name]
    found["quote"] = [q.text for q in annotations.quotes]
    return found


# Each entity label and the fields that index it ("PERSON": person, entity).
_FIELDS_OF: dict[str, tuple[str, ...]] = {
    label: tuple(f for f, labels in ENTITY_FIELDS.items() if label in labels)
    for labels in ENTITY_FIELDS.values()
    for label in labels
}


# -- quotations shared between articles -----------------------------------------------------


def quote_words(text: str) -> list[str]:
    """A quotation's words, normalised (case, accents, punctuation and quote marks dropped)."""
    return list(_quote_words(text))


@functools.lru_cache(maxsize=1024)
def _quote_words(text: str) -> tuple[str, ...]:
    """``quote_words``, kept for the last quotations: the annotation pass asks for each one's
    words twice (its fingerprints in the index, the words hash of its quotation row)."""
    folded = text.translate(_FOLD)  # one character for one: the same words are found
    if folded.isascii():  # ASCII lower case is one letter for one too: lower it all at once
        return tuple(WORD_RE.findall(folded.lower()))
    return tuple(w.lower() for w in WORD_RE.findall(folded))


_FOLD = str.maketrans({"’": "'"})


def quote_fingerprints(text: str) -> list[str]:
    """A small sketch of the quotation: the lowest hashes of its overlapping word runs.

    Copies with small edits keep most of their runs, so most of the lowest hashes stay the
    same; a handful of terms per quotation keeps the index small (every distinct term costs
    the index a posting list). Quotations too short to be distinctive have none.
    """
    words = quote_words(text)
    if len(words) < MIN_SHARED_WORDS:
        return []
    runs = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    blake2b = hashlib.blake2b
    # the digests sort as their hex spellings do: only the lowest are spelled out
    digests = sorted([blake2b(r.encode(), digest_size=6).digest() for r in runs])
    return [d.hex() for d in digests[:SKETCH]]
