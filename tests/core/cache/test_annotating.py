"""The annotation pass's worker processes: the same annotations, and none left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from tuireader.core.annotate.pipeline import annotate
from tuireader.core.cache.annotating import Annotating
from tuireader.core.investigate.near_duplicates import text_sketch

TEXTS = [
    'Jane Doe of Acme Corp said in Paris: "We will respond."',
    "The weather in the valley was mild.",
    "",
]


def test_workers_annotate_as_this_process_does():
    ahead = Annotating("embedded")
    try:
        found = ahead.results(ahead.submit(TEXTS), len(TEXTS))
    finally:
        ahead.close()
    assert [annotations for annotations, _sketch in found] == [annotate(text) for text in TEXTS]
    assert [lowest for _annotations, lowest in found] == [text_sketch(text) for text in TEXTS]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def test_killing_the_pass_ends_its_workers(tmp_path):
    script = textwrap.dedent(
        """
        import sys, time
        from tuireader.core.cache.annotating import Annotating
        ahead = Annotating("embedded")
        ahead.results(ahead.submit(["Jane Doe said so."]), 1)
        ahead.submit(["Jane Doe said so. " * 2000] * 400)  # work left when killed
        print("ready", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        servers = _children(proc.pid)
        workers = {w for server in servers for w in _children(server)}
        assert workers
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{w}") for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if os.path.exists(f"/proc/{w}")]
    for pid in left:  # do not leave them running if the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left
