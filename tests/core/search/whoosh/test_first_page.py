"""The first page of an uncounted search (what the app shows on Enter: only the matches that
may be on it are scored) is the first page of plain whoosh's full ranking, for every kind of
query, and its total never claims more matches than there are."""

import random
from datetime import datetime, timedelta

import pytest
from whoosh import index as whoosh_index
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import DateRange, FuzzyTerm, Or, Term
from whoosh.scoring import BM25F

from tuireader.core.base.articles import Article
from tuireader.core.search.whoosh import WhooshEngine
from tuireader.core.search.whoosh.day_spans import MISSING, DaySpans

COMMON = ["price", "market", "senate", "vote", "budget", "storm", "gold", "trade", "bank"]
RARE = ["zephyr", "quokka", "obelisk"]
VARIANTS = ["pricey", "prices", "prise", "brice"]
N_ARTICLES = 1500  # a common word then spans many blocks of postings
START = datetime(2015, 1, 1)

QUERIES = {
    "common": ["price", "market", "vote"],
    "and": ["price market", "senate vote budget", "gold bank"],
    "phrase": ['"price market"', '"senate vote"'],
    "or": ["price OR zephyr", "gold OR storm OR trade"],
    "not": ["price -market", "storm NOT gold"],
    "fuzzy": ["pryce~", "markat~", "prise~2"],
    "date": [
        "date:[2015-03-01 to 2015-06-30]",
        "date:2016",
        "price date:[2015-01-01 to 2015-12-31]",
        "date:>2016-06",
        "date:<2015-02",
        "vote OR date:2015-05",
    ],
    "field": ["title:storm", "title:price"],
    "rare": ["zephyr", "quokka", "obelisk"],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """An engine over made-up articles indexed in three commits (segments), ids shuffled."""
    rng = random.Random(16)
    ids = list(range(1, N_ARTICLES + 1))
    rng.shuffle(ids)
    articles = []
    for n, article_id in enumerate(ids):
        words = rng.choices(COMMON, weights=range(len(COMMON), 0, -1), k=rng.randint(3, 80))
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            words.insert(rng.randrange(len(words)), rng.choice(VARIANTS))
        if rng.random() < 0.01:
            words.append(rng.choice(RARE))
        title = " ".join(rng.choices(COMMON + VARIANTS, k=rng.randint(2, 6)))
        day = START + timedelta(days=rng.randrange(730)) if n % 7 else None
        articles.append(
            (
                article_id,
                Article(
                    key=str(article_id),
                    file="/news.jsonl",
                    locator=n,
                    title=title,
                    body=" ".join(words),
                    date=day,
                    date_text=day.isoformat() if day else "",
                ),
            )
        )
    folder = tmp_path_factory.mktemp("first-page") / "index"
    engine = WhooshEngine(folder)
    for start in range(0, N_ARTICLES, N_ARTICLES // 3):
        writer = engine.writer()
        for article_id, article in articles[start : start + N_ARTICLES // 3]:
            writer.add(article_id, article, replace=False)
        writer.commit()
    yield engine, folder
    engine.close()


class _ScannedDates(DateRange):
    """A date range matched by reading every document's date (the index keeps dates in their
    column only): what ``DaySpans`` finds by binary searches, found the plain way."""

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        dates = reader.column_reader(self.fieldname, translate=False)
        docs = [
            n
            for n in range(reader.doc_count_all())
            if not reader.is_deleted(n)
            and dates[n] != MISSING
            and (self.start is None or dates[n] >= self.start)
            and (self.end is None or dates[n] <= self.end)
        ]
        return ListMatcher(docs, all_weights=self.boost) if docs else NullMatcher()


def _whoosh_own(query, reader):
    """The query with plain date ranges (``_ScannedDates``) for ``DaySpans``, and fuzzy words
    replaced by the scored union of the words whoosh's automaton finds."""
    if isinstance(query, DaySpans):
        return _ScannedDates(query.fieldname, query.startdate, query.enddate, boost=query.boost)
    if isinstance(query, FuzzyTerm):
        words = sorted({text for _field, text in query.expanded_terms(reader)})
        return Or([Term(query.fieldname, word, boost=query.boost) for word in words])
    return query if query.is_leaf() else query.apply(lambda child: _whoosh_own(child, reader))


def _plain_whoosh(folder, engine, query: str) -> list[int]:
    """Article ids of every match, by whoosh's own search with BM25F (no limit: every match
    scored), best first, equal scores (to 9 digits, as the engine) in article id order. Fuzzy
    words are first replaced by the scored union of the words they match, as the engine does
    (whoosh's own fuzzy query gives every match one score)."""
    ix = whoosh_index.open_dir(str(folder))
    with ix.searcher(weighting=BM25F()) as searcher:
        aid = searcher.reader().column_reader("aid")
        parsed = _whoosh_own(engine.parse(query), searcher.reader())
        hits = searcher.search(parsed, limit=None)
        ranked = sorted((-round(hit.score, 9), aid[hit.docnum]) for hit in hits)
    return [article_id for _score, article_id in ranked]


@pytest.mark.parametrize(
    "query", [q for queries in QUERIES.values() for q in queries], ids=lambda q: q
)
def test_the_uncounted_first_page_is_plain_whooshs_first_page(corpus, query):
    # (no time budget in these ranking tests: on a loaded machine the reader's 1 s stopped them)
    engine, folder = corpus
    plain = _plain_whoosh(folder, engine, query)
    assert plain, "a query of the test that matches nothing"
    full = engine.search(query, limit=1000, seconds=None)
    assert full.ids == plain[:1000]
    assert full.total == len(plain)
    for limit in (1, 3, 20, 50):
        page = engine.search(query, limit=limit, count=False, seconds=None)
        assert page.ids == plain[:limit], limit
        assert len(page.ids) <= page.total <= len(plain), limit


def test_a_common_word_is_not_scored_whole_for_a_page(corpus):
    """The page of a common word skips postings: its total is a lower bound, shown with "+"."""
    engine, _folder = corpus
    full = engine.search("price", limit=1000, seconds=None)
    page = engine.search("price", limit=3, count=False, seconds=None)
    assert page.ids == full.ids[:3]
    assert 3 < page.total < full.total


def test_the_filtered_first_page_is_the_filtered_full_ranking(corpus):
    engine, _folder = corpus
    full = engine.search("price market", limit=1000, seconds=None)
    within = set(full.ids[::3])
    page = engine.search("price market", limit=10, count=False, within=within, seconds=None)
    assert page.ids == [i for i in full.ids if i in within][:10]


def test_date_ranges_leave_out_deleted_articles(tmp_path):
    folder = tmp_path / "index"
    engine = WhooshEngine(folder)
    writer = engine.writer()
    for n in range(1, 41):
        day = START + timedelta(days=n)
        article = Article(
            key=str(n), file="/news.jsonl", locator=n, title="t", body="word", date=day
        )
        writer.add(n, article, replace=False)
    writer.commit()
    query = "date:[2015-01-05 to 2015-01-20]"
    assert engine.search(query).ids == list(range(4, 20))
    writer = engine.writer()
    for n in (5, 6, 30):
        writer.delete_key(str(n))
    writer.commit()
    assert engine.search(query).ids == [n for n in range(4, 20) if n not in (5, 6)]
    assert engine.search(query).ids == _plain_whoosh(folder, engine, query)
    engine.close()


def test_date_ranges_span_segments_and_dates_make_no_index_terms(tmp_path, monkeypatch):
    monkeypatch.setattr("tuireader.core.search.whoosh.writing.SMALL_SEGMENT", 1)  # no merging
    folder = tmp_path / "index"
    engine = WhooshEngine(folder)
    for batch in range(3):  # three commits: three segments
        writer = engine.writer()
        for n in range(batch * 10 + 1, batch * 10 + 11):
            day = START + timedelta(days=n)
            article = Article(
                key=str(n), file="/news.jsonl", locator=n, title="t", body="word", date=day
            )
            writer.add(n, article, replace=False)
        writer.commit()
    query = "date:[2015-01-05 to 2015-01-25]"
    assert engine.search(query).ids == list(range(4, 25))
    assert engine.search(f"word {query}", order="oldest").ids == list(range(4, 25))
    assert engine.search(query).ids == _plain_whoosh(folder, engine, query)
    engine.close()
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 3
        assert "date" not in reader.indexed_field_names()
