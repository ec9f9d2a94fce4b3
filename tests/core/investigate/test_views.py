"""Co-occurrence ranking, timelines, batch files, quotations grouped by first publisher, and
the graph files."""

import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, datetime

from tuireader.core.investigate.batch import read_batch
from tuireader.core.investigate.cooccur import g2, neighbours
from tuireader.core.investigate.corpus import EntityCount
from tuireader.core.investigate.graph_files import graph_text
from tuireader.core.investigate.quotes import QuoteSite, group_quotes
from tuireader.core.investigate.timeline import timeline


def test_a_ubiquitous_name_ranks_below_a_specific_companion():
    # "Jane" is in 10 of 1000 articles; "Acme" shares 8 of its 10 articles with her, "Bob"
    # 5 of his 50; the ubiquitous "USA" (in 900 articles) shares 9: no more than chance
    counts = Counter({1: 10, 2: 900, 3: 50})
    ranked = neighbours(Counter({1: 8, 2: 9, 3: 5}), counts, own=10, total=1000)
    assert [n.name_id for n in ranked] == [1, 3]
    assert ranked[0].g2 > ranked[1].g2 > 0


def test_g2_is_zero_for_independent_names():
    assert g2(shared=10, first=100, second=100, total=1000) == 0.0


def test_timeline_has_every_period_between_the_first_and_last():
    days = [datetime(2020, 1, d, tzinfo=UTC).timestamp() for d in (1, 1, 3)]
    by_day = timeline(days, "day")
    assert [(p.label("day"), p.count) for p in by_day] == [
        ("2020-01-01", 2),
        ("2020-01-02", 0),
        ("2020-01-03", 1),
    ]
    assert [(p.label("month"), p.count) for p in timeline(days, "month")] == [("2020-01", 3)]


def test_a_batch_file_skips_comments_and_blank_lines_and_keeps_line_numbers():
    lines = read_batch("putin\n# a comment\n\n  sasse  \n")
    assert [(line.number, line.query) for line in lines] == [(1, "putin"), (4, "sasse")]


def site(article_id, ts):
    return QuoteSite(article_id, f"k{article_id}", "t", "s", ts, "", "", 0, 5)


def test_a_quotation_in_several_articles_is_listed_once_earliest_first():
    grouped = group_quotes(
        [
            ("Jane Doe", "“We will win,” ", site(1, 200.0)),
            ("Jane Doe", '"We will win"', site(2, 100.0)),
            ("Jane Doe", "Something else entirely", site(3, 50.0)),
        ]
    )
    assert len(grouped) == 2
    shared = next(g for g in grouped if len(g.sites) == 2)
    assert [s.article_id for s in shared.sites] == [2, 1]
    assert shared.to_dict()["articles"][0]["first_publisher"] is True


def test_the_graph_files_hold_nodes_with_type_and_count_and_weighted_edges():
    nodes = [EntityCount("Jane Doe", "person", 3, 5, ()), EntityCount("Acme", "org", 2, 2, ())]
    edges = [("Jane Doe", "Acme", 2)]
    gexf = ET.fromstring(graph_text("gexf", nodes, edges))
    assert len(gexf.findall(".//{http://gexf.net/1.3}node")) == 2
    assert gexf.find(".//{http://gexf.net/1.3}edge").get("weight") == "2"
    graphml = ET.fromstring(graph_text("graphml", nodes, edges))
    assert len(graphml.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == 1
    assert graph_text("csv", nodes, edges).splitlines()[1].startswith("Jane Doe,Acme,2,person,org")
