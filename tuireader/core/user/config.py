"""The user's TOML configuration (read with tomllib)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tuireader.core.base import paths
from tuireader.core.base.atomic import set_aside, write_atomic
from tuireader.core.base.localtime import zone_problem
from tuireader.core.user.layout import ARRANGEMENTS, MIN_COLUMNS, MIN_ROWS, parse_extent


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, line and key."""


class ConfigReplaced(ConfigError):
    """A corrupted config file (not UTF-8, not TOML): kept aside and replaced by the commented
    defaults, so that the next start is clean; the message names the file, line and backup."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup


ENTITY_BACKENDS = ("embedded", "spacy")
SEARCH_ENGINES = ("whoosh", "tantivy")
DEFAULT_SPACY_MODEL = "en_core_web_sm"
MARK_READ = ("open", "never")
TOP_LEVEL = ("corpus", "entities", "search", "reading", "layout", "colours", "keys", "theme")
COLOUR_KEYS = ("person", "org", "place", "misc", "quote", "speaker", "hit")
MIN_READING_WIDTH = 20
# A colour as Textual or Rich names it ("dark_orange", "ansi_red", "teal") or "#rgb"/"#rrggbb";
# the UI checks that the name exists (the core knows no colour names).
_COLOUR = re.compile(r"^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z][A-Za-z0-9_]*)$")
# strftime directives (C89, C99 and glibc), with glibc's padding flags ("%-d").
_DATE_DIRECTIVE = re.compile(r"%([-_0^#]?)(.|$)", re.DOTALL)
_DATE_LETTERS = set("aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%+fEO")
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
# When an article counts as read: "open" (when you open it) or "never" (only with m).
# mark_read = "open"
# How dates are shown in the list and the reading pane (a strftime format). Unset, the list
# shows 2016-10-03 and the reading pane Mon 03 Oct 2016 14:05.
# date_format = "%d %b %Y"
# The time zone dates are shown in (they are stored in UTC): "local" (this machine's) or a
# name such as "Europe/Berlin" or "UTC". A date without a time stays on its day.
# timezone = "local"

[layout]
# The list pane's width beside the reading pane: a percentage or a number of columns.
# list_width = "42%"
# The list pane's height above the reading pane (stacked): a percentage or a number of rows.
# list_height = "40%"
# "side-by-side" (list left, reading pane right) or "stacked" (list above the reading pane).
# arrangement = "side-by-side"
# The longest line of article text, in columns (0: as wide as the pane).
# reading_width = 100
# < and > resize the list, z hides it (focus mode), v switches the arrangement; what you choose
# is remembered until these settings are changed.

[colours]
# Highlight colours in the reading pane: a colour name (Textual or Rich: "teal", "dark_orange",
# "ansi_red") or hex ("#d33682"). person, org, place, misc and speaker colour the text; quote
# and hit (search and find matches) are backgrounds. Spelt [colours], not [colors].
# person = "green"
# org = "#5f87d7"
# place = "dark_orange"
# misc = "purple"
# speaker = "teal"
# quote = "#3a3a5a"
# hit = "yellow"

[entities]
# backend = "embedded"       # or "spacy" (pip install 'tuireader[spacy]' and a model)
# model = "en_core_web_sm"   # spaCy model: a package name or the folder of a saved pipeline

[search]
# engine = "whoosh"          # or "tantivy" for big corpora (pip install 'tuireader[tantivy]');
#                            # switching rebuilds a corpus's index, marks/tags/notes are kept

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
    search_engine: str | None = None  # [search] engine: "whoosh" or "tantivy" (None: default)
    mark_read: str = "open"  # [reading] mark_read: "open" or "never"
    keys: dict[str, str] = field(default_factory=dict)  # [keys] binding id -> keys
    theme: str | None = None  # theme: a Textual theme name
    date_format: str | None = None  # [reading] date_format (None: the built-in formats)
    timezone: str = "local"  # [reading] timezone: "local" or a zone name ("Europe/Berlin")
    list_width: str = "42%"  # [layout] list_width: "42%" or columns ("60")
    list_height: str = "40%"  # [layout] list_height (stacked): "40%" or rows ("12")
    arrangement: str = "side-by-side"  # [layout] arrangement: "side-by-side" or "stacked"
    reading_width: int = 100  # [layout] reading_width: longest text line (0: no cap)
    colours: dict[str, str] = field(default_factory=dict)  # [colours] entity type -> colour
    text: str = ""  # the file's text, to find the line of a key

    def where(self, table: str, key: str) -> str:
        """The file and line of a key in a table, for messages about a value refused later
        (e.g. an unknown binding id): "FILE, line N"."""
        line = _line_in_table(self.text, table, key) if self.text else 0
        return f"{self.source}, line {line}" if line else f"{self.source}"


def load_config(
    path: Path | None = None, problems: list[str] | None = None, keep_file: bool = False
) -> Config:
    """Read the config file; a missing file gives the defaults.

    The first mistake raises ConfigError, unless ``problems`` is given: then every mistake is
    appended to it and the keys that are right are used. A file that is not TOML or not UTF-8
    is set aside and replaced by the defaults, unless ``keep_file`` (a check must not move it).
    """
    path = path or paths.config_file()
    collect = problems is not None
    problems = [] if problems is None else problems
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    import tomllib  # here: without a config file the reader starts without it

    try:
        text = raw.decode("utf-8-sig")  # an editor's byte order mark is fine
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw.count(b"\n", 0, at) + 1
        if keep_file:
            return _failed(problems, collect, f"{path}, line {line}: not UTF-8 (byte {at:,})")
        raise replace_corrupt_config(path, line, f"not UTF-8 (byte {at:,})") from exc
    except tomllib.TOMLDecodeError as exc:
        line, reason = _toml_error(exc, text)
        if keep_file:
            return _failed(problems, collect, f"{path}, line {line}: not valid TOML ({reason})")
        raise replace_corrupt_config(path, line, f"not valid TOML ({reason})") from exc
    except RecursionError as exc:  # tomllib recurses once per nested array or table
        line = text.count("\n", 0, _deep_nesting_start(text)) + 1
        raise replace_corrupt_config(path, line, "not valid TOML (nested too deeply)") from exc
    config = Config(source=path, text=text)
    _read_all(path, text, data, config, problems)
    if problems and not collect:
        error = ConfigError(problems[0])
        error.problems = problems
        raise error
    return config


def _failed(problems: list[str], collect: bool, message: str) -> Config:
    """The defaults after a file that cannot be read at all (kept where it is)."""
    if not collect:
        raise ConfigError(message)
    problems.append(message)
    return Config()


def _read_all(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    corpus = data.get("corpus", {})
    if not isinstance(corpus, dict):
        problems.append(f"{path}, line {_line_of(text, 'corpus')}: [corpus] must be a table")
        corpus = {}
    default = corpus.get("default", [])
    if isinstance(default, str):
        default = [default]
    if not isinstance(default, list) or not all(isinstance(p, str) for p in default):
        problems.append(
            f"{path}, line {_line_of(text, 'default')}: key corpus.default must be a path "
            "or a list of paths"
        )
    else:
        config.default_corpus = [str(Path(p).expanduser()) for p in default]
    _read_entities(path, text, data, config, problems)
    _read_search(path, text, data, config, problems)
    for key in data:
        if key not in TOP_LEVEL:
            line = _line_in_table(text, key, "") or _line_of(text, key)
            hint = (
                "; the table is spelt [colours]"
                if key == "colors"
                else did_you_mean(key, TOP_LEVEL)
            )
            problems.append(
                f"{path}, line {line}: unknown key {key}{hint} (known: {', '.join(TOP_LEVEL)})"
            )
    if isinstance(corpus, dict) and data.get("corpus") is not None:
        _table(path, text, data, "corpus", ("default",), problems)
    _read_reading(path, text, data, config, problems)
    _read_layout(path, text, data, config, problems)
    _read_colours(path, text, data, config, problems)
    _read_keys(path, text, data, config, problems)
    theme = data.get("theme")
    if theme is not None:
        if not isinstance(theme, str) or not theme.strip():
            problems.append(
                f"{path}, line {_line_of(text, 'theme')}: key theme must be a theme name, "
                'e.g. "textual-light"'
            )
        else:
            config.theme = theme.strip()


def did_you_mean(word: str, known: Collection[str]) -> str:
    """ "; did you mean 'x'?" for the known name closest to a misspelt one, else ""."""
    import difflib  # only for a mistake

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_config(
    path: Path | None = None,
    themes: Collection[str] = (),
    binding_ids: Collection[str] = (),
    colour_hint: Callable[[str], str | None] | None = None,
) -> list[str]:
    """Every mistake in the config file, each with the file, line and key; never moves the file.

    Names the core does not know are checked when given: ``themes`` and ``binding_ids`` (the
    UI's), and ``colour_hint(name)``: None when the colour exists, else a hint ("" or a
    "did you mean").
    """
    path = path or paths.config_file()
    problems: list[str] = []
    config = load_config(path, problems=problems, keep_file=True)
    if config.source is None:  # missing or unreadable
        return problems
    if themes and config.theme and config.theme not in themes:
        problems.append(
            f"{config.where('', 'theme')}: unknown theme {config.theme!r}"
            f"{did_you_mean(config.theme, themes)} (Ctrl+P, Change theme lists them)"
        )
    if colour_hint is not None:
        for key, name in config.colours.items():
            hint = colour_hint(name)
            if hint is not None:
                problems.append(
                    f"{config.where('colours', key)}: key colours.{key}: unknown colour "
                    f'{name!r}{hint} (a name such as "teal" or hex "#d33682")'
                )
    if binding_ids:
        for binding_id in config.keys:
            if binding_id not in binding_ids:
                problems.append(
                    f"{config.where('keys', binding_id)}: unknown binding id "
                    f'keys."{binding_id}"{did_you_mean(binding_id, binding_ids)} '
                    "(the help screen, ?, lists the ids)"
                )
    return sorted(problems, key=_line_number)


def _line_number(message: str) -> int:
    found = re.search(r", line (\d+): ", message)
    return int(found.group(1)) if found else 0


def _table(
    path: Path, text: str, data: dict, name: str, known: tuple[str, ...], problems: list[str]
) -> dict:
    """The table ``name`` without its unknown keys (each one a problem)."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        line = _line_in_table(text, name, "") or _line_of(text, name)
        problems.append(f"{path}, line {line}: [{name}] must be a table")
        return {}
    kept = {}
    for key, value in table.items():
        if known and key not in known:
            problems.append(
                f"{path}, line {_line_in_table(text, name, key)}: unknown key {name}.{key}"
                f"{did_you_mean(key, known)} (known: {', '.join(known)})"
            )
        else:
            kept[key] = value
    return kept


def _read_reading(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[reading]`` table: ``mark_read`` ("open" or "never"), ``date_format``."""
    reading = _table(
        path, text, data, "reading", ("mark_read", "date_format", "timezone"), problems
    )
    mark_read = reading.get("mark_read", "open")
    if mark_read not in MARK_READ:
        problems.append(
            f"{path}, line {_line_in_table(text, 'reading', 'mark_read')}: key reading.mark_read "
            f'must be "open" or "never", not {mark_read!r}'
            + (did_you_mean(mark_read, MARK_READ) if isinstance(mark_read, str) else "")
        )
    else:
        config.mark_read = mark_read
    if "date_format" in reading:
        date_format = reading["date_format"]
        problem = _date_format_problem(date_format)
        if problem:
            problems.append(
                f"{path}, line {_line_in_table(text, 'reading', 'date_format')}: key "
                f'reading.date_format {problem} (e.g. "%Y-%m-%d", "%d %b %Y %H:%M")'
            )
        else:
            config.date_format = date_format
    if "timezone" in reading:
        problem = zone_problem(reading["timezone"])
        if problem:
            problems.append(
                f"{path}, line {_line_in_table(text, 'reading', 'timezone')}: key "
                f'reading.timezone {problem} (e.g. "local", "UTC", "Europe/Berlin")'
            )
        else:
            config.timezone = reading["timezone"].strip()


def _date_format_problem(value: object) -> str:
    """Why a value is not a usable strftime format ("" when it is one)."""
    if not isinstance(value, str) or not value.strip():
        return "must be a strftime format"
    directives = _DATE_DIRECTIVE.findall(value)
    for _flag, letter in directives:
        if not letter:
            return "ends with a lone %"
        if letter not in _DATE_LETTERS:
            return f"has {'%' + letter!r}, which is not a strftime directive"
    if not any(letter != "%" for _flag, letter in directives):
        return f"must have a directive such as %Y or %d, not {value!r}"
    try:
        datetime(2016, 10, 3, 14, 5).strftime(value)
    except (ValueError, UnicodeError) as exc:
        return f"cannot be used: {exc}"
    return ""


def _read_layout(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[layout]`` table: ``list_width``, ``list_height``, ``arrangement``,
    ``reading_width``."""
    known = ("list_width", "list_height", "arrangement", "reading_width")
    layout = _table(path, text, data, "layout", known, problems)

    def fail(key: str, problem: str) -> None:
        line = _line_in_table(text, "layout", key)
        problems.append(f"{path}, line {line}: key layout.{key} {problem}")

    for key, minimum, unit in (
        ("list_width", MIN_COLUMNS, "columns"),
        ("list_height", MIN_ROWS, "rows"),
    ):
        if key in layout:
            try:
                setattr(config, key, str(parse_extent(layout[key], minimum, unit)))
            except ValueError as exc:
                fail(key, str(exc))
    arrangement = layout.get("arrangement", config.arrangement)
    if arrangement not in ARRANGEMENTS:
        hint = did_you_mean(arrangement, ARRANGEMENTS) if isinstance(arrangement, str) else ""
        fail("arrangement", f'must be "side-by-side" or "stacked", not {arrangement!r}{hint}')
    else:
        config.arrangement = arrangement
    width = layout.get("reading_width", config.reading_width)
    if (
        isinstance(width, bool)
        or not isinstance(width, int)
        or (width != 0 and width < MIN_READING_WIDTH)
    ):
        fail(
            "reading_width",
            f"must be a number of columns of at least {MIN_READING_WIDTH}, or 0 for no limit, "
            f"not {width!r}",
        )
    else:
        config.reading_width = width


def _read_colours(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[colours]`` table: entity type -> colour name or hex (names are checked by the
    app, which knows them; see ``Config.where``)."""
    colours = _table(path, text, data, "colours", COLOUR_KEYS, problems)
    for key, value in colours.items():
        if not isinstance(value, str) or not _COLOUR.match(value.strip()):
            problems.append(
                f"{path}, line {_line_in_table(text, 'colours', key)}: key colours.{key} must "
                f'be a colour name or hex, such as "teal" or "#d33682", not {value!r}'
            )
        else:
            config.colours[key] = value.strip()


def _read_keys(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[keys]`` table: binding id -> keys (comma separated). The ids are checked by the
    app, which knows its bindings (see ``Config.where``)."""
    keys = _flatten(_table(path, text, data, "keys", (), problems))
    for binding_id, value in keys.items():
        line = _line_in_table(text, "keys", binding_id) or _line_in_table(
            text, "keys", binding_id.rsplit(".", 1)[-1]
        )
        if not isinstance(value, str) or not value.strip():
            problems.append(
                f'{path}, line {line}: key keys."{binding_id}" must be a key name such as '
                '"ctrl+n" (several separated by commas)'
            )
            continue
        names = [k.strip() for k in value.split(",")]
        bad = [k for k in names if not _KEY_NAME.match(k)]
        if bad:
            problems.append(
                f'{path}, line {line}: key keys."{binding_id}": {bad[0]!r} is not a key name '
                '(examples: "ctrl+n", "j", "G", "slash", "question_mark", "f5")'
            )
            continue
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


def _read_entities(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[entities]`` table: ``backend`` ("embedded" or "spacy") and ``model`` (spaCy)."""
    entities = _table(path, text, data, "entities", ("backend", "model"), problems)
    backend = entities.get("backend", "embedded")
    if backend not in ENTITY_BACKENDS:
        hint = did_you_mean(backend, ENTITY_BACKENDS) if isinstance(backend, str) else ""
        problems.append(
            f"{path}, line {_line_in_table(text, 'entities', 'backend')}: key entities.backend "
            f'must be "embedded" or "spacy", not {backend!r}{hint}'
        )
    else:
        config.entities_backend = backend
    model = entities.get("model", DEFAULT_SPACY_MODEL)
    if not isinstance(model, str) or not model.strip():
        problems.append(
            f"{path}, line {_line_in_table(text, 'entities', 'model')}: key entities.model must "
            "be a spaCy package name or the path of a saved pipeline"
        )
    else:
        config.entities_model = model.strip()


def _read_search(path: Path, text: str, data: dict, config: Config, problems: list[str]) -> None:
    """The ``[search]`` table: ``engine`` ("whoosh" or "tantivy")."""
    search = _table(path, text, data, "search", ("engine",), problems)
    engine = search.get("engine")
    if engine is None:
        return
    if engine not in SEARCH_ENGINES:
        hint = did_you_mean(engine, SEARCH_ENGINES) if isinstance(engine, str) else ""
        problems.append(
            f"{path}, line {_line_in_table(text, 'search', 'engine')}: key search.engine "
            f'must be "whoosh" or "tantivy", not {engine!r}{hint}'
        )
    else:
        config.search_engine = engine


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


# Messages about config files replaced in this process, for the app to show: the command line
# reports the first, but the reader's screen would hide it.
_replaced: list[str] = []


def replace_corrupt_config(path: Path, line: int, reason: str) -> ConfigReplaced:
    """Keep a corrupted config file aside (config.toml.corrupt-N) and write the commented
    defaults in its place; returns the error to raise, naming the file, line and backup."""
    where = f"{path}, line {line}: {reason}"
    backup: Path | None = None
    try:
        backup = set_aside(path)
        write_atomic(path, DEFAULT_CONFIG)
        message = f"{where}; kept as {backup} and replaced by the commented defaults"
    except OSError as exc:
        kept = f"kept as {backup}" if backup else "left in place"
        message = f"{where}; {kept}, using the defaults ({exc.strerror or exc})"
    _replaced.append(message)
    return ConfigReplaced(message, backup)


def take_replaced_notices() -> list[str]:
    """The messages of config files replaced in this process since the last call."""
    notices = list(_replaced)
    _replaced.clear()
    return notices


def _deep_nesting_start(text: str) -> int:
    """Where a long run of opening brackets starts (what made tomllib recurse too deeply),
    else 0."""
    found = re.search(r"[\[{](?:\s*[\[{]){99}", text)
    return found.start() if found else 0


def _toml_error(exc: Exception, text: str) -> tuple[int, str]:
    """The line and the reason of a tomllib error ("Invalid value (at line 3, column 5)")."""
    message = str(exc)
    found = re.search(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$", message)
    if not found:
        return getattr(exc, "lineno", 0) or 1, message
    line = int(found.group(1)) if found.group(1) else text.count("\n") + 1
    return line, message[: found.start()]
