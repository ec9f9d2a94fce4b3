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


ENTITY_BACKENDS = ("embedded", "spacy")
DEFAULT_SPACY_MODEL = "en_core_web_sm"


@dataclass
class Config:
    default_corpus: list[str] = field(default_factory=list)
    source: Path | None = None
    entities_backend: str = "embedded"  # [entities] backend: "embedded" or "spacy"
    entities_model: str = DEFAULT_SPACY_MODEL  # [entities] model: spaCy package name or folder


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
    _read_entities(path, text, data, config)
    return config


def _read_entities(path: Path, text: str, data: dict, config: Config) -> None:
    """The ``[entities]`` table: ``backend`` ("embedded" or "spacy") and ``model`` (spaCy)."""
    entities = data.get("entities", {})
    if not isinstance(entities, dict):
        line = _line_in_table(text, "entities", "")
        raise ConfigError(f"{path}, line {line}: [entities] must be a table")
    for key in entities:
        if key not in ("backend", "model"):
            raise ConfigError(
                f"{path}, line {_line_in_table(text, 'entities', key)}: unknown key "
                f"entities.{key} (known: backend, model)"
            )
    backend = entities.get("backend", "embedded")
    if backend not in ENTITY_BACKENDS:
        raise ConfigError(
            f"{path}, line {_line_in_table(text, 'entities', 'backend')}: key entities.backend "
            f'must be "embedded" or "spacy", not {backend!r}'
        )
    model = entities.get("model", DEFAULT_SPACY_MODEL)
    if not isinstance(model, str) or not model.strip():
        raise ConfigError(
            f"{path}, line {_line_in_table(text, 'entities', 'model')}: key entities.model must "
            "be a spaCy package name or the path of a saved pipeline"
        )
    config.entities_backend = backend
    config.entities_model = model.strip()


def _line_in_table(text: str, table: str, key: str) -> int:
    """The line of ``key`` in ``[table]`` (or of ``table.key``), else of the table, else 0."""
    current = ""
    table_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            current = stripped.strip("[]").split("]")[0].strip()
            if current == table and not table_line:
                table_line = number
            continue
        name = stripped.split("=", 1)[0].strip().strip("\"'") if "=" in stripped else ""
        if not name:
            continue
        if (key and current == table and name == key) or (
            not current and name.replace(" ", "") in (f"{table}.{key}", table)
        ):
            return number
        if not current and name.replace(" ", "").startswith(f"{table}.") and not table_line:
            table_line = number
    return table_line


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith(key) or stripped.startswith(f"[{key}"):
            return number
    return 0
