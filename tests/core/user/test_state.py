import pytest

from tuireader.core.base import paths
from tuireader.core.user.config import ConfigError, load_config
from tuireader.core.user.state import UserState


def test_state_round_trip_lives_in_the_data_dir(isolated_dirs):
    state = UserState.load()
    state.set_last_open("abc", ["/news"], "/news/a.txt")
    state.save()
    assert str(state.path).startswith(str(isolated_dirs))
    assert UserState.load().last_open("abc") == "/news/a.txt"


def test_corrupt_state_is_kept_aside_and_reported():
    path = paths.data_dir() / "state.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    state = UserState.load()
    assert state.corpora == {}
    assert state.warning and "corrupt-1" in state.warning
    assert (path.parent / "state.json.corrupt-1").read_text() == "{not json"


def test_config_default_corpus(tmp_path):
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text('[corpus]\ndefault = ["~/news", "/data/dump.jsonl"]\n')
    config = load_config()
    assert config.default_corpus[1] == "/data/dump.jsonl"
    assert not config.default_corpus[0].startswith("~")


def test_missing_config_gives_defaults():
    assert load_config().default_corpus == []


def test_config_errors_name_file_line_and_key():
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text("[corpus]\n\ndefault = 3\n")
    with pytest.raises(ConfigError) as info:
        load_config()
    message = str(info.value)
    assert str(paths.config_file()) in message
    assert "line 3" in message and "corpus.default" in message


def test_config_syntax_error_names_the_file():
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text("[corpus\n")
    with pytest.raises(ConfigError, match="config.toml"):
        load_config()
