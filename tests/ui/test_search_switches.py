"""While a search runs on its worker thread, the UI thread gets the interpreter more often
(so a key pressed meanwhile is drawn within its frame); afterwards Python's own setting is
back, also when searches overlap or fail."""

import sys
import threading

import pytest

from tuireader.ui.controllers.search import SEARCH_SWITCH_INTERVAL, short_switches


def test_the_switch_interval_is_short_while_searches_run_and_restored_after():
    before = sys.getswitchinterval()
    with short_switches():
        assert sys.getswitchinterval() == pytest.approx(SEARCH_SWITCH_INTERVAL)
        with short_switches():  # an overlapping search
            assert sys.getswitchinterval() == pytest.approx(SEARCH_SWITCH_INTERVAL)
        assert sys.getswitchinterval() == pytest.approx(SEARCH_SWITCH_INTERVAL)
    assert sys.getswitchinterval() == before


def test_a_failing_search_restores_it_too():
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError), short_switches():
        raise RuntimeError("boom")
    assert sys.getswitchinterval() == before


def test_searches_on_several_threads():
    before = sys.getswitchinterval()
    started, release = threading.Barrier(4), threading.Event()

    def search():
        with short_switches():
            started.wait()
            release.wait()

    threads = [threading.Thread(target=search) for _ in range(3)]
    for thread in threads:
        thread.start()
    started.wait()
    assert sys.getswitchinterval() == pytest.approx(SEARCH_SWITCH_INTERVAL)
    release.set()
    for thread in threads:
        thread.join()
    assert sys.getswitchinterval() == before
