"""The user's TOML configuration (read with tomllib)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, line and key."""


@dataclass
class Config:
    default_corpus: list[str] = field(default_factory=list)
    source: Path | None = None


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    config = Config(source=path)
    corpus = data.get("corpus", {})
    if not isinstance(corpus, dict):
        raise ConfigError(f"{path}, line {_line_of(text, 'corpus')}: [corpus] must be a table")
    default = corpus.get("default", [])
    if isinstance(default, str):
        default = [default]
    if not isinstance(default, list) or not all(isinstance(p, str) for p in default):
        raise ConfigError(
            f"{path}, line {_line_of(text, 'default')}: key corpus.default must be a path "
            "or a list of paths"
        )
    config.default_corpus = [str(Path(p).expanduser()) for p in default]
    return config


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith(key) or stripped.startswith(f"[{key}"):
            return number
    return 0
