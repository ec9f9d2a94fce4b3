"""CPU time of a launch to its first frame: the reader (the list filled) against minimal_app.py.

    python benchmarks/launch_cpu.py CORPUS XDG_DIR [--reps 9] [--baseline-code DIR]

Each launch is a fresh interpreter running the app headless at 160x50 (``App.run(headless=
True)``), the way ``tuireader CORPUS`` starts it (``cli.main``); the CPU time of the process
(every thread, from the interpreter's start) is read when the first frame with the list
filled (its header count and rows) is handed to the driver, and for the minimal app at its
first frame. Wall-clock launches (bench_launch.py) swing with the machine's load; CPU time
much less. XDG_DIR is a work dir of bench_launch.py (``xdg-N``: its index already built); the
reader's saved state is removed before each launch. The kinds are launched in turn, each
going first in turn; medians and minimums are printed, with the time spent in the garbage
collector before the first frame. ``--baseline-code DIR``: another version's package
(``git archive REV tuireader | tar -x -C DIR``) launched in turn too, with PYTHONPATH=DIR.
"""

from __future__ import annotations

import gc
import os
import sys
import time

_GC = [0.0, 0.0]  # seconds in the collector; when the current collection started


def _collecting(phase: str, _info: dict) -> None:
    if phase == "start":
        _GC[1] = time.process_time()
    else:
        _GC[0] += time.process_time() - _GC[1]


def _child(kind: str, corpus: str) -> None:
    """Launch one app; print "RESULT cpu_seconds gc_ms" at its first frame and quit."""
    gc.callbacks.append(_collecting)

    def first_frame(app) -> None:
        print(f"RESULT {time.process_time():.4f} {_GC[0] * 1000:.1f}", flush=True)
        app.exit()

    if kind == "minimal":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from minimal_app import MinimalApp

        class Probe(MinimalApp):
            def _display(self, screen, update) -> None:
                super()._display(screen, update)
                if not getattr(self, "_seen", False):
                    self._seen = True
                    first_frame(self)

        Probe().run(headless=True, size=(160, 50))
        return

    import builtins

    import tuireader.cli as cli

    def patch(app_module) -> None:
        reader = app_module.ReaderApp  # patched, not subclassed: its CSS_PATH is beside it
        display, run = reader._display, reader.run

        def probe_display(self, screen, update) -> None:
            display(self, screen, update)
            if getattr(self, "_seen", False):
                return
            try:
                lst = self.article_list
            except Exception:  # not composed yet
                return
            if len(lst.ids) and str(lst.border_title):
                self._seen = True
                first_frame(self)

        reader._display = probe_display
        reader.run = lambda self, **_kwargs: run(self, headless=True, size=(160, 50))

    # patched when the command line imports the UI (as late as it does: what it holds off
    # until then, the garbage collector for one, stays held off)
    real_import = builtins.__import__

    def importing(name, *args, **kwargs):
        module = real_import(name, *args, **kwargs)
        if name == "tuireader.ui.app" and not getattr(importing, "done", False):
            importing.done = True
            patch(sys.modules["tuireader.ui.app"])
        return module

    builtins.__import__ = importing
    cli.not_a_terminal = lambda: None
    cli.main([corpus])


def main() -> int:
    import argparse
    import statistics
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("xdg", help="an xdg-N dir of bench_launch.py (its index built)")
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--baseline-code", help="a folder holding another tuireader package")
    args = parser.parse_args()
    env = dict(os.environ, TEXTUAL_FPS="240")
    for var in ("CACHE", "DATA", "CONFIG", "STATE"):
        env[f"XDG_{var}_HOME"] = os.path.join(args.xdg, var.lower())
    state = os.path.join(args.xdg, "data", "tuireader", "state.json")
    kinds = {"minimal": None, "reader": None}
    if args.baseline_code:
        kinds["baseline"] = args.baseline_code
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    collected: dict[str, list[float]] = {kind: [] for kind in kinds}
    names = list(kinds)
    for rep in range(args.reps):
        shift = rep % len(names)
        for kind in names[shift:] + names[:shift]:
            child_env = dict(env)
            if kinds[kind]:
                child_env["PYTHONPATH"] = kinds[kind]
            if os.path.exists(state):
                os.unlink(state)
            what = "minimal" if kind == "minimal" else "reader"
            run = subprocess.run(
                [sys.executable, __file__, "--child", what, args.corpus],
                env=child_env,
                capture_output=True,
                text=True,
                cwd="/",
            )
            found = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
            if not found:
                sys.exit(f"{kind}: no first frame\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
            _, seconds, gc_ms = found[0].split()
            cpu[kind].append(float(seconds))
            collected[kind].append(float(gc_ms))
    base = statistics.median(cpu["minimal"])
    print(f"CPU to the first frame, {args.reps} launches each, load {os.getloadavg()[0]:.2f}")
    for kind in names:
        median = statistics.median(cpu[kind])
        print(
            f"{kind:9s} median {median:.3f} s  min {min(cpu[kind]):.3f} s  "
            f"ratio {median / base:.2f}x (min/min {min(cpu[kind]) / min(cpu['minimal']):.2f}x)"
            f"  gc {statistics.median(collected[kind]):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        sys.exit(main())
