"""The remembered corpora: order, repeats, missing paths, a damaged file."""

from __future__ import annotations

import json

from tuireader.core.base import paths
from tuireader.core.user.corpora import SAMPLE_NAME, KnownCorpora, display_name, opened_ago


def folders(tmp_path, *names):
    made = []
    for name in names:
        (tmp_path / name).mkdir()
        made.append(str(tmp_path / name))
    return made


def test_remembered_corpora_survive_and_come_most_recent_first(tmp_path):
    news, wires, blogs = folders(tmp_path, "news", "wires", "blogs")
    known = KnownCorpora()
    known.remember([news], "news", when=100)
    known.remember([wires, blogs], "wires +1", when=200)
    known.remember([blogs], "blogs", when=150)
    again = KnownCorpora()  # from the file, as the next start sees it
    assert [e.name for e in again.entries] == ["wires +1", "blogs", "news"]
    assert again.entries[0].paths == (wires, blogs)
    assert again.entries[0].last_opened == 200
    assert again.warning is None
    assert again.path == paths.data_dir() / "corpora.json"


def test_the_same_paths_are_one_corpus_moved_to_the_top(tmp_path):
    news, wires = folders(tmp_path, "news", "wires")
    known = KnownCorpora()
    known.remember([news, wires], "news +1", when=100)
    known.remember([news], "news", when=200)
    known.remember([wires, news], "wires +1", when=300)  # same set, other order
    assert [(e.name, e.last_opened) for e in KnownCorpora().entries] == [
        ("wires +1", 300),
        ("news", 200),
    ]


def test_a_corpus_remembered_by_another_process_is_kept(tmp_path):
    news, wires = folders(tmp_path, "news", "wires")
    first, second = KnownCorpora(), KnownCorpora()
    first.remember([news], "news", when=100)
    second.remember([wires], "wires", when=200)
    assert [e.name for e in KnownCorpora().entries] == ["wires", "news"]


def test_a_corpus_whose_paths_are_gone_is_kept_and_shown_missing(tmp_path):
    news, wires = folders(tmp_path, "news", "wires")
    known = KnownCorpora()
    known.remember([news, wires], "news +1", when=100)
    (tmp_path / "wires").rmdir()
    (entry,) = KnownCorpora().entries
    assert entry.missing == [wires]
    assert entry.paths == (news, wires)
    known.remember([news], "news", when=200)
    assert [e.missing for e in KnownCorpora().entries] == [[], [wires]]


def test_a_damaged_file_is_set_aside_with_a_warning(tmp_path):
    (news,) = folders(tmp_path, "news")
    path = paths.data_dir() / "corpora.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"corpora": [{"name": "x", "paths": "not a list"', encoding="utf-8")
    known = KnownCorpora()
    assert known.entries == []
    assert known.warning and "kept as corpora.json.corrupt-1" in known.warning
    assert (
        (path.parent / "corpora.json.corrupt-1")
        .read_text(encoding="utf-8")
        .startswith('{"corpora"')
    )
    known.remember([news], "news")
    assert [e.name for e in KnownCorpora().entries] == ["news"]


def test_a_wrongly_shaped_entry_counts_as_damage(tmp_path):
    path = paths.data_dir() / "corpora.json"
    path.parent.mkdir(parents=True)
    bad = {"corpora": [{"name": "x", "paths": [], "last_opened": 1}]}
    path.write_text(json.dumps(bad), encoding="utf-8")
    known = KnownCorpora()
    assert known.entries == [] and "unreadable" in known.warning
    assert not path.exists()


def test_the_sample_is_offered_once(tmp_path):
    (news,) = folders(tmp_path, "news")
    sample = str(paths.bundled_corpus().resolve())
    known = KnownCorpora()
    known.remember([news], "news", when=100)
    assert [e.name for e in known.with_sample()] == ["news", SAMPLE_NAME]
    known.remember([sample], display_name([sample], "corpus"), when=200)
    assert [e.name for e in known.with_sample()] == [SAMPLE_NAME, "news"]
    assert display_name([news], "news") == "news"


def test_forget(tmp_path):
    news, wires = folders(tmp_path, "news", "wires")
    known = KnownCorpora()
    known.remember([news], "news", when=100)
    known.remember([wires], "wires", when=200)
    known.forget(known.entries[0])
    assert [e.name for e in KnownCorpora().entries] == ["news"]


def test_opened_ago():
    assert opened_ago(0) == "never opened"
    assert opened_ago(1000, now=1030) == "opened just now"
    assert opened_ago(1000, now=1000 + 60) == "opened 1 minute ago"
    assert opened_ago(1000, now=1000 + 3 * 3600 + 5) == "opened 3 hours ago"
    assert opened_ago(1000, now=1000 + 2 * 86400) == "opened 2 days ago"
