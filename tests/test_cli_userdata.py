"""The command line over a user database it cannot write: the marks still count, and it says
on stderr that changes cannot be kept."""

from __future__ import annotations

from tests.read_only import read_only
from tuireader.cli import main
from tuireader.core.base import paths
from tuireader.core.cache.corpus import Corpus
from tuireader.core.user.userdata import UserData


def test_a_read_only_data_dir_still_finds_the_starred(sample_corpus, capsys):
    assert main(["search", "Sasse", "--corpus", str(sample_corpus)]) == 0
    capsys.readouterr()
    corpus = Corpus([sample_corpus])
    store = corpus.open_store()
    row = next(iter(store.rows(store.ordered_ids()).values()))
    store.close()
    data = UserData()
    data.corpus(corpus.id).set_starred(row.key)
    data.close()
    with read_only(paths.data_dir()):
        assert main(["search", "is:starred", "--corpus", str(sample_corpus)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 of 2 articles match") and row.title in captured.out
    assert "changes cannot be kept" in captured.err
