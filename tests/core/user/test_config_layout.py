"""The config's [layout], [colours] and [reading] date_format; errors name file, line, key."""

from __future__ import annotations

import pytest

from tuireader.core.user.config import DEFAULT_CONFIG, ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_layout_colours_and_date_format(tmp_path):
    path = write(
        tmp_path,
        '[reading]\ndate_format = "%-d %b %Y"\n'
        '[layout]\nlist_width = 60\nlist_height = "25%"\narrangement = "stacked"\n'
        "reading_width = 0\n"
        '[colours]\nperson = "#FF0000"\nhit = "dark_orange"\n',
    )
    config = load_config(path)
    assert config.date_format == "%-d %b %Y"
    assert config.list_width == "60" and config.list_height == "25%"
    assert config.arrangement == "stacked" and config.reading_width == 0
    assert config.colours == {"person": "#FF0000", "hit": "dark_orange"}
    assert config.where("colours", "hit") == f"{path}, line 10"


def test_defaults():
    config = load_config()
    assert config.list_width == "42%" and config.arrangement == "side-by-side"
    assert config.reading_width == 100 and config.date_format is None and config.colours == {}


def test_percent_strings_and_column_strings_are_accepted(tmp_path):
    config = load_config(write(tmp_path, '[layout]\nlist_width = " 35 % "\nlist_height = "9"\n'))
    assert config.list_width == "35%" and config.list_height == "9"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[layout]\nlist_width = "5%"\n', 2, ["layout.list_width", "10%", "'5%'"]),
        ("[layout]\n\nlist_width = 12\n", 3, ["layout.list_width", "24 columns", "12"]),
        ('[layout]\nlist_width = "wide"\n', 2, ["layout.list_width", "'wide'"]),
        ("[layout]\nlist_width = true\n", 2, ["layout.list_width"]),
        ("[layout]\nlist_width = 40.5\n", 2, ["layout.list_width", "40.5"]),
        ('[layout]\nlist_height = "95%"\n', 2, ["layout.list_height", "90%"]),
        ("[layout]\nlist_height = 2\n", 2, ["layout.list_height", "4 rows"]),
        ('[layout]\narrangement = "tabs"\n', 2, ["layout.arrangement", "stacked", "'tabs'"]),
        ('[layout]\narrangement = "Stacked"\n', 2, ["layout.arrangement"]),
        ("[layout]\nreading_width = 10\n", 2, ["layout.reading_width", "20", "0 for no limit"]),
        ("[layout]\nreading_width = -1\n", 2, ["layout.reading_width"]),
        ('[layout]\nreading_width = "80"\n', 2, ["layout.reading_width", "'80'"]),
        ("[layout]\nlist_widht = 40\n", 2, ["unknown key layout.list_widht", "list_width"]),
        ('layout = "stacked"\n', 1, ["[layout] must be a table"]),
        ('[reading]\ndate_format = "%Y-%Q"\n', 2, ["reading.date_format", "'%Q'"]),
        ('[reading]\ndate_format = "today"\n', 2, ["reading.date_format", "directive"]),
        ('[reading]\ndate_format = "%Y %"\n', 2, ["reading.date_format", "lone %"]),
        ('[reading]\ndate_format = ""\n', 2, ["reading.date_format"]),
        ("[reading]\ndate_format = 2016\n", 2, ["reading.date_format"]),
        ('[reading]\nmark_read = "open"\ndate_format = "%%"\n', 3, ["reading.date_format"]),
        ('[colours]\nperson = "light blue"\n', 2, ["colours.person", "'light blue'"]),
        ("[colours]\n\nhit = 3\n", 3, ["colours.hit"]),
        ('[colours]\nspeaker = "#12345"\n', 2, ["colours.speaker", "'#12345'"]),
        ('[colours]\npeople = "red"\n', 2, ["unknown key colours.people", "person"]),
        ('[colors]\nperson = "red"\n', 1, ["unknown key colors", "spelt [colours]"]),
    ],
)
def test_errors_name_file_line_and_key(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}, line {line}:"), message
    for word in words:
        assert word in message, message


def test_default_config_documents_the_new_settings(tmp_path):
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and "=" in line else line
        for line in DEFAULT_CONFIG.splitlines()
    )
    config = load_config(write(tmp_path, uncommented))
    assert config.date_format == "%d %b %Y"
    assert config.list_width == "42%" and config.arrangement == "side-by-side"
    assert set(config.colours) == {"person", "org", "place", "misc", "quote", "speaker", "hit"}
