"""Shared fixtures: every test gets its own platformdirs locations, so nothing touches ~."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the XDG dirs (used by platformdirs on Linux) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    return home


@pytest.fixture
def sample_corpus() -> Path:
    return SAMPLE


def write_jsonl(path: Path, records: list[dict], compress: bool = False) -> Path:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


@pytest.fixture
def news_folder(tmp_path: Path) -> Path:
    """A small folder corpus: nested folders, a headline article and one without."""
    root = tmp_path / "news"
    (root / "2016" / "oct").mkdir(parents=True)
    (root / "2016" / "oct" / "hack.txt").write_text(
        "Kremlin Denies Hacking Claims\n\nMoscow rejected the accusation on Friday. "
        "Officials said the hacking claims were rubbish.\n\nA second paragraph follows.\n",
        encoding="utf-8",
    )
    (root / "2016" / "budget.md").write_text(
        "# Senate Passes Budget\n\nThe Senate passed the budget late on Thursday.\n",
        encoding="utf-8",
    )
    (root / "noheadline.txt").write_text(
        "The storm that hit the coast overnight left thousands of homes without power and "
        "closed the main highway for most of the morning, officials said.\n"
        "Crews worked through the day.\n",
        encoding="utf-8",
    )
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    return root
