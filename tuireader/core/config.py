"""The user's TOML configuration (read with tomllib)."""

from __future__ import annotations

import re
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
MARK_READ = ("open", "never")
TOP_LEVEL = ("corpus", "entities", "reading", "keys", "theme")
# A key as Textual names it: "ctrl+n", "j", "G", "f5", "slash", "question_mark".
_KEY_NAME = re.compile(r"^((ctrl|shift|alt|meta|super|hyper)\+)*([A-Za-z0-9]|[a-z][a-z0-9_]+)$")

DEFAULT_CONFIG = """\
# tuireader configuration (TOML). Every setting is optional; remove the # to use one.
# Errors are reported with this file's name, the line and the key.

# The theme to start with (a Textual theme: textual-dark, textual-light, nord, gruvbox,
# tokyo-night, solarized-light, ...). A theme chosen later in the palette (Ctrl+P, "Change
# theme") is remembered and wins until this setting is changed.
# theme = "textual-dark"

[corpus]
# What `tuireader` opens with no argument: a path or a list of paths.
# default = ["~/news"]

[reading]
# When an article counts as read: "open" (when it is shown) or "never" (only with m).
# mark_read = "open"

[entities]
# backend = "embedded"       # or "spacy" (pip install 'tuireader[spacy]' and a model)
# model = "en_core_web_sm"   # spaCy model: a package name or the folder of a saved pipeline

[keys]
# Rebind any key by its binding id (the help screen, ?, lists the ids); several keys are
# separated by commas. Key names are Textual's: "ctrl+n", "j", "G", "slash", "f5".
# "app.next" = "ctrl+n,right_square_bracket"
# "app.star" = "S"
"""


@dataclass
class Config:
    default_corpus: list[str] = field(default_factory=list)
    source: Path | None = None
    entities_backend: str = "embedded"  # [entities] backend: "embedded" or "spacy"
    entities_model: str = DEFAULT_SPACY_MODEL  # [entities] model: spaCy package name or folder
    mark_read: str = "open"  # [reading] mark_read: "open" or "never"
    keys: dict[str, str] = field(default_factory=dict)  # [keys] binding id -> keys
    theme: str | None = None  # theme: a Textual theme name
    text: str = ""  # the file's text, to find the line of a key

    def where(self, table: str, key: str) -> str:
        """The file and line of a key in a table, for messages about a value refused later
        (e.g. an unknown binding id): "FILE, line N"."""
        line = _line_in_table(self.text, table, key) if self.text else 0
        return f"{self.source}, line {line}" if line else f"{self.source}"


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
    config = Config(source=path, text=text)
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
    for key in data:
        if key not in TOP_LEVEL:
            line = _line_in_table(text, key, "") or _line_of(text, key)
            raise ConfigError(
                f"{path}, line {line}: unknown key {key} (known: {', '.join(TOP_LEVEL)})"
            )
    _table(path, text, data, "corpus", ("default",))
    _read_reading(path, text, data, config)
    _read_keys(path, text, data, config)
    theme = data.get("theme")
    if theme is not None:
        if not isinstance(theme, str) or not theme.strip():
            raise ConfigError(
                f"{path}, line {_line_of(text, 'theme')}: key theme must be a theme name, "
                'e.g. "textual-light"'
            )
        config.theme = theme.strip()
    return config


def _table(path: Path, text: str, data: dict, name: str, known: tuple[str, ...]) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        line = _line_in_table(text, name, "") or _line_of(text, name)
        raise ConfigError(f"{path}, line {line}: [{name}] must be a table")
    for key in table:
        if known and key not in known:
            raise ConfigError(
                f"{path}, line {_line_in_table(text, name, key)}: unknown key {name}.{key} "
                f"(known: {', '.join(known)})"
            )
    return table


def _read_reading(path: Path, text: str, data: dict, config: Config) -> None:
    """The ``[reading]`` table: ``mark_read`` ("open" or "never")."""
    reading = _table(path, text, data, "reading", ("mark_read",))
    mark_read = reading.get("mark_read", "open")
    if mark_read not in MARK_READ:
        raise ConfigError(
            f"{path}, line {_line_in_table(text, 'reading', 'mark_read')}: key reading.mark_read "
            f'must be "open" or "never", not {mark_read!r}'
        )
    config.mark_read = mark_read


def _read_keys(path: Path, text: str, data: dict, config: Config) -> None:
    """The ``[keys]`` table: binding id -> keys (comma separated). The ids are checked by the
    app, which knows its bindings (see ``Config.where``)."""
    keys = _flatten(_table(path, text, data, "keys", ()))
    for binding_id, value in keys.items():
        line = _line_in_table(text, "keys", binding_id) or _line_in_table(
            text, "keys", binding_id.rsplit(".", 1)[-1]
        )
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f'{path}, line {line}: key keys."{binding_id}" must be a key name such as '
                '"ctrl+n" (several separated by commas)'
            )
        names = [k.strip() for k in value.split(",")]
        bad = [k for k in names if not _KEY_NAME.match(k)]
        if bad:
            raise ConfigError(
                f'{path}, line {line}: key keys."{binding_id}": {bad[0]!r} is not a key name '
                '(examples: "ctrl+n", "j", "G", "slash", "question_mark", "f5")'
            )
        config.keys[binding_id] = ",".join(names)


def _flatten(table: dict, prefix: str = "") -> dict:
    """``app.next = "x"`` (a dotted TOML key) is the binding id "app.next", like the quoted
    ``"app.next" = "x"``."""
    flat: dict = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def write_default_config(path: Path | None = None) -> Path:
    """Write the commented default config; refuses (FileExistsError) to replace a file."""
    path = path or paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(DEFAULT_CONFIG)
    return path


def _read_entities(path: Path, text: str, data: dict, config: Config) -> None:
    """The ``[entities]`` table: ``backend`` ("embedded" or "spacy") and ``model`` (spaCy)."""
    entities = _table(path, text, data, "entities", ("backend", "model"))
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
