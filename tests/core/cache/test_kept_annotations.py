"""Annotations kept in the store: read back exactly as found; anything unreadable is None."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import ANNOTATOR_VERSION, annotate
from tuireader.core.cache.kept_annotations import decode, encode, version

TEXT = (
    "Talks in Berlin\n\n"
    '"We will not accept any interference in our elections," Dmitry Peskov said in Moscow. '
    "Angela Merkel said the talks with Vladimir Putin went on. Bytes: \udcff."
)


def test_kept_annotations_read_back_as_found():
    found = annotate(TEXT)
    assert found.entities and found.quotes and found.quotes[0].speaker is not None
    assert decode(encode(found)) == found


def test_damaged_or_foreign_data_reads_as_none():
    kept = encode(annotate(TEXT))
    assert decode(kept[:-4]) is None
    assert decode(b"not zlib") is None
    import json
    import zlib

    assert decode(zlib.compress(json.dumps({"entities": []}).encode())) is None


def test_the_version_names_text_backend_and_annotators():
    assert version("abc", "embedded") != version("abd", "embedded")
    assert version("abc", "embedded") != version("abc", "spacy:en_core_web_sm")
    assert ANNOTATOR_VERSION in version("abc", "embedded")


def test_canonical_names_are_kept():
    found = annotate("Senator Marla Venkley spoke on Monday. Venkley left early.")
    names = {e.text: e.name for e in decode(encode(found)).entities}
    assert names.get("Venkley") == "Marla Venkley"
