"""Where tuireader keeps its files, from platformdirs (tests point XDG_* at a temp dir)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "tuireader"


def cache_dir() -> Path:
    """Indexes and metadata stores, one folder per corpus: safe to delete."""
    return Path(platformdirs.user_cache_dir(APP))


def data_dir() -> Path:
    """User state: last open article, history, read marks."""
    return Path(platformdirs.user_data_dir(APP))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP))


def config_file() -> Path:
    return config_dir() / "config.toml"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP))


def bundled_corpus() -> Path:
    """The sample corpus: inside the installed package, or ``corpus/`` in a source checkout."""
    package = Path(__file__).resolve().parents[2]
    shipped = package / "_sample_corpus"
    if shipped.is_dir():
        return shipped
    return package.parent / "corpus"
