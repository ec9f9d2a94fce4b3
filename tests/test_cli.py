import json
import os
import subprocess
import sys

import pytest

from tuireader import __version__, cli
from tuireader.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tuireader", *args], capture_output=True, text=True, timeout=120
    )


def test_search_json_lists_both_sample_articles(sample_corpus, capsys):
    assert main(["search", "Guccifer", "--corpus", str(sample_corpus), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    assert {r["rank"] for r in lines} == {1, 2}
    assert all(r["score"] > 0 and r["location"].endswith(".txt") for r in lines)
    titles = {r["title"] for r in lines}
    assert "U.S. Officially Accuses Russian Government Of Perpetrating DNC Email Hack" in titles


def test_search_defaults_to_the_sample_corpus(capsys):
    assert main(["search", "Sasse"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 of 2 articles match")
    assert "score" in out


def test_search_while_another_process_indexes_says_so(tmp_path, capsys):
    from tuireader.core.cache.corpus import Corpus
    from tuireader.core.cache.sync import sync_lock

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Harbour cranes\n\nShips and cranes.\n")
    with sync_lock(Corpus([tmp_path / "news"])):  # another process's first build
        # Nothing committed yet: no hit, so exit 1 like grep.
        assert main(["search", "cranes", "--corpus", str(tmp_path / "news")]) == 1
    captured = capsys.readouterr()
    assert "being indexed by another process" in captured.err
    assert "0 articles it has committed so far" in captured.err
    assert main(["search", "cranes", "--corpus", str(tmp_path / "news")]) == 0
    captured = capsys.readouterr()
    assert "another process" not in captured.err and "1 of 1" in captured.out


def test_search_limit(sample_corpus, capsys):
    assert main(["search", "russia", "--corpus", str(sample_corpus), "--limit", "1"]) == 0
    assert "  2." not in capsys.readouterr().out


def test_bad_query_is_a_one_line_error(sample_corpus, capsys):
    assert main(["search", "the", "--corpus", str(sample_corpus)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tuireader: ") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["search", "x", "--corpus"], ["index"], []])
def test_missing_path_exits_2_without_traceback(tmp_path, command):
    result = run(*command, str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"tuireader: no such file or folder: {tmp_path / 'nope'}"


def test_unreadable_path_exits_2(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        if os.access(folder, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        result = run(str(folder))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_index_command_reports_counts(news_folder):
    result = run("index", str(news_folder))
    assert result.returncode == 0, result.stderr
    assert "3 articles (3 added" in result.stdout
    again = run("index", str(news_folder))
    assert "3 articles (0 added, 0 updated, 0 removed)" in again.stdout


def test_version_and_help():
    assert run("--version").stdout.strip() == f"tuireader {__version__}"
    help_text = run("--help").stdout
    for word in ("index", "search", ".jsonl.gz", "--corpus"):
        assert word in help_text


def test_wheel_ships_the_sample_corpus(tmp_path):
    pytest.importorskip("hatchling")
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    import zipfile

    (wheel,) = tmp_path.glob("tuireader-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    samples = sorted(n for n in names if n.startswith("tuireader/_sample_corpus/"))
    assert [n.rsplit("/", 1)[1] for n in samples] == [
        "000_add3ad1c5d6f6f1d.txt",
        "004_592b83a0605297e4.txt",
    ]
    # PEP 639 licence metadata, the licence text itself, and the Python it needs
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "License-Expression: MIT" in meta.splitlines()
    assert "Requires-Python: >=3.11" in meta.splitlines()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "Classifier: Environment :: Console" in meta


def test_a_crash_of_the_reader_is_a_failing_exit_code(sample_corpus, monkeypatch):
    import tuireader.ui.app as ui_app

    class Crashing:
        return_code = None

        def __init__(self, corpus):
            pass

        def run(self):
            self.return_code = 1  # what Textual sets after printing a traceback
            return None

        def release(self):
            pass

    monkeypatch.setattr(ui_app, "ReaderApp", Crashing)
    monkeypatch.setattr(cli, "not_a_terminal", lambda: None)  # as if run in a terminal
    assert main([str(sample_corpus)]) == 1


@pytest.mark.parametrize(("preset", "expected"), [(None, "240"), ("30", "30")])
def test_the_reader_draws_up_to_240_frames_a_second_unless_textual_fps_says(
    sample_corpus, monkeypatch, preset, expected
):
    """A keypress during a search is drawn within a 60 Hz frame on Textual's 240 Hz grid
    (benchmarks/README.md); a TEXTUAL_FPS the user set is kept."""
    import tuireader.ui.app as ui_app

    seen = []

    class Recording:
        return_code = 0

        def __init__(self, corpus):
            seen.append(os.environ.get("TEXTUAL_FPS"))

        def run(self):
            return None

        def release(self):
            pass

    if preset is None:
        monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    else:
        monkeypatch.setenv("TEXTUAL_FPS", preset)
    monkeypatch.setattr(ui_app, "ReaderApp", Recording)
    monkeypatch.setattr(cli, "not_a_terminal", lambda: None)  # as if run in a terminal
    assert main([str(sample_corpus)]) == 0
    assert seen == [expected]


@pytest.mark.parametrize("command", ["search", "export"])
def test_a_damaged_user_database_is_reported(sample_corpus, capsys, command):
    from tuireader.core.base import paths

    path = paths.data_dir() / "userdata.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 100)
    assert main([command, "is:unread", "--corpus", str(sample_corpus)]) == 0
    err = capsys.readouterr().err
    assert f"User data {path} was damaged" in err and "userdata.sqlite.corrupt-1" in err


def test_the_commands_use_the_configured_entity_backend_like_the_reader(sample_corpus, capsys):
    """search, index and export open the index with the entity backend the reader uses (an
    index opened with another backend's name has its annotation fields made again): one that
    cannot be loaded is said, and the embedded recognizer used, as in the reader."""
    from tuireader.core.base import paths

    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[entities]\nbackend = "spacy"\nmodel = "no_such_model_here"\n')
    assert main(["search", "kremlin", "--corpus", str(sample_corpus)]) == 0
    err = capsys.readouterr().err
    assert err.count("using the embedded entity recognizer") == 1, err
