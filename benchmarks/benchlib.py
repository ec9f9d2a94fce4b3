"""Helpers shared by the benchmark scripts: isolated dirs, timed runs, /proc readings, tables."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

XDG_VARS = ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
_PAGE_KB = os.sysconf("SC_PAGESIZE") // 1024
_CLK_TCK = os.sysconf("SC_CLK_TCK")


def isolated_env(root: Path) -> dict[str, str]:
    """The environment with every XDG dir under ``root``: nothing is written to ~."""
    env = dict(os.environ)
    for var in XDG_VARS:
        path = root / var.removeprefix("XDG_").removesuffix("_HOME").lower()
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    return env


def isolate_this_process(workdir: str) -> None:
    """Point this process's XDG dirs at fresh folders under ``workdir`` (emptied first)."""
    shutil.rmtree(workdir, ignore_errors=True)
    for var in XDG_VARS:
        path = os.path.join(os.path.abspath(workdir), var.lower())
        os.makedirs(path)
        os.environ[var] = path


class TreeCpu:
    """This process's CPU and its descendants', the latter sampled from /proc every 0.1 s
    by a thread (a process's ticks vanish with it), that thread's own CPU left out: reading
    every process's /proc entry cost ~0.3 ms an article of a loaded annotation pass."""

    def __init__(self) -> None:
        self.ticks: dict[int, int] = {}
        self.sampling = 0.0
        self._done = threading.Event()

    def start(self) -> TreeCpu:
        threading.Thread(target=self._sample, daemon=True).start()
        return self

    def stop(self) -> None:
        self._done.set()

    def _sample(self) -> None:
        while not self._done.wait(0.1):
            start = time.thread_time()
            for pid in process_tree(os.getpid())[1:]:
                self.ticks[pid] = max(self.ticks.get(pid, 0), cpu_ticks(pid))
            self.sampling += time.thread_time() - start

    def own(self) -> float:
        """This process's CPU seconds (every thread but the sampler's)."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime - self.sampling

    def children(self) -> float:
        """The descendants' CPU seconds, as last sampled."""
        return sum(self.ticks.values()) / _CLK_TCK


def compile_installed() -> str:
    """Byte-compile the tuireader package that will be launched, as ``pip install .`` (the
    README's install) does. An editable install, or PYTHONDONTWRITEBYTECODE=1 (set on the
    development machine), would otherwise compile every module from source at every launch,
    which no installed copy does. Returns where the package is."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("tuireader")
    if spec is None or spec.origin is None:
        sys.exit("tuireader is not installed: pip install -e .")
    package = Path(spec.origin).parent
    if not compileall.compile_dir(str(package), quiet=1):
        sys.exit(f"cannot byte-compile {package}")
    return str(package)


def tuireader_script() -> str:
    """The installed ``tuireader`` console script (not a pyenv shim, which adds ~0.1 s)."""
    beside = Path(sys.executable).parent / "tuireader"
    if beside.exists():
        return str(beside)
    found = shutil.which("tuireader")
    if not found:
        sys.exit("tuireader is not installed: pip install -e .")
    return found


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_count() -> int:
    return os.cpu_count() or 1


# -- /proc -----------------------------------------------------------------------------------


def status_kb(pid: int, field: str) -> int | None:
    """A ``kB`` field of /proc/PID/status (VmHWM, VmRSS), or None when the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _CLK_TCK  # utime + stime


def children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def process_tree(pid: int) -> list[int]:
    kids = children_map()
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(kids.get(current, []))
    return tree


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (RSS pages, summed)."""
    total = 0
    for member in process_tree(pid):
        try:
            resident = int(Path(f"/proc/{member}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += resident * _PAGE_KB
    return total


class MemoryLimit(Exception):
    """A measured process grew past the limit it was given (and was stopped)."""


def check_rss(pid: int, limit_kb: int | None) -> None:
    """Raise MemoryLimit when the process's resident memory is above ``limit_kb``."""
    if limit_kb:
        rss = status_kb(pid, "VmRSS") or 0
        if rss > limit_kb:
            raise MemoryLimit(
                f"RSS {rss * 1024 / 1e6:,.0f} MB > limit {limit_kb * 1024 / 1e6:,.0f} MB"
            )


def wait_idle(
    pid: int,
    window: float = 0.5,
    max_cpu: float = 0.05,
    timeout: float = 300,
    limit_kb: int | None = None,
) -> float:
    """Wait until the process uses < ``max_cpu`` CPU seconds per ``window``; returns seconds.

    Raises MemoryLimit if its RSS exceeds ``limit_kb`` meanwhile.
    """
    started = time.perf_counter()
    last = cpu_seconds(pid)
    while last is not None and time.perf_counter() - started < timeout:
        deadline = time.perf_counter() + window
        while time.perf_counter() < deadline:
            check_rss(pid, limit_kb)
            time.sleep(0.05)
        now = cpu_seconds(pid)
        if now is None or now - last < max_cpu:
            break
        last = now
    return time.perf_counter() - started


# -- timed commands ---------------------------------------------------------------------------


@dataclass
class TimedRun:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    peak_rss_kb: int  # the largest single process (getrusage ru_maxrss of the child)
    peak_tree_kb: int  # the process and its children together, sampled every 0.1 s
    killed: str = ""  # why the run was stopped (memory limit), if it was
    cpu_seconds: float = 0.0  # user+system of the process and its descendants (see timed_run)


def dir_bytes(path: Path) -> int:
    """The size of the files under a folder (an index, a cache)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(dirpath, name)).st_size
    return total


def cpu_ticks(pid: int) -> int:
    """User + system clock ticks a process has used so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])


def timed_run(argv: Sequence[str], env: dict[str, str], limit_kb: int | None = None) -> TimedRun:
    """Run a command to completion, measuring wall time and peak memory.

    With ``limit_kb``, the command (and its process tree) is killed when the tree's RSS goes
    above it; the run then has returncode -9 and ``killed`` set.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak_tree = 0
    killed = ""
    done = threading.Event()
    # Descendants' CPU, sampled: processes started through a fork server (whoosh's indexing
    # processes) are not waited for by the command, so its rusage does not include them.
    ticks: dict[int, int] = {}

    def sample() -> None:
        nonlocal peak_tree, killed
        while not done.wait(0.1):
            for member in process_tree(proc.pid)[1:]:
                ticks[member] = max(ticks.get(member, 0), cpu_ticks(member))
            current = tree_rss_kb(proc.pid)
            peak_tree = max(peak_tree, current)
            if limit_kb and current > limit_kb and not killed:
                killed = f"killed: process tree RSS {current * 1024 / 1e6:,.0f} MB > limit"
                for member in reversed(process_tree(proc.pid)):
                    with contextlib.suppress(OSError):
                        os.kill(member, signal.SIGKILL)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [
        threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True),
        threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True),
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return TimedRun(
        seconds=seconds,
        returncode=proc.returncode,
        stdout="".join(out_chunks),
        stderr="".join(err_chunks),
        peak_rss_kb=usage.ru_maxrss,
        peak_tree_kb=max(peak_tree, usage.ru_maxrss),
        killed=killed,
        cpu_seconds=usage.ru_utime
        + usage.ru_stime
        + sum(ticks.values()) / os.sysconf("SC_CLK_TCK"),
    )


# -- corpora -----------------------------------------------------------------------------------


@dataclass
class CorpusStats:
    articles: int
    file_bytes: int  # on disk (compressed for .gz)
    text_bytes: int  # uncompressed input bytes
    median_words: int


def jsonl_stats(path: Path) -> CorpusStats:
    """Count the records, bytes and words of a .jsonl or .jsonl.gz dump."""
    opener = gzip.open if path.name.endswith(".gz") else open
    words: list[int] = []
    raw = 0
    with opener(path, "rb") as handle:
        for line in handle:
            raw += len(line)
            if line.strip():
                record = json.loads(line)
                words.append(len(str(record.get("text") or "").split()))
    words.sort()
    median = words[len(words) // 2] if words else 0
    return CorpusStats(len(words), path.stat().st_size, raw, median)


def make_corpus(n: int, out: Path, words: int = 500, seed: int = 1, fmt: str = "jsonl") -> float:
    """Run make_corpus.py (next to this file); returns the seconds it took."""
    script = Path(__file__).with_name("make_corpus.py")
    argv = [sys.executable, str(script), str(n), str(out), "--words", str(words)]
    argv += ["--seed", str(seed), "--format", fmt]
    started = time.perf_counter()
    subprocess.run(argv, check=True)
    return time.perf_counter() - started


# -- output ------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table with right-aligned cells (left-aligned first column)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def mb(amount: float, unit: str = "kB") -> str:
    """Decimal megabytes (10^6 bytes) from kB (KiB, as /proc reports) or bytes."""
    value = amount * 1024 / 1e6 if unit == "kB" else amount / 1e6
    return f"{value:,.0f} MB"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")
