"""The whoosh engine's writer processes end with the indexer on a failed batch (moved from
tests/test_kill_index.py)."""

import subprocess
import sys
import time

from tests.test_kill_index import _corpus, _kill_group, _session

FULL_DISK = """
import errno, sys
import tuireader.core.cache.sync as s
from tuireader.core.search.whoosh import writing
s.PARALLEL_BYTES = 1  # two writer processes
real, added = writing.TextWriter.add, []
def add(self, *args, **kwargs):
    added.append(1)
    if len(added) == 900:  # the processes have jobs by now
        raise OSError(errno.ENOSPC, "No space left on device")
    return real(self, *args, **kwargs)
writing.TextWriter.add = add
from tuireader.cli import main
sys.exit(main(["index", sys.argv[1]]))
"""


def test_full_disk_with_writer_processes_ends_with_the_message(tmp_path):
    """The writer processes waited for jobs for ever after a failed batch, and the indexer's
    exit waited for them: the error was printed, then nothing."""
    root = tmp_path / "corpus"
    _corpus(root)
    proc = subprocess.Popen(
        [sys.executable, "-c", FULL_DISK, str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, err = proc.communicate(timeout=60)
        deadline = time.monotonic() + 10  # the resource tracker ends once the rest have
        while _session(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _session(proc.pid) == []
    finally:
        _kill_group(proc.pid)
    assert proc.returncode == 2
    assert err.startswith("tuireader: cannot write the index") and err.count("\n") == 1, err
    assert "No space left on device" in err
