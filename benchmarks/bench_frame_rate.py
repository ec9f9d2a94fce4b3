"""Keypress latency during a search at several Textual frame rates, in one run.

    python benchmarks/bench_frame_rate.py CORPUS [--fps 60 120 240] [--trials 15] [--rounds 2]
                                          [--query Q]

Textual reads ``TEXTUAL_FPS`` when it is imported, so each rate runs ``bench_search``'s
keypress check (``key_latency``: ``j`` pressed in the list, idle and while ``--query`` runs in
the search worker; time to the list's repaint) in a process of its own; the rates take turns
round by round so that the machine's load falls on each alike. The corpus must be indexed in
the XDG cache the run uses (``tuireader index CORPUS`` with the same XDG_* variables).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import benchlib

HERE = Path(__file__).resolve().parent
CHILD = """
import asyncio, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
import bench_search
out = asyncio.run(bench_search.key_latency(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])))
print("RESULT" + json.dumps({"fps": out["fps"], "idle": [t.paint_ms for t in out["idle"]],
    "busy": [t.paint_ms for t in out["busy"]], "missed": out["missed"]}))
"""


def run_once(corpus: str, query: str, trials: int, fps: int) -> dict | None:
    env = dict(os.environ, TEXTUAL_FPS=str(fps))
    command = [sys.executable, "-c", CHILD, corpus, query, str(trials), str(HERE)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT")]
    if not lines:
        print(f"fps {fps}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(lines[0][len("RESULT") :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--fps", type=int, nargs="+", default=[60, 120, 240])
    parser.add_argument("--trials", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--query", default="said OR year OR pct")
    args = parser.parse_args()
    found: dict[int, dict] = {fps: {"idle": [], "busy": [], "missed": 0} for fps in args.fps}
    print(f"load before: {benchlib.load_average()}")
    for _ in range(args.rounds):
        for fps in args.fps:
            result = run_once(args.corpus, args.query, args.trials, fps)
            if result is None:
                continue
            assert result["fps"] == fps, result["fps"]
            for key in ("idle", "busy"):
                found[fps][key] += result[key]
            found[fps]["missed"] += result["missed"]
    rows = []
    for fps, got in found.items():
        busy = sorted(got["busy"])
        idle = got["idle"]
        rows.append(
            [
                fps,
                len(busy),
                f"{statistics.median(idle):.1f}" if idle else "-",
                f"{max(idle):.1f}" if idle else "-",
                f"{statistics.median(busy):.1f}" if busy else "-",
                f"{busy[int(0.9 * (len(busy) - 1))]:.1f}" if busy else "-",
                f"{max(busy):.1f}" if busy else "-",
                got["missed"],
            ]
        )
    headers = ["fps", "n", "idle med", "idle max", "busy med", "busy p90", "busy max", "missed"]
    print(benchlib.table(headers, rows))
    print("ms from the key to the list's repaint; target: median <= 16.7, worst <= 33")
    print(f"load at end: {benchlib.load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
