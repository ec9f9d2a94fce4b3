"""Shared fixtures: every test gets its own platformdirs locations, so nothing touches ~.

HOME and the XDG dirs point at a temporary root for the whole session from the moment this file
is imported (before any fixture, even a module-scoped one, runs); each test then gets fresh dirs
of its own under it. At the end, the session fails if the real tuireader dirs changed.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "corpus"
XDG_DIRS = (
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
)


def _real_app_dirs() -> list[Path]:
    """Where tuireader would write for the real user (read before the environment changes)."""
    home = Path(os.environ.get("HOME") or Path.home())
    defaults = {
        "cache": ".cache",
        "data": ".local/share",
        "config": ".config",
        "state": ".local/state",
    }
    found = [
        Path(os.environ.get(var) or home / defaults[sub]) / "tuireader" for var, sub in XDG_DIRS
    ]
    return found + [home / "Documents" / "tuireader"]


def _snapshot(folders: list[Path]) -> dict[str, float]:
    """Every file and folder under ``folders`` with its mtime."""
    seen: dict[str, float] = {}
    for folder in folders:
        if not folder.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in [*dirnames, *filenames, ""]:
                path = os.path.join(dirpath, name)
                with contextlib.suppress(OSError):  # gone meanwhile
                    seen[path] = os.lstat(path).st_mtime
    return seen


REAL_APP_DIRS = _real_app_dirs()
_BEFORE = _snapshot(REAL_APP_DIRS)
SANDBOX = Path(tempfile.mkdtemp(prefix="tuireader-tests-"))
os.environ["HOME"] = str(SANDBOX / "home")
for _var, _sub in XDG_DIRS:
    os.environ[_var] = str(SANDBOX / "session" / _sub)
(SANDBOX / "home").mkdir()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    changed = sorted(set(_snapshot(REAL_APP_DIRS).items()) ^ set(_BEFORE.items()))
    if changed:
        paths = sorted({path for path, _mtime in changed})
        print(f"\nthe tests wrote under the real home: {', '.join(paths[:10])}")
        session.exitstatus = 1
    shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the XDG dirs (used by platformdirs on Linux) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in XDG_DIRS:
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
    (root / "notes.odt").write_bytes(b"PK\x03\x04 not an article")
    return root
