"""The contract every search engine passes, through the ``SearchEngine`` protocol only.

Parametrised by an engine factory (``ENGINES``): a new engine is added there and must pass
all of it. Query forms, fields, stemming, accents, dates, ranking, paging, filters,
incremental updates, deletes, annotation fields and their joins, suggestions, similar
articles, damage and repair.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tuireader.core.base.articles import Article
from tuireader.core.search import (
    QueryError,
    SearchEngine,
    annotation_ident,
    engine_available,
    open_engine,
)

ENGINES: dict[str, Callable[[Path], SearchEngine]] = {
    "whoosh": lambda folder: open_engine(folder / "index", engine="whoosh"),
    "tantivy": lambda folder: open_engine(folder / "index", engine="tantivy"),
}


def article(n: int, title: str, body: str, source: str = "", date: str | None = None) -> Article:
    return Article(
        key=f"/corpus/f{n % 3}.jsonl#{n}",
        file=f"/corpus/f{n % 3}.jsonl",
        locator=n,
        title=title,
        body=body,
        source=source,
        date=datetime.fromisoformat(date).replace(tzinfo=UTC) if date else None,
    )


ARTICLES = {
    1: article(
        1,
        "Russia denies hacking",
        "Moscow said the hacked emails were not its doing. Vladimir Putin's spokesman "
        "Dmitry Peskov spoke to reporters.",
        date="2016-10-07",
    ),
    2: article(
        2,
        "Senate hearing",
        "Senator Ben Sasse called for a strong response to Russia over the hacking.",
        source="Wire",
        date="2016-10-08",
    ),
    3: article(3, "Weather report", "Heavy rain in Moscow and a café flooded.", date="2016-11-01"),
    4: article(4, "Oil prices", "Oil prices rose. Oil output fell. Crude oil, more oil."),
    5: article(5, "Markets", "Shares fell while oil held steady."),
}


@pytest.fixture(params=sorted(ENGINES))
def make_engine(request, tmp_path):
    """An engine factory: ``make_engine()`` opens (or reopens) the engine in one folder."""
    if not engine_available(request.param):
        pytest.skip(f"{request.param} is not installed (pip install 'tuireader[tantivy]')")
    opened: list[SearchEngine] = []

    def make() -> SearchEngine:
        engine = ENGINES[request.param](tmp_path)
        opened.append(engine)
        return engine

    yield make
    for engine in opened:
        engine.close()


def fill(engine: SearchEngine, articles: dict[int, Article]) -> None:
    writer = engine.writer()
    for article_id, item in articles.items():
        writer.add(article_id, item, replace=False)
    writer.commit()


@pytest.fixture
def engine(make_engine) -> SearchEngine:
    engine = make_engine()
    fill(engine, ARTICLES)
    return engine


def ids(engine: SearchEngine, query: str, **kwargs) -> list[int]:
    return sorted(engine.search(query, **kwargs).ids)


# -- query forms, fields, stemming, accents, dates -------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("moscow", [1, 3]),
        ("Moscow", [1, 3]),  # case
        ("moscow hacking", [1]),  # words are ANDed
        ("moscow AND hacking", [1]),
        ("hack", [1, 2]),  # stemming: hacking, hacked
        ("hacks", [1, 2]),
        ('"ben sasse"', [2]),  # phrases keep word order
        ('"sasse ben"', []),
        ("sasse OR rain", [2, 3]),
        ("russia NOT sasse", [1]),
        ("russia -sasse", [1]),
        ("rain -moscow", []),  # the excluded word's first article comes before
        ("rain NOT moscow", []),
        ("-moscow", [2, 4, 5]),  # only excluding: every other article
        ("NOT moscow", [2, 4, 5]),
        ("(sasse OR peskov) hacking", [1, 2]),
        ("title:russia", [1]),  # fields
        ("title:moscow", []),
        ("source:wire", [2]),
        ("cafe", [3]),  # accents folded both ways
        ("café", [3]),
        ("pesk*", [1]),  # wildcards
        ("peskow~", [1]),  # fuzzy
        ("date:[2016-10-01 to 2016-10-31]", [1, 2]),  # dates
        ("date:2016-11", [3]),
        ("date:2016", [1, 2, 3]),
        ("moscow date:2016-11-01", [3]),
        ("zebra", []),
    ],
)
def test_query_forms(engine, query, expected):
    assert ids(engine, query) == expected


@pytest.mark.parametrize("query", ["", "   ", '"unclosed', "AND", "title:", "a" * 5000, "*"])
def test_queries_that_cannot_run_are_query_errors_with_a_message(engine, query):
    with pytest.raises(QueryError) as caught:
        engine.search(query)
    assert str(caught.value)
    with pytest.raises(QueryError):
        engine.check_query(query)


def test_a_good_query_passes_the_check(engine):
    engine.check_query("moscow OR title:russia")


# -- ranking, counting, paging, filters ------------------------------------------------------


def test_more_occurrences_rank_higher(engine):
    results = engine.search("oil")
    assert results.ids == [4, 5]
    assert results.hits[0].score > results.hits[1].score > 0


def test_a_title_match_ranks_above_a_body_match(make_engine):
    engine = make_engine()
    fill(
        engine,
        {
            1: article(1, "Markets today", "Gold was quoted higher in late trading today."),
            2: article(2, "Gold rallies", "Prices were quoted higher in late trading today."),
        },
    )
    assert engine.search("gold").ids == [2, 1]


def test_equal_scores_are_ordered_by_article_id(make_engine):
    engine = make_engine()
    same = {n: article(n, "Same", "Identical words here.") for n in (9, 3, 7, 1)}
    writer = engine.writer()
    for n in (9, 3, 7, 1):  # indexed out of order
        writer.add(n, same[n], replace=False)
    writer.commit()
    assert engine.search("identical").ids == [1, 3, 7, 9]


def test_total_counts_every_match_beyond_the_limit(engine):
    results = engine.search("moscow", limit=1)
    assert len(results.hits) == 1
    assert results.total == 2


def test_pages_follow_the_full_ranking(make_engine):
    engine = make_engine()
    fill(
        engine,
        {n: article(n, f"Story {n}", "storm " * (n % 5 + 1) + "closing words") for n in range(30)},
    )
    everything = engine.search("storm", limit=100).ids
    assert len(everything) == 30
    pages = [engine.search("storm", limit=7, offset=start).ids for start in range(0, 30, 7)]
    assert [n for page in pages for n in page] == everything


def test_within_keeps_only_those_articles_and_their_scores(engine):
    full = {hit.article_id: hit.score for hit in engine.search("moscow").hits}
    narrowed = engine.search("moscow", within={3, 4})
    assert narrowed.ids == [3]
    assert narrowed.total == 1
    assert narrowed.hits[0].score == pytest.approx(full[3])


def test_a_cancelled_search_stops_with_a_query_error(engine):
    with pytest.raises(QueryError):
        engine.search("moscow", cancelled=lambda: True)


# -- highlighting ----------------------------------------------------------------------------


def test_highlight_terms_find_inflected_forms_in_the_text(engine):
    results = engine.search("hack")
    text = ARTICLES[1].body
    spans = engine.match_spans(results.terms, text)
    assert [text[a:b] for a, b in spans] == ["hacked"]


def test_negated_words_are_not_highlighted(engine):
    results = engine.search("russia NOT sasse")
    assert engine.match_spans(results.terms, ARTICLES[2].body) == [
        (m, m + 6) for m in [ARTICLES[2].body.index("Russia")]
    ]


def test_title_words_are_highlighted_in_titles_only(engine):
    results = engine.search("title:russia")
    assert not engine.match_spans(results.terms, "Russia")
    assert engine.match_spans(results.title_terms or results.terms, "Russia") == [(0, 6)]


# -- incremental updates and deletes ---------------------------------------------------------


def test_a_hyphen_inside_a_word_is_part_of_it_not_an_exclusion(engine):
    writer = engine.writer()
    writer.add(6, article(6, "March", "An anti-war march in Moscow."), replace=False)
    writer.add(7, article(7, "Vote", "The anti vote won; war was not mentioned."), replace=False)
    writer.add(8, article(8, "Poll", "The anti side lost."), replace=False)
    writer.commit()
    assert 6 in ids(engine, "anti-war")
    assert 8 not in ids(engine, "anti-war")


def test_added_articles_are_found_after_the_commit(engine):
    assert engine.doc_count() == 5
    writer = engine.writer()
    writer.add(6, article(6, "Storm warning", "A storm reaches Moscow."), replace=False)
    writer.commit()
    assert ids(engine, "moscow") == [1, 3, 6]
    assert engine.doc_count() == 6


def test_a_replaced_article_is_found_by_its_new_text_only(engine):
    writer = engine.writer()
    writer.add(3, article(3, "Weather report", "Snow in Berlin."), replace=True)
    writer.commit()
    assert ids(engine, "moscow") == [1]
    assert ids(engine, "berlin") == [3]
    assert engine.doc_count() == 5


def test_deleted_articles_are_gone(engine):
    writer = engine.writer()
    writer.delete_key(ARTICLES[1].key)
    writer.commit()
    assert ids(engine, "moscow") == [3]
    writer = engine.writer()
    writer.delete_file(ARTICLES[3].file)  # articles 3 ... of one file
    writer.commit()
    assert ids(engine, "moscow") == []
    assert engine.doc_count() == 5 - 1 - 1


def test_a_cancelled_batch_leaves_the_index_as_it_was(engine):
    writer = engine.writer()
    writer.add(6, article(6, "Gone", "Zanzibar."), replace=False)
    writer.delete_key(ARTICLES[1].key)
    writer.cancel()
    assert ids(engine, "zanzibar") == []
    assert ids(engine, "moscow") == [1, 3]


def test_what_was_committed_is_there_when_reopened(make_engine):
    first = make_engine()
    fill(first, ARTICLES)
    first.close()
    again = make_engine()
    assert again.doc_count() == 5
    assert ids(again, "moscow") == [1, 3]


def test_clear_empties_both_indexes(engine):
    engine.clear()
    assert engine.doc_count() == 0
    assert engine.annotated() == set()
    assert ids(engine, "moscow") == []


def test_stats_count_the_articles(engine):
    stats = engine.stats()
    assert stats.documents == 5
    assert stats.annotated == 0
    assert stats.bytes_on_disk > 0


# -- annotation fields and their joins -------------------------------------------------------


@pytest.fixture
def annotated(engine) -> SearchEngine:
    writer = engine.annotation_writer()
    for article_id, item in ARTICLES.items():
        writer.add(article_id, item.content_hash, item)
    writer.commit()
    return engine


def test_annotated_articles_are_named_by_id_and_content(annotated):
    assert annotated.annotated() == {
        annotation_ident(n, item.content_hash) for n, item in ARTICLES.items()
    }
    assert annotated.stats().annotated == 5


def test_annotation_fields_are_searchable(annotated):
    assert ids(annotated, "person:putin") == [1]
    assert ids(annotated, "place:moscow") == [1, 3]


def test_annotation_fields_join_with_text_fields(annotated):
    assert ids(annotated, "place:moscow hacking") == [1]
    assert ids(annotated, "place:moscow OR sasse") == [1, 2, 3]
    assert ids(annotated, "place:moscow NOT rain") == [1]


def test_exact_words_are_unstemmed_and_highlighted(annotated):
    assert ids(annotated, "exact:hacked") == [1]
    results = annotated.search("exact:hacked")
    text = ARTICLES[1].body
    assert [text[a:b] for a, b in annotated.match_spans(results.terms, text)] == ["hacked"]


def test_deleted_annotation_documents_are_gone(annotated):
    writer = annotated.annotation_writer()
    writer.delete(annotation_ident(1, ARTICLES[1].content_hash))
    writer.add_empty(1, "other")
    writer.commit()
    assert ids(annotated, "person:putin") == []
    assert annotation_ident(1, "other") in annotated.annotated()


def test_articles_quoting_the_same_words_are_found(make_engine):
    engine = make_engine()
    quote = "We will not stand by while our farmers lose everything they have built"
    items = {
        1: article(1, "Minister speaks", f'"{quote}," said Jane Doe on Monday.'),
        2: article(2, "Farm protest", f'Jane Doe said: "{quote}."'),
        3: article(3, "Other news", "Nothing quoted here at all, just a report."),
    }
    fill(engine, items)
    writer = engine.annotation_writer()
    for n, item in items.items():
        writer.add(n, item.content_hash, item)
    writer.commit()
    found = engine.articles_quoting(quote, exclude_id=1)
    assert [article_id for article_id, _share in found] == [2]
    assert found[0][1] >= 0.5


# -- suggestions and similar articles --------------------------------------------------------


def test_a_misspelt_word_gets_a_suggestion(engine):
    assert engine.suggest("moscw") == "moscow"
    assert engine.suggest("moscow") is None


def test_no_suggestion_beyond_plain_words(engine):
    assert engine.suggest("title:moscw") is None
    assert engine.suggest("date:[2016 to 2017]") is None


def test_similar_articles_share_distinctive_words(make_engine):
    engine = make_engine()
    fill(
        engine,
        {
            1: article(1, "Pipeline", "The pipeline leak near Kerch spilled crude into the sea."),
            2: article(2, "Leak", "Crude from the Kerch pipeline leak reached the sea shore."),
            3: article(3, "Football", "The match ended in a draw after extra time."),
        },
    )
    item = article(1, "Pipeline", "The pipeline leak near Kerch spilled crude into the sea.")
    assert [hit.article_id for hit in engine.similar(item)] == [2]
    assert engine.similar(item, within={3}) == []


# -- damage and repair -----------------------------------------------------------------------


def test_a_fresh_index_is_not_damaged(engine):
    assert engine.damage is None
    assert engine.damaged_parts(full=True) == {}
    assert engine.check_after_error() is None


def test_a_damaged_file_is_found_and_set_aside(make_engine):
    engine = make_engine()
    fill(engine, ARTICLES)
    engine.record_files()
    engine.close()
    biggest = max(
        (p for p in engine.directory.iterdir() if p.is_file()), key=lambda p: p.stat().st_size
    )
    data = bytearray(biggest.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the same size
    biggest.write_bytes(bytes(data))
    again = make_engine()
    found = again.damaged_parts(full=True)
    assert engine.directory in found
    kept = again.set_aside_damaged(list(found))
    assert kept and all(path.exists() for path in kept)
    assert again.damaged_parts(full=True) == {}
    assert again.doc_count() == 0  # started again empty, to be filled by the next sync
    fill(again, ARTICLES)
    assert ids(again, "moscow") == [1, 3]


def test_damage_found_after_a_read_error_is_noted_for_the_next_sync(make_engine):
    engine = make_engine()
    fill(engine, ARTICLES)
    engine.record_files()
    assert engine.check_after_error() is None
    biggest = max(
        (p for p in engine.directory.iterdir() if p.is_file()), key=lambda p: p.stat().st_size
    )
    data = bytearray(biggest.read_bytes())
    data[len(data) // 2] ^= 0xFF
    biggest.write_bytes(bytes(data))
    message = engine.check_after_error()
    assert message and engine.directory.name in message
    assert engine.damage == message
    assert engine.directory in make_engine().damaged_parts()


def test_a_truncated_file_is_damage_when_opened(make_engine):
    engine = make_engine()
    fill(engine, ARTICLES)
    engine.record_files()
    engine.close()
    biggest = max(
        (p for p in engine.directory.iterdir() if p.is_file()), key=lambda p: p.stat().st_size
    )
    biggest.write_bytes(biggest.read_bytes()[: biggest.stat().st_size // 2])
    assert make_engine().damage is not None


def test_repair_deletes_what_the_store_does_not_know(engine):
    """After a sync killed between the index's commit and the store's: documents of unknown
    keys, or known keys under another article id, are deleted."""
    wanted = {ARTICLES[n].key: n for n in (1, 2, 3)}
    wanted[ARTICLES[4].key] = 40  # the store gave that key another id
    repair = engine.repair(wanted)
    assert repair.deleted == 2  # article 4 (wrong id) and article 5 (unknown key)
    assert repair.kept == {1, 2, 3}
    assert ids(engine, "oil") == []
    assert engine.repair(wanted).deleted == 0  # nothing left to do


def test_a_batch_never_committed_is_not_seen_when_reopened(make_engine):
    """A process killed before its commit: the index opens as it was before the batch."""
    engine = make_engine()
    fill(engine, ARTICLES)
    writer = engine.writer()
    writer.add(6, article(6, "Unsaved", "Zanzibar."), replace=False)
    writer.cancel()  # what a kill leaves: a batch never committed
    engine.close()
    again = make_engine()
    assert again.damage is None
    assert ids(again, "zanzibar") == []
    assert again.doc_count() == 5


# -- ordering by date ------------------------------------------------------------------------


def test_results_ordered_by_date_put_undated_articles_last(engine):
    query = "moscow OR sasse OR oil"
    assert engine.search(query, order="newest").ids == [3, 2, 1, 4, 5]
    assert engine.search(query, order="oldest").ids == [1, 2, 3, 4, 5]
    assert engine.search(query, order="newest").total == 5


def test_pages_by_date_follow_the_full_order(engine):
    query = "moscow OR sasse OR oil"
    everything = engine.search(query, order="newest").ids
    pages = [engine.search(query, order="newest", limit=2, offset=at).ids for at in (0, 2, 4)]
    assert [n for page in pages for n in page] == everything


# -- phrases with stop words, exact phrases --------------------------------------------------


def test_phrases_keep_the_gaps_of_stop_words(make_engine):
    engine = make_engine()
    fill(
        engine,
        {
            1: article(1, "Play", "He saw House of Cards again."),
            2: article(2, "Other", "The house cards were dealt."),
        },
    )
    assert 1 in ids(engine, '"house of cards"')
    assert ids(engine, '"cards of house"') == []


def test_exact_phrases_match_the_words_as_written_in_order(annotated):
    engine = annotated
    assert ids(engine, 'exact:"hacked emails"') == [1]
    assert ids(engine, 'exact:"emails hacked"') == []
    assert ids(engine, 'exact:"hacking emails"') == []
