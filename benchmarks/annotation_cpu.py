"""CPU of the annotation pass alone, split into the extractors and everything else.

    python benchmarks/annotation_cpu.py CORPUS WORKDIR [--engine tantivy|whoosh]
                                        [--in-process] [--code DIR] [--profile OUT]

Runs ``cli.main(["index", ...])`` in-process on a fresh cache under WORKDIR; the text pass is
not measured (its writer's background merges are waited for first). The annotation pass is
measured from its start to the end of its own index's background merges, as CPU of this
process (every thread) plus its worker processes' (sampled every 0.1 s from /proc).

``--in-process``: no worker processes; ``annotate()`` (the extractors: entities, names,
quotations) is timed by the CPU of its thread, and the rest of the pass is the pass's CPU
(whoosh's indexing processes included) less that. With workers (the default from 2,000
articles), the split is the workers' CPU (extractors, near-duplicate sketches, the hand-off's
pickling) against this process's.
``--code DIR``: another version's package (``git archive REV tuireader | tar -x -C DIR``), to
compare two versions side by side, alternately. ``--profile``: a cProfile of the pass's thread.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("workdir")
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--code", help="another version's package folder, run instead")
    parser.add_argument("--profile")
    parser.add_argument(
        "--callgrind-marks",
        action="store_true",
        help="os.getsid(0) before the pass, os.getppid() after: callgrind's --zero-before"
        "=getsid --dump-before=getppid count the pass alone (not sched_yield: tantivy's "
        "threads call it); no sampling thread",
    )
    args = parser.parse_args()
    sys.path.insert(0, args.code or os.path.dirname(HERE))
    sys.path.insert(1, HERE)
    import benchlib

    benchlib.isolate_this_process(args.workdir)
    import tuireader
    from tuireader import cli
    from tuireader.core.cache import annotation_sync, sync
    from tuireader.core.search import annotation_fields

    print(f"code: {os.path.dirname(tuireader.__file__)}")
    extracting = [0.0]
    if args.in_process:
        annotation_sync.worth_it = lambda *_args: False
        annotate = annotation_fields.annotate

        def timed(text, backend=None):
            start = time.thread_time()
            try:
                return annotate(text, backend)
            finally:
                extracting[0] += time.thread_time() - start

        annotation_fields.annotate = timed
        # the extractors' patterns compiled and their lists loaded before the pass (once a
        # process, not an article): the corpus's first articles annotated once
        import json

        with open(args.corpus, encoding="utf-8") as fh:
            for _number, line in zip(range(20), fh, strict=False):
                record = json.loads(line)
                annotate(f"{record.get('title', '')}\n\n{record.get('text', '')}")

    tree = benchlib.TreeCpu()
    if not args.callgrind_marks:
        tree.start()
    own_cpu, workers_cpu = tree.own, tree.children

    def settle(engine) -> None:
        """Wait for a tantivy writer merging in the background (the text pass's, the
        annotation pass's); whoosh merges before its commit returns."""
        for part in ("_text", "_annotations"):
            hold = getattr(getattr(engine, part, None), "hold", None)
            if hold is not None:
                hold.wait()

    figures: dict[str, float] = {"gc": 0.0, "collections": 0}
    import gc

    collecting = [0.0]

    def gc_timer(phase: str, _info: dict) -> None:
        if phase == "start":
            collecting[0] = time.thread_time()
        else:
            figures["gc"] += time.thread_time() - collecting[0]
            figures["collections"] += 1

    original = sync._Sync._annotate

    def measured(self, files):
        settle(self.engine)
        time.sleep(0.3)  # a sample of the workers' (none yet) before
        own0, workers0, wall0 = own_cpu(), workers_cpu(), time.monotonic()
        thread0 = time.thread_time()
        if args.callgrind_marks:
            os.getsid(0)
        gc.callbacks.append(gc_timer)
        profile = None
        if args.profile:
            import cProfile

            profile = cProfile.Profile(time.thread_time)  # CPU, not waits
            profile.enable()
        try:
            return original(self, files)
        finally:
            if profile is not None:
                profile.disable()
            gc.callbacks.remove(gc_timer)
            settle(self.engine)
            if args.callgrind_marks:
                os.getppid()
            time.sleep(0.3)  # a last sample of the workers
            figures["own"] = own_cpu() - own0
            figures["thread"] = time.thread_time() - thread0
            figures["workers"] = workers_cpu() - workers0
            figures["wall"] = time.monotonic() - wall0
            if profile is not None:
                profile.dump_stats(args.profile)

    sync._Sync._annotate = measured
    with contextlib.redirect_stdout(io.StringIO()):
        cli.main(["index", "--engine", args.engine, args.corpus])
    tree.stop()
    with open(args.corpus, "rb") as fh:
        articles = sum(1 for _ in fh)

    def ms(seconds: float) -> str:
        return f"{seconds / articles * 1000:.3f}"

    total = figures["own"] + figures["workers"]
    print(f"{articles:,} articles, {args.engine}, annotation pass {figures['wall']:.1f} s wall")
    print(
        f"  CPU ms an article: pass {ms(total)} (this process {ms(figures['own'])},"
        f" its thread {ms(figures['thread'])}, its other threads"
        f" {ms(figures['own'] - figures['thread'])}, workers {ms(figures['workers'])})"
    )
    print(
        f"  of which the garbage collector (this process) {ms(figures['gc'])}"
        f" ({figures['collections']:,} collections)"
    )
    if args.in_process:
        rest = total - extracting[0]  # whoosh's indexing processes included
        print(f"  extractors {ms(extracting[0])}, the rest {ms(rest)}")
    shutil.rmtree(args.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
