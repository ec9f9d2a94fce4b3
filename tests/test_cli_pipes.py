"""Output into a pipe: a reader that stops early (``| head -1``) ends the command quietly, and
the exit status says whether anything matched (like grep)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_jsonl
from tuireader.cli import main

PIPE_CLOSED = 141  # 128 + SIGPIPE: what a shell reports for `grep … | head`

# Enough output (hundreds of KB) that the writer is blocked on a full pipe when head leaves.
ARTICLES = [
    {
        "id": f"r{i}",
        "title": f"Oil prices move on supply news number {i} " + "word " * 20,
        "text": f"Oil traders reacted to report {i}. " + "Markets were calm. " * 30,
        "date": "2016-10-03",
        "source": "Wire",
    }
    for i in range(600)
]


@pytest.fixture
def oil_dump(tmp_path: Path) -> Path:
    path = write_jsonl(tmp_path / "oil.jsonl", ARTICLES)
    assert main(["index", str(path)]) == 0
    return path


def first_line_then_close(*args: str) -> tuple[str, int, str]:
    """``tuireader ARGS | head -1``: the first line, then the pipe is closed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tuireader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = process.stdout.readline().decode()
        process.stdout.close()
        err = process.stderr.read().decode()
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return first, code, err


@pytest.mark.parametrize(
    "args",
    [
        ["search", "oil", "--limit", "500"],
        ["search", "oil", "--limit", "500", "--json"],
        ["export", "oil"],
        ["export", "oil", "--format", "md"],
    ],
    ids=["search", "search-json", "export", "export-md"],
)
def test_a_closed_pipe_ends_the_command_quietly(oil_dump, args):
    first, code, err = first_line_then_close(*args, "--corpus", str(oil_dump))
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err
    assert err == ""
    assert code == PIPE_CLOSED


def test_annotate_into_a_closed_pipe(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03}.txt").write_text(
            f"Story {i}\n\n" + '"The market is calm," said Dmitry Peskov in Moscow. ' * 20,
            encoding="utf-8",
        )
    first, code, err = first_line_then_close("annotate", "--json", str(folder))
    assert first.startswith("{")
    assert err == "" and code == PIPE_CLOSED


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    "args",
    [["corpora"], ["config", "--path"], ["completion", "bash"], ["search", "Sasse"]],
    ids=["corpora", "config", "completion", "search-small"],
)
def test_every_printing_command_survives_a_closed_pipe(args, monkeypatch, capsys, news_folder):
    assert main(["index", str(news_folder)]) == 0  # `corpora` has a line to print
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(args) == PIPE_CLOSED
    assert "Traceback" not in capsys.readouterr().err


def test_search_without_a_match_exits_1_like_grep(sample_corpus, capsys):
    assert main(["search", "zanzibarquux", "--corpus", str(sample_corpus)]) == 1
    assert capsys.readouterr().out.startswith("0 of 2 articles match")
    assert main(["search", "zanzibarquux", "--corpus", str(sample_corpus), "--json"]) == 1
    assert capsys.readouterr().out == ""
    assert main(["search", "Sasse", "--corpus", str(sample_corpus)]) == 0
    assert main(["search", "the", "--corpus", str(sample_corpus)]) == 2  # an error stays 2


def test_unreadable_items_are_counted_on_stderr(tmp_path, capsys):
    """A binary file named .jsonl: the app says its lines could not be read; so does the CLI."""
    dump = tmp_path / "binary.jsonl"
    dump.write_bytes(bytes(range(256)) * 4 + b"\n" + b"\x00\xff\n" * 30)
    good = write_jsonl(tmp_path / "good.jsonl", ARTICLES[:2])
    assert main(["search", "oil", "--corpus", str(dump), "--corpus", str(good)]) == 0
    err = capsys.readouterr().err
    head, *lines = err.splitlines()
    assert head.startswith("skipped ") and "could not be read" in head
    count = int(head.split()[1].replace(",", ""))
    assert count > 20
    listed = [line for line in lines if line.startswith(f"  {dump}")]
    assert len(listed) == 20 and "bad JSON" in listed[0]
    assert f"and {count - 20:,} more (all of them: tuireader search --skipped)" in err

    assert main(["search", "oil", "--corpus", str(dump), "--corpus", str(good), "--skipped"]) == 0
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if line.startswith(f"  {dump}")]) == count
    assert "more" not in err

    assert main(["export", "oil", "--corpus", str(dump), "--corpus", str(good)]) == 0
    assert f"skipped {count:,} items" in capsys.readouterr().err
