import pytest

from tests.conftest import write_jsonl
from tuireader.core.annotate import pipeline as annotate_module
from tuireader.core.annotate.pipeline import annotate
from tuireader.core.cache.corpus import Corpus
from tuireader.core.cache.sync import sync
from tuireader.core.search.annotation_fields import mentions, quote_fingerprints, quote_words


@pytest.fixture
def sample_engine(sample_corpus):
    corpus = Corpus([sample_corpus])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    engine.refresh()
    return corpus, store, engine


def titles(store, results):
    return sorted(store.get(i).title[:20] for i in results.ids)


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("person:putin", 2),
        ('person:"vladimir putin"', 2),
        ('speaker:"ben sasse"', 1),
        ("speaker:sasse", 1),
        ("org:kremlin", 2),
        ("place:russia", 2),
        ("entity:wikileaks", 2),
        ("quote:upend", 1),
        ("quote:guccifer", 2),
        ("person:russia", 0),
        ("person:putin sasse", 1),
    ],
)
def test_annotation_fields_are_searchable(sample_engine, query, count):
    _, _, engine = sample_engine
    assert engine.search(query).total == count


def test_the_joint_statement_is_found_in_both_sample_articles(sample_engine):
    corpus, store, engine = sample_engine
    ids = store.ordered_ids()
    found = {}
    for article_id in ids:
        article = corpus.read(store.get(article_id))
        for quote in annotate(article.full_text).quotes:
            others = engine.articles_quoting(quote.text, exclude_id=article_id)
            if others:
                found[article_id] = [other for other, _share in others]
                assert "The recent disclosures of alleged hacked" in quote.text
    assert found == {ids[0]: [ids[1]], ids[1]: [ids[0]]}


def test_shared_quote_detection_tolerates_small_edits(tmp_path):
    quote = (
        "We will not stand by while our elections are attacked by foreign powers, and we "
        "will respond at a time of our choosing"
    )
    edited = quote.replace("foreign powers", "foreign states").replace(",", "")
    records = [
        {"id": "a", "title": "A", "text": f'"{quote}," the minister said.'},
        {"id": "b", "title": "B", "text": f'The statement read: "{edited}."'},
        {"id": "c", "title": "C", "text": '"We will not stand by," she said about the match.'},
    ]
    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", records)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    engine.refresh()
    own = store.by_key(f"{tmp_path / 'd.jsonl'}#a").id
    others = engine.articles_quoting(quote, exclude_id=own)
    assert [store.get(aid).title for aid, _share in others] == ["B"]
    assert 0.5 <= others[0][1] < 1.0


def test_short_quotes_have_no_fingerprint():
    assert quote_fingerprints('"rubbish"') == []
    assert quote_fingerprints("tens of thousands of hackers") == []
    one = quote_fingerprints("The recent disclosures of alleged hacked e-mails on sites")
    two = quote_fingerprints("“The recent disclosures of ALLEGED hacked e-mails on sites,”")
    assert one and one == two


def test_mentions_per_field():
    text = '"We must act now," said Senator Ben Sasse of Nebraska after meeting Acme Corp.'
    annotations = annotate(text)
    assert "Ben Sasse" in mentions(annotations, "person")
    assert "Nebraska" in mentions(annotations, "place")
    assert mentions(annotations, "speaker") == ["Ben Sasse"]
    assert mentions(annotations, "quote") == ['"We must act now,"']
    assert set(mentions(annotations, "person")) <= set(mentions(annotations, "entity"))


def test_changing_the_annotator_version_reannotates_without_reindexing_text(
    sample_corpus, monkeypatch
):
    corpus = Corpus([sample_corpus])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    engine.close()
    monkeypatch.setattr(
        annotate_module, "ANNOTATOR_VERSION", annotate_module.ANNOTATOR_VERSION + "x"
    )
    fresh = corpus.open_engine()
    assert fresh.doc_count() == 2  # the words are still searchable
    assert fresh.stats().annotated == 0
    assert fresh.search("person:putin").total == 0
    report = sync(corpus, store, fresh)
    assert (report.added, report.annotated) == (0, 2)
    fresh.refresh()
    assert fresh.search("person:putin").total == 2


def test_person_and_speaker_fields_hold_the_canonical_name():
    text = (
        "Senator Marla Venkley visited Ohio on Monday. Venkley's speech was short. "
        '"We will win," Venkley said.'
    )
    found = annotate(text)
    assert set(mentions(found, "person")) == {"Marla Venkley"}
    assert mentions(found, "speaker") == ["Marla Venkley"]


def test_quote_words_fold_case_and_curly_apostrophes_word_by_word():
    assert quote_words("The Harbour’s FERRY won’t sail, said Mr. Pell.") == [
        "the",
        "harbour's",
        "ferry",
        "won't",
        "sail",
        "said",
        "mr",
        "pell",
    ]
    # non-ASCII words are lowered one by one, as before (a dotted capital I lowers to two
    # characters, the second of which is no word character)
    assert quote_words("İzmir’s Straße ÉTÉ") == ["i̇zmir's", "straße", "été"]
    words = quote_words("Kept words are a copy")
    words.append("changed")
    assert quote_words("Kept words are a copy") == ["kept", "words", "are", "a", "copy"]


def test_all_mentions_are_each_fields_mentions() -> None:
    from tuireader.core.annotate.spans import Entity, Quote, Span
    from tuireader.core.search.annotation_fields import ANNOTATION_FIELDS, all_mentions

    found = annotate_module.Annotations(
        [
            Entity(0, 6, "PERSON", "Jonsby", "Mara Jonsby"),
            Entity(10, 22, "ORG", "Harbor Trust"),
            Entity(30, 37, "LOC", "Quillon"),
            Entity(40, 46, "MISC", "Quelan"),
            Entity(50, 54, "DATE", "June"),
        ],
        [
            Quote(60, 80, '"We sail at dawn,"', Span(82, 88, "Jonsby"), "Mara Jonsby"),
            Quote(90, 99, '"Not yet,"'),
        ],
    )
    every = all_mentions(found)
    assert list(every) == list(ANNOTATION_FIELDS)
    assert every == {name: mentions(found, name) for name in ANNOTATION_FIELDS}
    assert every["entity"] == ["Mara Jonsby", "Harbor Trust", "Quillon", "Quelan"]


def test_quote_fingerprints_are_the_lowest_hex_digests() -> None:
    import hashlib

    text = "the harbor trust will open the quillon docks to every boat next spring"
    words = quote_words(text)
    runs = {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}
    spelled = sorted(hashlib.blake2b(r.encode(), digest_size=6).hexdigest() for r in runs)
    assert quote_fingerprints(text) == spelled[:3]
