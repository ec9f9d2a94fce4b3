"""The reader's time budget for a search (whoosh): past it, the search stops with a message."""

from __future__ import annotations

import pytest

from tuireader.core.base.articles import Article
from tuireader.core.search import QueryError, open_engine


def test_a_search_past_its_time_budget_stops_with_a_message(tmp_path):
    engine = open_engine(tmp_path / "index", engine="whoosh")
    writer = engine.writer()
    for n in range(30):
        writer.add(
            n,
            Article(key=f"k{n}", file="f", locator=n, title=f"Storm {n}", body="A storm came."),
            replace=False,
        )
    writer.commit()
    try:
        assert len(engine.search("storm*", seconds=None).ids) == 30
        with pytest.raises(QueryError, match="was stopped"):
            engine.search("storm*", seconds=0.0)
    finally:
        engine.close()
