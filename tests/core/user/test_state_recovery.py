"""Corrupted config and user data: reported, kept aside as a backup, replaced by defaults."""

from __future__ import annotations

import sqlite3

import pytest

from tests.read_only import read_only
from tuireader.core.base import paths
from tuireader.core.base.log import log_file
from tuireader.core.user.config import (
    DEFAULT_CONFIG,
    ConfigError,
    ConfigReplaced,
    load_config,
    take_replaced_notices,
)
from tuireader.core.user.userdata import UserData


@pytest.fixture(autouse=True)
def _no_stale_notices():
    take_replaced_notices()
    yield
    take_replaced_notices()


def _config(data: bytes):
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b'theme = "nord"\n[reading\nmark_read = "open"\n', 2, ["not valid TOML"]),
        (b'theme = "nord"\n\n[corpus]\ndefault = "unclosed\n', 4, ["not valid TOML"]),
        (b"[keys]\n'app.next' = ", 2, ["not valid TOML"]),
        (b'theme = "nord"\n# caf\xe9\n[reading]\n', 2, ["not UTF-8", "byte 20"]),
        (b"\xef\xbb\xbf# bom\n\n\xff\xfe\x00garbage", 3, ["not UTF-8"]),
        (bytes(range(256)) * 4, 2, ["not UTF-8", "byte 128"]),
    ],
    ids=["table", "string", "end", "latin-1", "bom", "binary"],
)
def test_a_corrupted_config_is_kept_aside_and_replaced_by_the_defaults(data, line, words):
    path = _config(data)
    with pytest.raises(ConfigReplaced) as info:
        load_config()
    message = str(info.value)
    backup = path.with_name("config.toml.corrupt-1")
    assert message.startswith(f"{path}, line {line}: "), message
    assert str(backup) in message and "replaced by the commented defaults" in message
    for word in words:
        assert word in message
    assert info.value.backup == backup
    assert backup.read_bytes() == data  # nothing of the user's is lost
    assert path.read_text(encoding="utf-8") == DEFAULT_CONFIG
    assert take_replaced_notices() == [message]  # for the app, once
    assert take_replaced_notices() == []
    assert load_config().mark_read == "open"  # the next start is clean
    # a second corruption gets a second backup
    path.write_bytes(data)
    with pytest.raises(ConfigReplaced, match="corrupt-2"):
        load_config()
    assert backup.read_bytes() == data


def test_a_config_with_a_bad_value_is_kept_for_the_user_to_fix():
    text = 'theme = "nord"\n\n[reading]\nmark_read = "sometimes"\n'
    path = _config(text.encode())
    with pytest.raises(ConfigError) as info:
        load_config()
    assert not isinstance(info.value, ConfigReplaced)
    message = str(info.value)
    assert message.startswith(f"{path}, line 4:") and "reading.mark_read" in message
    assert path.read_text(encoding="utf-8") == text
    assert not list(path.parent.glob("*.corrupt-*"))
    assert take_replaced_notices() == []


def test_a_config_with_a_byte_order_mark_is_read():
    _config(b'\xef\xbb\xbf[reading]\nmark_read = "never"\n')
    assert load_config().mark_read == "never"


def _userdata_path():
    return paths.data_dir() / "userdata.sqlite"


def test_a_garbage_user_database_is_kept_aside_and_recreated():
    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not SQLite\x00\xff" * 500
    path.write_bytes(garbage)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale wal")
    data = UserData()
    backup = path.with_name("userdata.sqlite.corrupt-1")
    assert data.warning and str(path) in data.warning and backup.name in data.warning
    assert "not a database" in data.warning
    assert backup.read_bytes() == garbage
    assert backup.with_name(backup.name + "-wal").read_bytes() == b"stale wal"
    marks = data.corpus("c")
    marks.set_starred("k")  # the features work on the new database
    assert marks.get("k").starred
    data.close()
    again = UserData()
    assert again.warning is None and again.corpus("c").get("k").starred
    again.close()
    assert "userdata.sqlite.corrupt-1" in log_file().read_text(encoding="utf-8")


def test_a_damaged_user_database_keeps_what_can_be_read():
    path = _userdata_path()
    data = UserData()
    marks = data.corpus("c")
    marks.set_read_many([f"article-{i:05d}" for i in range(5000)])
    marks.set_note("article-00001", "a note " * 100)
    data.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data.close()
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # a page in the middle overwritten
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    data = UserData()
    assert data.warning and "damaged" in data.warning and "corrupt-1" in data.warning
    recovered = data.corpus("c").read_keys()
    assert 0 < len(recovered) < 5000
    assert recovered <= {f"article-{i:05d}" for i in range(5000)}
    data.corpus("c").set_starred("article-00002")
    data.close()


def test_another_programs_database_is_kept_aside():
    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE marks (id INTEGER PRIMARY KEY, label TEXT)")
    other.execute("INSERT INTO marks (label) VALUES ('theirs')")
    other.commit()
    other.close()
    data = UserData()
    assert data.warning and "corrupt-1" in data.warning
    data.corpus("c").set_read("k")
    assert data.corpus("c").read_keys() == {"k"}
    data.close()
    kept = sqlite3.connect(path.with_name("userdata.sqlite.corrupt-1"))
    assert kept.execute("SELECT label FROM marks").fetchall() == [("theirs",)]
    kept.close()


def test_a_sound_user_database_is_left_alone():
    data = UserData()
    data.corpus("c").set_read("k")
    data.close()
    data = UserData()
    assert data.warning is None and data.corpus("c").read_keys() == {"k"}
    data.close()
    assert not list(_userdata_path().parent.glob("*.corrupt-*"))


DEEP = "[" * 100_000


def _deep_json_files():
    from tuireader.core.user.corpora import KnownCorpora
    from tuireader.core.user.history import SearchHistory
    from tuireader.core.user.saved import SavedSearches
    from tuireader.core.user.state import UserState

    return [
        ("state.json", lambda: (UserState.load(), "corpora", {})),
        ("history.json", lambda: (SearchHistory(), "entries", [])),
        ("saved_searches.json", lambda: (SavedSearches(), "items", {})),
        ("corpora.json", lambda: (KnownCorpora(), "entries", [])),
    ]


@pytest.mark.parametrize("name", [name for name, _ in _deep_json_files()])
def test_deeply_nested_json_is_set_aside_like_any_damaged_file(name):
    path = paths.data_dir() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEEP, encoding="utf-8")
    opener = dict(_deep_json_files())[name]
    loaded, attribute, empty = opener()  # no RecursionError: the reader starts
    assert getattr(loaded, attribute) == empty
    assert loaded.warning and "nested too deeply" in loaded.warning
    assert f"kept as {name}.corrupt-1" in loaded.warning
    assert path.with_name(f"{name}.corrupt-1").read_text(encoding="utf-8") == DEEP
    assert not path.exists()


def test_a_deeply_nested_config_is_kept_aside_and_replaced():
    data = b'theme = "nord"\nx = ' + b"[" * 100_000
    path = _config(data)
    with pytest.raises(ConfigReplaced) as info:
        load_config()
    message = str(info.value)
    assert message.startswith(f"{path}, line 2: not valid TOML"), message
    assert "nested too deeply" in message
    assert path.with_name("config.toml.corrupt-1").read_bytes() == data
    assert load_config().mark_read == "open"


def test_another_programs_database_is_kept_aside_untouched():
    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    other.execute("INSERT INTO customers (name) VALUES ('theirs')")
    other.commit()
    other.close()
    theirs = path.read_bytes()
    data = UserData()
    assert data.warning and "not a tuireader database" in data.warning
    assert "userdata.sqlite.corrupt-1" in data.warning
    data.corpus("c").set_read("k")
    assert data.corpus("c").read_keys() == {"k"}
    data.close()
    kept = path.with_name("userdata.sqlite.corrupt-1")
    assert kept.read_bytes() == theirs  # no table of ours added to someone else's database


def test_a_database_marked_by_another_application_is_kept_aside():
    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.execute("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    other.commit()
    other.close()
    data = UserData()
    assert data.warning and "another program's database" in data.warning
    data.close()
    kept = sqlite3.connect(path.with_name("userdata.sqlite.corrupt-1"))
    assert kept.execute("PRAGMA application_id").fetchone() == (1234,)
    kept.close()


def test_a_database_from_before_the_application_id_keeps_its_marks():
    from tuireader.core.user.userdata import SCHEMA

    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = sqlite3.connect(path)
    old.executescript(SCHEMA)
    old.execute("INSERT INTO marks (corpus, key, starred, updated) VALUES ('c', 'k', 1, 0)")
    old.commit()
    old.close()
    data = UserData()
    assert data.warning is None and data.corpus("c").starred_keys() == {"k"}
    data.close()
    assert not list(path.parent.glob("*.corrupt-*"))


def test_an_empty_user_database_file_starts_afresh_and_says_so():
    path = _userdata_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    data = UserData()
    assert data.warning and "empty" in data.warning and "nothing lost" in data.warning
    assert not list(path.parent.glob("*.corrupt-*"))  # nothing to keep
    data.corpus("c").set_starred("k")
    data.close()
    again = UserData()
    assert again.warning is None and again.corpus("c").starred_keys() == {"k"}
    again.close()


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_user_database_shows_its_marks(what):
    path = _userdata_path()
    data = UserData()
    data.corpus("c").set_starred("kept")
    data.corpus("c").set_tags("kept", ["climate"])
    data.close()
    before = path.read_bytes()
    with read_only(path.parent if what == "folder" else path):
        data = UserData()
        assert data.warning and "changes cannot be kept" in data.warning
        assert str(path) in data.warning
        marks = data.corpus("c")
        assert marks.starred_keys() == {"kept"} and marks.get("kept").tags == ("climate",)
        marks.set_starred("new")  # works for the session ...
        assert marks.starred_keys() == {"kept", "new"}
        data.close()
        assert path.read_bytes() == before  # ... and nothing was written
    again = UserData()
    assert again.warning is None and again.corpus("c").starred_keys() == {"kept"}
    again.close()
