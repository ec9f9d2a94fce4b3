"""CPU of `tuireader index` split by pass, in this process: the text pass and the annotation pass.

    python benchmarks/index_cpu.py CORPUS WORKDIR [--engine tantivy] [--text-only]
                                   [--code DIR] [--profile OUT] [--profile-annotations OUT]

Runs ``cli.main(["index", ...])`` in-process on a fresh cache under WORKDIR and prints, per
article: the text pass's CPU (every thread of this process, until the annotation pass starts)
and its main thread's alone (the pass's critical path when there are cores to spare), the
annotation pass's CPU (this process and its worker processes, sampled every 0.1 s), the wall
times and the cache's size against the corpus. Whole runs swing with the machine's load; the
CPU split is steadier, and run alternately with ``--code DIR`` (another version's package,
``git archive REV tuireader | tar -x -C DIR``) it compares two versions side by side.
``--profile`` writes a cProfile of the text pass; ``--profile-annotations`` of the annotation
pass's main process.
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


class _TextOnly(BaseException):
    """Raised when the annotation pass would start, to stop after the text pass."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("workdir")
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--text-only", action="store_true")
    parser.add_argument("--code", help="another version's package folder, run instead")
    parser.add_argument("--profile")
    parser.add_argument("--profile-annotations")
    args = parser.parse_args()
    sys.path.insert(0, args.code or os.path.dirname(HERE))
    sys.path.insert(1, HERE)
    import benchlib

    benchlib.isolate_this_process(args.workdir)
    import tuireader
    from tuireader import cli
    from tuireader.core.cache import sync

    print(f"code: {os.path.dirname(tuireader.__file__)}")
    tree = benchlib.TreeCpu().start()

    def cpu() -> tuple[float, float]:
        return tree.own(), tree.children()

    import cProfile

    text_profile = cProfile.Profile() if args.profile else None
    marks: dict[str, tuple[float, tuple[float, float], float]] = {}
    annotate = sync._Sync._annotate

    def annotating(self, files):
        if text_profile is not None:
            text_profile.disable()
            text_profile.dump_stats(args.profile)
        marks["text"] = (time.monotonic(), cpu(), time.thread_time())
        if args.text_only:
            raise _TextOnly
        if not args.profile_annotations:
            return annotate(self, files)
        profile = cProfile.Profile()
        profile.enable()
        try:
            return annotate(self, files)
        finally:
            profile.disable()
            profile.dump_stats(args.profile_annotations)

    sync._Sync._annotate = annotating
    start, cpu0, thread0 = time.monotonic(), cpu(), time.thread_time()
    if text_profile is not None:
        text_profile.enable()
    with contextlib.suppress(_TextOnly), contextlib.redirect_stdout(io.StringIO()):
        cli.main(["index", "--engine", args.engine, args.corpus])
    time.sleep(0.3)  # a last sample of the workers
    tree.stop()
    end, cpu1 = time.monotonic(), cpu()
    with open(args.corpus, "rb") as fh:
        articles = sum(1 for _ in fh)
    text_end, text_cpu, text_thread = marks["text"]
    cache = sum(
        os.path.getsize(os.path.join(folder, name))
        for folder, _dirs, names in os.walk(os.environ["XDG_CACHE_HOME"])
        for name in names
    )

    def ms(seconds: float) -> str:
        return f"{seconds / articles * 1000:.2f} ms"

    text_wall, text_process = text_end - start, text_cpu[0] - cpu0[0]
    print(
        f"{articles:,} articles: text pass {text_wall:.1f} s, CPU {ms(text_process)} an article"
        f" (main thread {ms(text_thread - thread0)})"
    )
    if not args.text_only:
        annotation_cpu = (cpu1[0] - text_cpu[0]) + (cpu1[1] - text_cpu[1])
        print(f"annotation pass {end - text_end:.1f} s, CPU {ms(annotation_cpu)} an article")
    print(f"cache {cache / 1e6:.1f} MB = {cache / os.path.getsize(args.corpus):.3f}x the corpus")
    shutil.rmtree(args.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
