"""``tuireader config``: every mistake at once, with file, line, key and a "did you mean";
a non-zero exit when there is one; the file never moved."""

from __future__ import annotations

from tuireader.cli import main
from tuireader.core.base import paths

MISTAKES = """\
theme = "nrod"

[reading]
mark_read = "opne"

[colours]
person = "gren"
org = "#5f87d7"

[layout]
arangement = "stacked"

[keys]
"app.nxt" = "ctrl+n"
"app.star" = "S"
"""


def write_config(text: str):
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_mistake_is_reported_at_once(capsys):
    path = write_config(MISTAKES)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if line.startswith("tuireader: ")]
    expected = [
        (1, "unknown theme 'nrod'; did you mean 'nord'?"),
        (4, "reading.mark_read", "did you mean 'open'?"),
        (7, "colours.person: unknown colour 'gren'; did you mean 'green'?"),
        (11, "unknown key layout.arangement; did you mean 'arrangement'?"),
        (14, "unknown binding id keys.\"app.nxt\"; did you mean 'app.next'?"),
    ]
    assert len(problems) == len(expected), err
    for line, (number, *words) in zip(problems, expected, strict=True):
        assert line.startswith(f"tuireader: {path}, line {number}: "), line
        for word in words:
            assert word in line
    assert "config OK" not in err
    assert path.read_text(encoding="utf-8") == MISTAKES


def test_a_good_config_is_ok(capsys):
    write_config('theme = "nord"\n[colours]\nplace = "dark_orange"\n[keys]\n"app.star" = "S"\n')
    assert main(["config"]) == 0
    assert "config OK" in capsys.readouterr().err


def test_a_duplicated_table_is_reported_and_the_file_left_in_place(capsys):
    text = '[reading]\nmark_read = "open"\n\n[reading]\ndate_format = "%Y"\n'
    path = write_config(text)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert f"{path}, line 4: not valid TOML" in err
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_a_file_that_is_not_utf8_is_left_in_place(capsys):
    path = write_config("")
    path.write_bytes(b'theme = "nord"\n# caf\xe9\n')
    assert main(["config"]) == 2
    assert f"{path}, line 2: not UTF-8" in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_the_reading_time_zone_is_checked(capsys):
    write_config('[reading]\ntimezone = "Europe/Berln"\n')
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "reading.timezone" in err and "Europe/Berln" in err
    for good in ("local", "UTC", "America/New_York"):
        write_config(f'[reading]\ntimezone = "{good}"\n')
        assert main(["config"]) == 0
        assert "config OK" in capsys.readouterr().err
