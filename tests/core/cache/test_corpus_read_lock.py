"""Searches in one process share one flock on the commit lock: a commit waits while any of
its threads still reads, and gets the lock as soon as the last is done."""

import fcntl
import os
import threading

from tuireader.core.cache.corpus import Corpus


def _writer_could_lock(path) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def test_a_commit_waits_for_the_last_reader(tmp_path):
    (tmp_path / "docs").mkdir()
    corpus = Corpus([tmp_path / "docs"], cache_root=tmp_path / "cache")
    corpus.cache_dir.mkdir(parents=True)
    first_in, second_in, first_may_go, second_may_go = (threading.Event() for _ in range(4))
    seen = []

    def reader(entered, may_go):
        with corpus.index_read_lock() as got:
            seen.append(got)
            entered.set()
            may_go.wait(5)

    one = threading.Thread(target=reader, args=(first_in, first_may_go))
    two = threading.Thread(target=reader, args=(second_in, second_may_go))
    one.start()
    first_in.wait(5)
    two.start()
    second_in.wait(5)
    assert seen == [True, True]
    assert not _writer_could_lock(corpus.commit_lock_path)
    first_may_go.set()  # the first reader done, the second still reading
    one.join(5)
    assert not _writer_could_lock(corpus.commit_lock_path)
    second_may_go.set()
    two.join(5)
    assert _writer_could_lock(corpus.commit_lock_path)
    with corpus.index_read_lock() as got:  # and it can be taken again
        assert got and not _writer_could_lock(corpus.commit_lock_path)
