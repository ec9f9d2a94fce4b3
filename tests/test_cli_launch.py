"""`tuireader [PATH ...]` opens the reader without building the argument parser."""

from __future__ import annotations

import pytest

from tuireader import cli


def test_only_paths_are_told_from_options_and_subcommands():
    assert cli.only_paths([])
    assert cli.only_paths(["orchards.jsonl", "notes/kale"])
    assert not cli.only_paths(["index", "orchards.jsonl"])
    assert not cli.only_paths(["orchards.jsonl", "--engine", "tantivy"])
    assert not cli.only_paths(["-"])  # standard input: the parser's way
    assert not cli.only_paths(["--help"])
    assert not cli.only_paths([""])


@pytest.mark.parametrize(
    ("argv", "paths", "engine"),
    [
        (["orchards.jsonl"], ["orchards.jsonl"], None),
        ([], [], None),
        (["orchards.jsonl", "--engine", "tantivy"], ["orchards.jsonl"], "tantivy"),
        (["open", "plums", "pears"], ["plums", "pears"], None),
    ],
)
def test_the_reader_opens_with_the_same_paths_with_or_without_the_parser(
    monkeypatch, argv, paths, engine
):
    opened: list[tuple[list[str], bool, str | None]] = []

    def run_open(paths, need_terminal=False, engine=None):
        opened.append((list(paths), need_terminal, engine))
        return 0

    built: list[bool] = []
    real_build = cli.build_parser

    def build_parser():
        built.append(True)
        return real_build()

    monkeypatch.setattr(cli, "run_open", run_open)
    monkeypatch.setattr(cli, "build_parser", build_parser)
    assert cli.main(argv) == 0
    assert opened == [(paths, True, engine)]
    assert bool(built) == (not cli.only_paths(argv))


def test_a_path_that_cannot_be_opened_is_a_usage_error_without_the_parser(tmp_path, capsys):
    missing = tmp_path / "no-such-orchard.jsonl"
    assert cli.main([str(missing)]) == 2
    assert "tuireader:" in capsys.readouterr().err
