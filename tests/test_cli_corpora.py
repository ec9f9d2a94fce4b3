"""``tuireader corpora``: the corpora the reader opened, most recent first."""

from __future__ import annotations

import subprocess
import sys
import time

from tests.conftest import write_jsonl
from tuireader.cli import main
from tuireader.core.user.corpora import KnownCorpora

RECORDS = [
    {"id": "a", "title": "Storm hits coast", "text": "The storm hit."},
    {"id": "b", "title": "Budget vote", "text": "The senate voted."},
]


def test_corpora_lists_name_count_last_opened_and_paths(tmp_path, news_folder, capsys):
    wires = write_jsonl(tmp_path / "wires.jsonl", RECORDS)
    gone = tmp_path / "gone"
    gone.mkdir()
    assert main(["index", str(news_folder)]) == 0  # indexed: the count is known
    capsys.readouterr()
    known = KnownCorpora()
    when = time.mktime((2024, 5, 1, 14, 3, 0, 0, 0, -1))
    known.remember([str(gone)], "gone", when=when - 60)
    known.remember([str(wires.resolve())], "wires.jsonl\x1b[2J", when=when)
    known.remember([str(news_folder.resolve())], "news", when=when + 60)
    gone.rmdir()

    assert main(["corpora"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "news · 3 articles · last opened 2024-05-01 14:04",
        f"  {news_folder.resolve()}",
        "wires.jsonl\\x1b[2J · not indexed · last opened 2024-05-01 14:03",
        f"  {wires.resolve()}",
        "gone · missing · last opened 2024-05-01 14:02",
        f"  {gone}  (missing)",
    ]


def test_no_corpora_yet(capsys):
    assert main(["corpora"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no corpora opened yet" in captured.err


def test_a_damaged_list_is_reported_and_set_aside(capsys):
    known = KnownCorpora()
    known.path.parent.mkdir(parents=True, exist_ok=True)
    known.path.write_text("{not json", encoding="utf-8")
    assert main(["corpora"]) == 0
    err = capsys.readouterr().err
    assert "unreadable" in err and "corpora.json.corrupt-1" in err
    assert not known.path.exists()


def test_corpora_does_not_import_the_ui(tmp_path):
    code = (
        "import sys\n"
        "from tuireader.cli import main\n"
        "main(['corpora'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_help_mentions_corpora():
    help_text = subprocess.run(
        [sys.executable, "-m", "tuireader", "--help"], capture_output=True, text=True
    ).stdout
    assert "tuireader corpora" in help_text and "Switch corpus" in help_text
