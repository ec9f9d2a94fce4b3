"""The investigating subcommands on the sample corpus, and search --batch."""

import json

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main


def lines(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_quotes_lists_the_joint_statement_once_with_both_articles(sample_corpus, capsys):
    assert main(["quotes", "--json", "--corpus", str(sample_corpus)]) == 0
    quotes = lines(capsys)
    statement = [q for q in quotes if q["quote"].startswith('"The recent disclosures')]
    assert len(statement) == 1
    articles = statement[0]["articles"]
    assert len(articles) == 2
    assert [a["first_publisher"] for a in articles] == [True, False]
    speakers = {q["speaker"] for q in quotes}
    assert {"Dmitry Peskov", "Ben Sasse"} <= speakers


def test_quotes_of_one_speaker_by_surname_with_offsets_into_the_text(sample_corpus, capsys):
    assert main(["quotes", "--speaker", "Sasse", "--json", "--corpus", str(sample_corpus)]) == 0
    (quote,) = lines(capsys)
    assert quote["speaker"] == "Ben Sasse"
    text = (sample_corpus / "004_592b83a0605297e4.txt").read_text(encoding="utf-8")
    assert text[quote["start"] : quote["end"]] == quote["quote"]


def test_entities_merges_a_surname_into_the_full_name(sample_corpus, capsys):
    args = ["entities", "--type", "person", "--json", "--corpus", str(sample_corpus)]
    assert main(args) == 0
    people = {e["name"]: e for e in lines(capsys)}
    # one article says "Vladimir Putin" then "Putin": one name; the other names him in full
    assert "Putin" not in people
    assert people["Vladimir Putin"]["articles"] == 2
    assert all(e["type"] == "person" for e in people.values())


def test_entities_of_a_query_count_only_its_articles(sample_corpus, capsys):
    assert main(["entities", "Sasse", "--json", "--corpus", str(sample_corpus)]) == 0
    assert all(e["articles"] <= 1 for e in lines(capsys))


def test_cooccur_ranks_with_counts_and_measure(sample_corpus, capsys):
    args = ["cooccur", "Putin", "--min", "1", "--json", "--corpus", str(sample_corpus)]
    assert main(args) == 0
    found = lines(capsys)
    assert found and all({"shared", "g2", "articles", "type"} <= f.keys() for f in found)


def test_cooccur_of_an_unknown_name_is_an_error(sample_corpus, capsys):
    assert main(["cooccur", "Nobody Atall", "--corpus", str(sample_corpus)]) == 2
    assert "no entity named" in capsys.readouterr().err


def test_timeline_counts_articles_per_month(tmp_path, capsys):
    records = [
        {"id": str(n), "title": f"Story {n}", "text": "The council met again.", "date": date}
        for n, date in enumerate(["2016-10-01", "2016-10-20", "2016-12-03"])
    ]
    dump = write_jsonl(tmp_path / "dated.jsonl", records)
    assert main(["timeline", "--by", "month", "--json", "--corpus", str(dump)]) == 0
    counts = {p["period"]: p["articles"] for p in lines(capsys)}
    assert counts["2016-10"] == 2 and counts["2016-12"] == 1
    assert sum(counts.values()) == 3


def test_timeline_of_undated_articles_says_why_it_is_empty(news_folder, capsys):
    assert main(["timeline", "--corpus", str(news_folder)]) == 1
    assert "no article in this corpus has a date" in capsys.readouterr().err
    assert main(["timeline", "officials", "--corpus", str(news_folder)]) == 1
    assert "none of the 2 matching articles has a date" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "csv"])
def test_graph_writes_the_file(sample_corpus, tmp_path, fmt, capsys):
    out = tmp_path / f"graph.{fmt}"
    assert main(["graph", "--min", "1", "--output", str(out), "--corpus", str(sample_corpus)]) == 0
    assert "Vladimir Putin" in out.read_text(encoding="utf-8")


def test_batch_search_reports_a_bad_line_and_runs_the_rest(sample_corpus, tmp_path, capsys):
    batch = tmp_path / "queries.txt"
    batch.write_text("# people\nputin\n\nfoo AND (\nsasse\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--json", "--corpus", str(sample_corpus)]) == 2
    captured = capsys.readouterr()
    assert "line 4" in captured.err
    results = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["line"], r["query"], r["total"]) for r in results] == [
        (2, "putin", 2),
        (5, "sasse", 1),
    ]


def test_batch_search_as_csv(sample_corpus, tmp_path, capsys):
    batch = tmp_path / "queries.txt"
    batch.write_text("sasse\n", encoding="utf-8")
    assert main(["search", "--batch", str(batch), "--csv", "--corpus", str(sample_corpus)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("line,query,total") and out[1].startswith("1,sasse,1,1,")
