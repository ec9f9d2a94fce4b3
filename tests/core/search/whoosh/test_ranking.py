"""The ranking a user sees does not depend on how many results they asked for, nor on the
order in which a build happened to index the articles."""

import random

import pytest

from tuireader.core.base.articles import Article
from tuireader.core.search.whoosh import WhooshEngine

FILLER = ["Markets rally", "Council vote", "Harbour works", "Rail strike", "Farm prices"]


def _article(key: str, title: str, body: str) -> Article:
    return Article(key=key, file="/news.jsonl", locator=0, title=title, body=body)


def _engine(folder, articles: list[tuple[int, Article]], batches: int = 1) -> WhooshEngine:
    """An engine holding ``articles`` (article id, article), indexed in that order in
    ``batches`` commits."""
    engine = WhooshEngine(folder)
    size = -(-len(articles) // batches)
    for start in range(0, len(articles), size):
        writer = engine.writer()
        for article_id, article in articles[start : start + size]:
            writer.add(article_id, article, replace=False)
        writer.commit()
    return engine


VARIANTS = ["oil", "oily", "oiler", "oink", "oic", "oik", "oid", "oit", "oix"]
COMMON = ["price", "market", "senate", "vote", "budget", "storm", "gold", "trade", "bank"]


@pytest.fixture(scope="module")
def fuzzy_corpus(tmp_path_factory):
    """300 articles, some holding several spelling variants of "oil" (whoosh's top-N search
    scored a union of many variants as at most one of them, and with a limit left out the
    articles holding several: the first page of 5 had none of the best 5)."""
    rng = random.Random(5)
    articles = []
    for article_id in range(1, 301):
        words = rng.choices(COMMON, k=rng.randint(5, 60))
        for _ in range(rng.choice([0, 0, 0, 0, 1, 1, 2, 4])):
            words.insert(rng.randrange(len(words)), rng.choice(VARIANTS))
        title = " ".join(rng.choices(COMMON + VARIANTS[:3], k=4))
        articles.append((article_id, _article(str(article_id), title, " ".join(words))))
    engine = _engine(tmp_path_factory.mktemp("fuzzy") / "index", articles)
    yield engine
    engine.close()


@pytest.mark.parametrize("query", ["oil~2", "oil~1", "oil~2 OR gold", "oil~2 -senate"])
def test_the_first_page_is_the_top_of_the_full_ranking(fuzzy_corpus, query):
    full = fuzzy_corpus.search(query, limit=1000)
    assert full.total > 10
    for limit in (1, 2, 3, 5, 10, 20):
        page = fuzzy_corpus.search(query, limit=limit, count=False)
        assert page.ids == full.ids[:limit], limit
        # uncounted: at least the matches on the page, at most all of them
        assert len(page.ids) <= page.total <= full.total


TIED = [
    (article_id, _article(f"t{article_id}", "Storm warning", "A storm hits the coast tonight."))
    for article_id in (3, 8, 15, 21, 34, 40, 57)
]
OTHERS = [
    (100 + i, _article(f"o{i}", title, f"{title}: nothing about the weather {i}."))
    for i, title in enumerate(FILLER * 4)
]


@pytest.mark.parametrize("query", ["storm", "storm coast", '"storm hits"', "title:storm", "stor*"])
@pytest.mark.parametrize("limit", [1, 3, 20])
def test_equal_scores_rank_the_same_in_any_build(tmp_path, query, limit):
    forward = _engine(tmp_path / "forward", TIED + OTHERS)
    backward = _engine(tmp_path / "backward", list(reversed(OTHERS + TIED)), batches=3)
    try:
        first, second = forward.search(query, limit=limit), backward.search(query, limit=limit)
        assert len({hit.score for hit in first.hits}) == 1  # all tied
        expected = [article_id for article_id, _article in TIED][:limit]
        assert first.ids == second.ids == expected  # ties in article id order
        within = [8, 21, 40, 57]
        assert forward.search(query, limit=limit, within=within).ids == within[:limit]
        assert backward.search(query, limit=limit, within=within).ids == within[:limit]
    finally:
        forward.close()
        backward.close()
