"""Annotations kept in the store: read back exactly as found, with the texts of their spans
taken from the article's text (not kept twice); the older encoding still read; anything
unreadable is None."""

from __future__ import annotations

from tuireader.core.annotate.pipeline import ANNOTATOR_VERSION, annotate
from tuireader.core.cache.kept_annotations import decode, encode, readable, version

TEXT = (
    "Talks in Berlin\n\n"
    '"We will not accept any interference in our elections," Dmitry Peskov said in Moscow. '
    "Angela Merkel said the talks with Vladimir Putin went on. Bytes: \udcff."
)


def test_kept_annotations_read_back_as_found():
    found = annotate(TEXT)
    assert found.entities and found.quotes and found.quotes[0].speaker is not None
    assert decode(encode(found, TEXT), TEXT) == found


def test_damaged_or_foreign_data_reads_as_none():
    kept = encode(annotate(TEXT), TEXT)
    assert decode(kept[:-4], TEXT) is None
    assert decode(b"not zlib", TEXT) is None
    assert decode(kept, TEXT[:20]) is None  # offsets past the end: another text
    import json
    import zlib

    assert decode(zlib.compress(json.dumps({"entities": []}).encode()), TEXT) is None


def test_the_version_names_text_backend_and_annotators():
    assert version("abc", "embedded") != version("abd", "embedded")
    assert version("abc", "embedded") != version("abc", "spacy:en_core_web_sm")
    assert ANNOTATOR_VERSION in version("abc", "embedded")


def test_canonical_names_are_kept():
    text = "Senator Marla Venkley spoke on Monday. Venkley left early."
    found = annotate(text)
    names = {e.text: e.name for e in decode(encode(found, text), text).entities}
    assert names.get("Venkley") == "Marla Venkley"


SAID = (
    "Harbour vote\n\n"
    '"The pier stays open all winter," Corla Branvick told the council on Tuesday. '
    "Branvick said the ferry would run twice a day."
)


def test_no_text_of_the_article_is_kept_twice():
    import zlib

    found = annotate(SAID)
    assert found.quotes and found.quotes[0].speaker is not None
    kept = zlib.decompress(encode(found, SAID)).decode()
    assert "pier stays open" not in kept and "told" not in kept
    assert kept.count("Corla Branvick") == 3  # names resolved, not mentions: 1 entity, 2 quotes
    back = decode(encode(found, SAID), SAID)
    assert back == found
    assert back.quotes[0].text.strip('"').startswith("The pier stays open all winter")
    assert back.quotes[0].speaker.text == "Corla Branvick"


def test_a_span_whose_text_is_not_its_slice_keeps_its_text():
    from tuireader.core.annotate.pipeline import Annotations
    from tuireader.core.annotate.spans import Entity, Quote, Span

    odd = Annotations(
        [Entity(0, 7, "LOC", "Harbor", "Harbor")],
        [Quote(14, 47, "pier", Span(49, 63, "C. Branvick"), "Corla Branvick", None, True)],
    )
    assert decode(encode(odd, SAID), SAID) == odd


def test_the_older_encoding_is_still_read():
    import json
    import zlib

    found = annotate(SAID)
    entities = [
        [e.start, e.end, e.label, e.text, *([e.name] if e.name != e.text else [])]
        for e in found.entities
    ]
    quotes = [
        [
            q.start,
            q.end,
            q.text,
            q.speaker and [q.speaker.start, q.speaker.end, q.speaker.text],
            q.speaker_name,
            q.cue and [q.cue.start, q.cue.end, q.cue.text],
            q.direct,
        ]
        for q in found.quotes
    ]
    a2 = zlib.compress(json.dumps([entities, quotes]).encode())
    assert decode(a2, SAID) == found
    assert readable(version("abc", "embedded", "a2"), "abc", "embedded")
    assert not readable(version("abc", "embedded", "a1"), "abc", "embedded")
    assert not readable(version("abd", "embedded"), "abc", "embedded")
