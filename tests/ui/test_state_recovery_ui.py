"""The reader starts over corrupted config and state files: each is reported, kept aside and
replaced, and the features they hold keep working."""

from __future__ import annotations

import asyncio

from tests.conftest import write_jsonl
from tests.ui.pilot_helpers import notices, record_notices, wait_for
from tuireader import cli
from tuireader.core.base import paths
from tuireader.core.cache.corpus import Corpus
from tuireader.core.user import state as state_module
from tuireader.ui.app import ReaderApp

RECORDS = [
    {"id": "a", "title": "Storm hits coast", "text": "The storm hit.", "date": "2016-10-03"},
    {"id": "b", "title": "Budget vote", "text": "The senate voted.", "date": "2016-10-02"},
]
GARBAGE = b"\x00\xffnot what it should be\x9b\x1b]0;x\x07" * 64


def _corrupt_everything() -> dict[str, bytes]:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(b'theme = "nord"\n[reading\n')
    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    files = {"state.json": GARBAGE, "history.json": b"[1, 2", "userdata.sqlite": GARBAGE}
    files["saved_searches.json"] = b'{"a": 3}'
    for name, content in files.items():
        (data / name).write_bytes(content)
    return files


def _start(corpus, scenario) -> list[str]:
    async def main():
        app = ReaderApp(corpus)
        record_notices(app)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app.reader.shown is not None and not app.view.syncing)
            await scenario(app, pilot)
            return notices(app)

    return asyncio.run(main())


def test_corrupted_config_and_state_are_reported_kept_and_replaced(tmp_path):
    files = _corrupt_everything()
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def use_the_features(app, pilot):
        assert app.marks.marks is not None  # read marks and stars are not turned off
        app.article_list.focus()
        await pilot.press("s")
        await wait_for(pilot, lambda: app.reader.shown.starred)

    messages = _start(Corpus([dump]), use_the_features)
    config = paths.config_file()
    assert any(
        m.startswith(f"{config}, line 2: not valid TOML")
        and "config.toml.corrupt-1" in m
        and "replaced by the commented defaults" in m
        for m in messages
    ), messages
    for name, content in files.items():
        backup = paths.data_dir() / f"{name}.corrupt-1"
        assert backup.read_bytes() == content
        assert any(backup.name in m for m in messages), (name, messages)
    assert config.with_name("config.toml.corrupt-1").read_bytes() == b'theme = "nord"\n[reading\n'

    async def starred_still(app, pilot):
        assert app.reader.shown.starred or app.marks.starred_ids

    again = _start(Corpus([dump]), starred_still)
    assert not any("corrupt" in m for m in again), again  # replaced once, clean afterwards


def test_the_command_line_reports_a_corrupted_config_and_the_reader_shows_it(capsys):
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(b"[corpus]\ndefault = \xff\xfe\n")
    corpus = cli.resolve_corpus([])  # the sample corpus
    err = capsys.readouterr().err
    assert f"{config}, line 2: not UTF-8" in err and "config.toml.corrupt-1" in err

    async def nothing(app, pilot):
        pass

    messages = _start(corpus, nothing)
    assert any(f"{config}, line 2: not UTF-8" in m for m in messages), messages


def test_a_read_only_data_dir_shows_the_marks_and_says_changes_are_not_kept(tmp_path):
    from tests.read_only import read_only
    from tuireader.core.cache.sync import sync
    from tuireader.core.user.userdata import UserData

    corpus = Corpus([write_jsonl(tmp_path / "d.jsonl", RECORDS)])
    store, engine = corpus.open_store(), corpus.open_engine()
    sync(corpus, store, engine)
    keys = [row.key for row in store.rows(store.ordered_ids()).values()]
    engine.close()
    store.close()
    data = UserData()
    data.corpus(corpus.id).set_starred(keys[0])
    data.close()

    async def starred_shown(app, pilot):
        await wait_for(pilot, lambda: len(app.marks.starred_ids) == 1)

    with read_only(paths.data_dir()):
        messages = _start(corpus, starred_shown)
    assert any("changes cannot be kept" in m for m in messages), messages


def test_a_state_file_that_cannot_be_written_is_said_and_reading_goes_on(tmp_path, monkeypatch):
    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(state_module, "write_atomic", disk_full)

    async def open_the_next(app, pilot):
        app.article_list.focus()
        await pilot.press("j", "enter")
        message = app.query_one("#message")
        await wait_for(pilot, lambda: "Cannot save state" in str(message.render()))
        await wait_for(pilot, lambda: app.reader.shown.article.title == "Budget vote")

    _start(Corpus([dump]), open_the_next)


def test_a_star_set_while_the_article_is_read_again_stays_shown(tmp_path):
    """The open article read again in a worker (after an index commit) while the user stars
    it: the pane shows the star, not the marks the worker read before it was set."""
    from tuireader.ui.messages import ArticleReady

    dump = write_jsonl(tmp_path / "d.jsonl", RECORDS)

    async def star_during_a_read(app, pilot):
        article_id = app.view.open_id
        stale = app.library.article(article_id, frozenset(), frozenset())  # read: no star
        app.library.set_starred(article_id, True)  # the star written meanwhile
        app.reading.ready(ArticleReady(article_id, stale, refresh=True))
        assert app.reader.shown.starred

    _start(Corpus([dump]), star_during_a_read)
