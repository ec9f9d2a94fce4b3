"""The config's [reading], [keys] and theme settings, errors naming file, line and key."""

from __future__ import annotations

import pytest

from tuireader.core.user.config import (
    DEFAULT_CONFIG,
    ConfigError,
    load_config,
    write_default_config,
)


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_reading_keys_and_theme(tmp_path):
    path = write(
        tmp_path,
        'theme = "textual-light"\n[reading]\nmark_read = "never"\n'
        '[keys]\n"app.next" = "ctrl+n, right_square_bracket"\napp.star = "S"\n',
    )
    config = load_config(path)
    assert config.theme == "textual-light"
    assert config.mark_read == "never"
    assert config.keys == {"app.next": "ctrl+n,right_square_bracket", "app.star": "S"}
    assert config.where("keys", "app.next") == f"{path}, line 5"


def test_defaults():
    config = load_config()
    assert config.mark_read == "open" and config.keys == {} and config.theme is None


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[reading]\n\nmark_read = "sometimes"\n', 3, ["reading.mark_read", "sometimes"]),
        ("[reading]\nmark_raed = 'open'\n", 2, ["unknown key reading.mark_raed"]),
        ('[keys]\n"app.next" = "/"\n', 2, ['keys."app.next"', "'/'"]),
        ('[keys]\n"app.next" = 3\n', 2, ['keys."app.next"']),
        ('[corpus]\ndefault = "x"\n\ncolour = "red"\n', 4, ["corpus.colour"]),
        ('theme = "x"\nlayuot = "stacked"\n', 2, ["unknown key layuot"]),
        ("theme = 3\n", 1, ["theme"]),
    ],
)
def test_errors_name_file_line_and_key(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line {line}:"), message
    for word in words:
        assert word in message


def test_default_config_is_valid_and_never_overwritten(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    assert write_default_config(path) == path
    assert path.read_text(encoding="utf-8") == DEFAULT_CONFIG
    config = load_config(path)
    assert config.mark_read == "open" and config.keys == {} and config.default_corpus == []
    path.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_default_config(path)
    assert path.read_text(encoding="utf-8") == "# mine\n"
    # the commented examples are valid settings once uncommented
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and "=" in line else line
        for line in DEFAULT_CONFIG.splitlines()
    )
    write(tmp_path, uncommented)
    config = load_config(tmp_path / "config.toml")
    assert config.keys["app.next"] == "ctrl+n,right_square_bracket"
