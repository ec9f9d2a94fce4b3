"""Who said what: the quotations listed from the quotation rows, their texts read from the
articles' texts only when asked (``Investigation.quotes(texts=False)``, ``quote_texts``),
each from an article naming its speaker; an article gone or changed since gives no crash."""

from __future__ import annotations

from tests.conftest import write_jsonl
from tuireader.core.cache.corpus import Corpus
from tuireader.core.library import Library

RECORDS = [
    {
        "id": "late",
        "title": "Canal works",
        "text": 'Mirela Ostrand said "the lock gates will be replaced by spring". '
        'Quill Baverstock said "the towpath budget is spent already".',
        "source": "Gazette",
        "date": "2021-03-04",
    },
    {
        "id": "early",
        "title": "Canal copy",
        "text": 'Mirela Ostrand said "The lock gates will be replaced by SPRING!" '
        'Mirela Ostrand said "no boat will lose its mooring".',
        "source": "Wire",
        "date": "2021-03-01",
    },
    {
        "id": "none",
        "title": "Weather",
        "text": "Rain fell all day over the quiet valley and the orchards.",
        "source": "Gazette",
        "date": "2021-03-05",
    },
]


def _open(tmp_path, records=RECORDS):
    library = Library.open([str(write_jsonl(tmp_path / "d.jsonl", records))])
    library.open_index()
    library.sync()
    return library


def _sliced(library, quote) -> str:
    site = quote.said
    return library.read(site.article_id).full_text[site.start : site.end]


def test_quotations_listed_without_texts_are_the_same_and_read_on_demand(tmp_path, monkeypatch):
    with _open(tmp_path) as library:
        investigation = library.investigation
        whole = investigation.quotes(None, "Ostrand")

        def no_texts(*_args):
            raise AssertionError("an article's text read")

        with monkeypatch.context() as patch:
            patch.setattr(Corpus, "rows_and_bodies", no_texts)
            listed = investigation.quotes(None, "Ostrand", texts=False)
            investigation.quote_texts([])  # nothing asked: nothing read
        assert [q.text for q in listed] == [None, None]
        assert [(q.speaker, [s.article_id for s in q.sites]) for q in listed] == [
            (q.speaker, [s.article_id for s in q.sites]) for q in whole
        ]
        investigation.quote_texts(listed[1:])  # one of them: the other stays unread
        assert listed[0].text is None and listed[1].text == whole[1].text
        investigation.quote_texts(listed)
        assert [q.text for q in listed] == [q.text for q in whole]
        assert [q.text.strip('"“”!. ').lower() for q in whole] == [
            "the lock gates will be replaced by spring",
            "no boat will lose its mooring",
        ]
        assert all(q.text == _sliced(library, q) for q in whole)


def test_a_quotation_carried_twice_is_listed_once_with_a_text_of_its_speaker(tmp_path):
    with _open(tmp_path) as library:
        gates = library.investigation.quotes(None, "Mirela Ostrand")[0]
        assert [library.get(s.article_id).title for s in gates.sites] == [
            "Canal copy",  # the earliest first
            "Canal works",
        ]
        assert gates.said in gates.sites and gates.text == _sliced(library, gates)
        every = library.investigation.quotes()
        assert {q.speaker for q in every} == {"Mirela Ostrand", "Quill Baverstock"}
        assert all(q.text == _sliced(library, q) for q in every)


def test_a_quotation_whose_article_is_gone_or_changed_reads_without_a_crash(tmp_path):
    with _open(tmp_path) as library:
        investigation = library.investigation
        listed = investigation.quotes(None, None, texts=False)
        by_title = {library.get(q.first.article_id).title: q for q in listed}
        gone = by_title["Canal works"]  # Quill Baverstock's, in that article only
        with library.connection() as store:
            store.db.execute("DELETE FROM articles WHERE id = ?", (gone.first.article_id,))
            store.db.execute("DELETE FROM bodies")  # texts then read from the dump file
            store.db.commit()
        changed = [dict(RECORDS[1], text="Short now.")] + RECORDS[:1]
        write_jsonl(tmp_path / "d.jsonl", changed)  # not synced yet
        investigation.quote_texts(listed)
        assert gone.text == ""
        assert all(isinstance(q.text, str) for q in listed)


def test_an_unquoted_speakers_site_joins_only_the_same_words(tmp_path):
    # These two sentences share a 32-bit words hash (found by search): in the list of every
    # quotation, an article naming no speaker for one must not be listed under the speaker of
    # the other.
    records = [
        {
            "id": "named",
            "title": "Bridges",
            "text": 'Mirela Ostrand said "we will build 8394 bridges".',
            "date": "2021-03-01",
        },
        {
            "id": "unnamed",
            "title": "Other bridges",
            "text": 'Rain fell. "We will build 26747 bridges," an unnamed official said.',
            "date": "2021-03-02",
        },
        {
            "id": "same",
            "title": "Same bridges",
            "text": 'Rain fell. "We will build 8394 bridges," an unnamed official said.',
            "date": "2021-03-03",
        },
    ]
    with _open(tmp_path, records) as library:
        [quote] = library.investigation.quotes(None, None)
        assert quote.speaker == "Mirela Ostrand"
        assert sorted(library.get(s.article_id).title for s in quote.sites) == [
            "Bridges",
            "Same bridges",
        ]


def test_quotations_as_read_come_before_every_text_is_read(tmp_path, monkeypatch):
    with _open(tmp_path) as library:
        investigation = library.investigation
        whole = investigation.quotes(None, None)
        read_for: list[list[int]] = []
        real = Corpus.rows_and_bodies

        def counted(store, ids):
            read_for.append(list(ids))
            return real(store, ids)

        monkeypatch.setattr(
            Corpus, "rows_and_bodies", classmethod(lambda _cls, store, ids: counted(store, ids))
        )
        found = investigation.quotes_as_read(None, None, chunk=1)
        first = next(found)
        assert first.text == whole[0].text and len(read_for) == 1  # only the first's article
        rest = list(found)
        assert [
            (q.speaker, q.text, [(s.article_id, s.start) for s in q.sites]) for q in [first, *rest]
        ] == [(q.speaker, q.text, [(s.article_id, s.start) for s in q.sites]) for q in whole]
        assert len(read_for) == len(whole)
