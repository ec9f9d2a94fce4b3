"""``tuireader search --source/--from/--to``: the palette's filters from the shell."""

import json

from tests.conftest import write_jsonl
from tuireader.cli import main

ODD = 'Le "Monde": Paris (AFP)'
DOCS = [
    {
        "id": "r1",
        "title": "Rates rise",
        "text": "Bank rates rose.",
        "source": "Reuters",
        "date": "2016-10-03",
    },
    {
        "id": "r2",
        "title": "Rates hold",
        "text": "Bank rates held.",
        "source": "Reuters",
        "date": "2016-11-02",
    },
    {
        "id": "a1",
        "title": "Rates abroad",
        "text": "Bank rates abroad.",
        "source": "Reuters Africa",
        "date": "2016-10-05",
    },
    {
        "id": "m1",
        "title": "Taux",
        "text": "Bank rates in Paris.",
        "source": ODD,
        "date": "2016-10-04",
    },
]


def titles(capsys) -> list[str]:
    return [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]


def test_source_and_dates_narrow_a_search(tmp_path, capsys):
    dump = str(write_jsonl(tmp_path / "d.jsonl", DOCS))
    assert main(["search", "rates", "--corpus", dump, "--source", "Reuters", "--json"]) == 0
    assert sorted(titles(capsys)) == ["Rates hold", "Rates rise"]  # not Reuters Africa
    assert main(["search", "bank", "--corpus", dump, "--source", ODD, "--json"]) == 0
    assert titles(capsys) == ["Taux"]
    args = ["search", "rates", "--corpus", dump, "--from", "2016-10-04", "--to", "2016-10"]
    assert main([*args, "--json"]) == 0
    assert sorted(titles(capsys)) == ["Rates abroad", "Taux"]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(
        "2 of 4 articles match 'rates' · 2016-10-04–2016-10-31"
    )


def test_filters_alone_list_their_articles_newest_first(tmp_path, capsys):
    dump = str(write_jsonl(tmp_path / "d.jsonl", DOCS))
    assert main(["search", "--corpus", dump, "--source", "Reuters"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 of 4 articles match source: Reuters\n")
    assert out.index("Rates hold") < out.index("Rates rise")


def test_bad_dates_and_no_query_are_one_line_errors(tmp_path, capsys):
    dump = str(write_jsonl(tmp_path / "d.jsonl", DOCS))
    assert main(["search", "rates", "--corpus", dump, "--from", "2016-13"]) == 2
    assert (
        capsys.readouterr().err
        == "tuireader: 2016-13: there is no month 13 (months are 1 to 12).\n"
    )
    assert main(["search", "x", "--corpus", dump, "--from", "2016-11", "--to", "2016-10"]) == 2
    assert "before --from" in capsys.readouterr().err
    assert main(["search", "--corpus", dump]) == 2
    assert "search needs a QUERY" in capsys.readouterr().err
