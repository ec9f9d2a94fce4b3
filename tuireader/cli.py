"""The ``tuireader`` command: open the reader, or index/search a corpus from the shell.

The Textual UI is imported only when the reader opens, so the other subcommands start fast.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tuireader import __version__
from tuireader import cli_investigate as investigate_cli
from tuireader.core.base.wording import counted

if TYPE_CHECKING:  # imported by build_parser: `tuireader PATH` opens the reader without it
    import argparse

SUBCOMMANDS = (
    "open",
    "index",
    "search",
    "annotate",
    "export",
    "config",
    "corpora",
    "completion",
    *investigate_cli.COMMANDS,
)

DESCRIPTION = """\
Read and search a collection of news articles in the terminal.

  tuireader [PATH ...]                  open the reader (no PATH: default corpus or the sample)
  tuireader index PATH ...              build or update the search index, with a progress bar
  tuireader search QUERY [--corpus PATH ...] [--limit N] [--json]
                   [--source NAME] [--from DATE] [--to DATE]
                                        print ranked results (only from a source, between
                                        dates: 2016, 2016-10, 2016-10-01); exit status 1
                                        when nothing matches, like grep
  tuireader annotate PATH ... [--json] [--backend embedded|spacy] [--model NAME]
                                        print the entities and quotations of each article
  tuireader export QUERY [--format jsonl|csv|md] [--corpus PATH ...] [--output FILE]
                                        write the matching articles with your tags, notes,
                                        stars and read marks (QUERY may use is:starred,
                                        is:unread, tag:NAME, note:WORD)
  tuireader config [--path | --init]    check the config file, print its path, or write a
                                        commented default
  tuireader corpora                     list the corpora the reader has opened, most recent
                                        first (Ctrl+P "Switch corpus" in the reader opens one)
  tuireader completion bash|zsh|fish    print a shell completion script
{investigate}
The reader needs a terminal; in pipes and scripts use search and export. Items that cannot be
read (a bad record, a binary file) are counted on stderr; --skipped lists every one. Exit
status: 0 done, 1 nothing matched (search), 2 bad input or an error.

PATH is a folder (searched recursively) or a file: text (.txt, .md, .txt.gz), a dump (.jsonl,
.jsonl.gz, .json, .csv, .tsv, each also gzipped, with title/text fields), a web page (.html),
a feed (.rss, .atom, .xml), mail (.eml, .mbox), a crawl (.warc, .warc.gz), .pdf, .docx or
newsboat's cache.db.
Some formats need an extra: pip install 'tuireader[all]'. Several paths make one corpus; "-"
reads a JSON lines dump from standard input (… | tuireader -). A folder's manifest.csv,
manifest.tsv or metadata.jsonl gives its files' title, date, source and url.
""".replace("{investigate}", investigate_cli.DESCRIPTION)


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="tuireader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{" + ",".join(SUBCOMMANDS) + "}")
    commands.completer = complete_paths  # `tuireader PATH` opens the reader

    open_cmd = commands.add_parser("open", help="open the reader (the default command)")
    open_cmd.add_argument(
        "paths", nargs="*", metavar="PATH", help="corpus folders or dumps"
    ).completer = complete_paths
    _engine_option(open_cmd)

    index_cmd = commands.add_parser("index", help="build or update a corpus's search index")
    index_cmd.add_argument(
        "paths", nargs="*", metavar="PATH", help="corpus folders or dumps"
    ).completer = complete_paths
    _skipped_option(index_cmd)
    _engine_option(index_cmd)

    search_cmd = commands.add_parser("search", help="search a corpus and print ranked results")
    search_cmd.add_argument(
        "query",
        nargs="?",
        default="",
        help="a query, e.g. 'putin \"press secretary\" -sasse' (may be left out with --source, "
        "--from or --to: the articles they pass, newest first)",
    )
    search_cmd.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="corpus folder or dump (repeatable; default: your default corpus or the sample)",
    ).completer = complete_paths
    search_cmd.add_argument("--limit", type=int, default=20, help="results to print (default 20)")
    search_cmd.add_argument("--json", action="store_true", help="print JSON lines")
    search_cmd.add_argument("--csv", action="store_true", help="with --batch: print CSV")
    search_cmd.add_argument(
        "--batch",
        metavar="FILE",
        help="run every query in FILE (one a line, # comments): counts and top hits",
    ).completer = complete_paths
    search_cmd.add_argument(
        "--source",
        metavar="NAME",
        help="only articles from this source: the whole name, as the reader lists it "
        "(unlike the query's source:WORD, which matches a word of it)",
    )
    search_cmd.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="only articles dated on or after DATE: 2016, 2016-10 or 2016-10-01 (UTC days)",
    )
    search_cmd.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="only articles dated on or before DATE (2016-10: to the end of October)",
    )
    _skipped_option(search_cmd)
    _engine_option(search_cmd)

    annotate_cmd = commands.add_parser(
        "annotate",
        help="print the named entities and quotations of articles",
        description="Print the named entities and the attributed quotations of each article. "
        "With --json, one JSON object per article; offsets are code-point indices into the "
        "file as stored (title line included) or into a dump record's text field.",
    )
    annotate_cmd.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders or dumps"
    ).completer = complete_paths
    annotate_cmd.add_argument("--json", action="store_true", help="print one JSON object per line")
    annotate_cmd.add_argument(
        "--backend",
        choices=("embedded", "spacy"),
        help="entity recognizer (default: [entities] backend in the config, else embedded)",
    )
    annotate_cmd.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy model package or folder (implies --backend spacy; default: the config's, "
        "else en_core_web_sm)",
    )
    export_cmd = commands.add_parser(
        "export",
        help="export the articles matching a query to JSONL, CSV or Markdown",
        description="Write the articles matching QUERY (every match, newest first for is:/tag:/"
        "note: alone) with their title, source, date, location, url, tags, note and text. "
        "The JSONL and CSV files open again as a corpus.",
    )
    export_cmd.add_argument("query", help="a query, e.g. 'is:starred' or 'tag:climate russia'")
    export_cmd.add_argument(
        "--format",
        choices=("jsonl", "csv", "md"),
        help="output format (default: from the --output suffix, else jsonl)",
    )
    export_cmd.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="corpus folder or dump (repeatable; default: your default corpus or the sample)",
    ).completer = complete_paths
    export_cmd.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE (default stdout)"
    ).completer = complete_paths
    export_cmd.add_argument(
        "--annotations",
        action="store_true",
        help="add each article's named entities and quotations with their speakers",
    )
    _skipped_option(export_cmd)

    config_cmd = commands.add_parser(
        "config",
        help="check the config file, print its path or write a commented default",
        description="With no option: print the config file's path and check it.",
    )
    config_what = config_cmd.add_mutually_exclusive_group()
    config_what.add_argument("--path", action="store_true", help="print the config file's path")
    config_what.add_argument(
        "--init",
        action="store_true",
        help="write a commented default config (refuses to replace an existing file)",
    )
    commands.add_parser(
        "corpora",
        help="list the corpora the reader has opened",
        description="List the corpora the reader has opened, most recently opened first: "
        "name, article count (when indexed), when last opened, and paths. A corpus whose "
        "paths are gone is listed as missing.",
    )
    investigate_cli.add_commands(commands, complete_paths)
    completion_cmd = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for bash, zsh or fish. bash: "
        'eval "$(tuireader completion bash)" in ~/.bashrc; zsh: tuireader completion zsh '
        "> a file named _tuireader in a folder of your $fpath; fish: tuireader completion fish "
        "> ~/.config/fish/completions/tuireader.fish",
    )
    completion_cmd.add_argument("shell", choices=("bash", "zsh", "fish"))
    return parser


def complete_paths(prefix: str, **kwargs) -> list[str]:
    """File names for a PATH or FILE in shell completion (argcomplete reads an action's
    ``completer``); every other value completes to nothing but its choices."""
    from argcomplete.completers import FilesCompleter

    return list(FilesCompleter()(prefix, **kwargs))


def _skipped_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--skipped",
        action="store_true",
        help="list every item that could not be read (not only the first 20)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if "_ARGCOMPLETE" not in os.environ and only_paths(args_list):
        # `tuireader [PATH ...]`: the reader opens without the parser being built (a
        # hundredth of its launch); the parser would read these arguments the same way
        return _answer(lambda: run_open(args_list, need_terminal=True))
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (`tuireader completion`)
        import argcomplete

        argcomplete.autocomplete(
            parser, always_complete_options=False, default_completer=argcomplete.SuppressCompleter()
        )
        # (it has answered on the shell's descriptor and ended the process)
    if not args_list or (
        args_list[0] not in SUBCOMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "open")
    args = parser.parse_args(args_list)
    return _answer(lambda: _run(parser, args))


def only_paths(args: Sequence[str]) -> bool:
    """Whether the arguments are only paths to open (or none): no option, no subcommand."""
    if args and args[0] in SUBCOMMANDS:
        return False
    return all(arg and not arg.startswith("-") for arg in args)


def _answer(run: Callable[[], int]) -> int:
    """Run a command; its exit status (a usage error: 2, its message on stderr)."""
    try:
        code = run()
        sys.stdout.flush()  # a closed pipe shows here when the output fitted in the buffer
        return code
    except UsageError as exc:
        print(f"tuireader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `tuireader search … | head`: the reader of the output has gone
        _silence_closed_pipe()
        return PIPE_CLOSED


# What a shell reports for a command ended by SIGPIPE (128 + 13), as `grep … | head` gives.
PIPE_CLOSED = 141
FRAME_RATE = "240"  # the reader's most frames a second, unless TEXTUAL_FPS says otherwise


def _silence_closed_pipe() -> None:
    """Send what is left of the output to /dev/null, so that Python's flush at exit does not
    print a second BrokenPipeError (https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""
    import contextlib
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        # a stream without a file descriptor (captured by a test) has nothing to flush there
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "index":
        return run_index(args.paths, args.skipped, engine=args.engine)
    if args.command in investigate_cli.COMMANDS or getattr(args, "batch", None):
        return run_investigate(args)
    if args.command == "search":
        return run_search(
            args.query,
            args.corpus,
            args.limit,
            args.json,
            filters=(args.source, args.date_from, args.date_to),
            list_skipped=args.skipped,
            engine=args.engine,
        )
    if args.command == "annotate":
        return run_annotate(args.paths, args.json, args.backend, args.model)
    if args.command == "export":
        return run_export(
            args.query, args.corpus, args.format, args.output, args.annotations, args.skipped
        )
    if args.command == "config":
        return run_config(args.path, args.init)
    if args.command == "corpora":
        return run_corpora()
    if args.command == "completion":
        import argcomplete

        sys.stdout.write(argcomplete.shellcode([parser.prog], shell=args.shell))
        return 0
    return run_open(args.paths, need_terminal=True, engine=args.engine)


def not_a_terminal() -> str | None:
    """Which standard stream is not a terminal ("standard output"), or None: the reader reads
    keys from stdin and draws on stderr, and its screen must not end up in a file or a pipe."""
    for name, stream in (
        ("standard input", sys.stdin),
        ("standard output", sys.stdout),
        ("standard error", sys.stderr),
    ):
        try:
            if stream is None or not stream.isatty():
                return name
        except ValueError:  # closed
            return name
    return None


def _engine_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=("whoosh", "tantivy"),
        help="search engine for this corpus from now on (default: [search] engine in the "
        "config, else whoosh); tantivy (pip install 'tuireader[tantivy]') is many times faster "
        "on big corpora; switching rebuilds the index, marks, tags and notes are kept",
    )


def resolve_corpus(paths: Sequence[str], engine: str | None = None):
    """The Corpus for the given paths, else the configured default, else the bundled sample;
    ``engine``: --engine, chosen for it from now on."""
    from tuireader.core.ingest.loaders import CorpusError
    from tuireader.core.library.opening import choose_corpus

    paths = _standard_input(paths)
    try:
        corpus, notices = choose_corpus(paths)
    except CorpusError as exc:
        raise UsageError(str(exc)) from exc
    for notice in notices:
        print(f"tuireader: {notice}", file=sys.stderr)
    try:
        corpus.choose_engine(engine)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return corpus


def _standard_input(paths: Sequence[str]) -> list[str]:
    """``-`` among the paths: the JSON lines on standard input, kept as a file (see
    core.ingest.stdin); the keyboard is then read from the terminal."""
    from tuireader.core.library.stdin import STDIN, spool

    if STDIN not in paths:
        return list(paths)
    if sys.stdin.isatty():
        raise UsageError("tuireader -: pipe a JSON lines dump in (… | tuireader -)")
    spooled = str(spool(sys.stdin.buffer))
    with contextlib.suppress(OSError, ValueError):  # the reader's keys come from the terminal
        if not sys.stdout.isatty():
            raise OSError("not drawing on a terminal: no need")
        tty = os.open("/dev/tty", os.O_RDONLY)
        os.dup2(tty, 0)
        os.close(tty)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 (fd 0 stays open for the process)
    return [spooled if path == STDIN else path for path in paths]


def open_library(paths: Sequence[str], fallback: bool = True, engine: str | None = None):
    """The Library (core.library) of the corpus at ``paths``, its index open with the
    configured entity backend (a warning when it cannot be used)."""
    from tuireader.core.cache.store import CacheError
    from tuireader.core.library import Library

    corpus = resolve_corpus(paths, engine)
    try:
        library = Library(corpus, fallback=fallback)
    except CacheError as exc:  # no usable cache, not even a temporary one
        raise UsageError(str(exc)) from exc
    try:
        # the configured entity backend names the annotation index, as in the reader: an index
        # opened with another would be made again
        warning = library.open_index(with_backend=True)
    except CacheError as exc:
        library.close()
        raise UsageError(str(exc)) from exc
    if warning:
        from tuireader.core.base.text import visible

        print(f"tuireader: {visible(warning)}", file=sys.stderr)
    return library


def say_notices(library) -> None:
    from tuireader.core.base.text import visible

    for notice in library.take_notices():
        print(f"tuireader: {visible(notice)}", file=sys.stderr)


def run_open(paths: Sequence[str], need_terminal: bool = False, engine: str | None = None) -> int:
    """Open the reader; ``need_terminal``: refuse (exit 2) unless the standard streams are a
    terminal (tests run it headless)."""
    # No cyclic garbage collection until the reader's first frame (ReaderApp turns it back
    # on): the modules imported and the widgets made until then are kept, and the full
    # collections their objects set off were a tenth of the launch (benchmarks/README.md).
    gc.disable()
    try:
        return _open_reader(paths, need_terminal, engine)
    finally:
        gc.enable()


def _open_reader(paths: Sequence[str], need_terminal: bool, engine: str | None) -> int:
    corpus = resolve_corpus(paths, engine)
    missing = not_a_terminal() if need_terminal else None
    if missing:
        raise UsageError(
            f"the reader needs a terminal, and {missing} is not one; in a pipe or a script, "
            "use tuireader search QUERY or tuireader export QUERY"
        )
    # Textual draws on a grid of frames and, after a slow frame, a change can wait up to two
    # intervals: at 240 a keypress made during a search is drawn within a 60 Hz frame
    # (benchmarks/README.md, bench_frame_rate.py). Frames are drawn
    # only when something changed, so idle costs nothing. Read when Textual is imported.
    os.environ.setdefault("TEXTUAL_FPS", FRAME_RATE)
    from tuireader.ui.app import ReaderApp

    code = 0
    while corpus is not None:  # "Switch corpus" ends an app with the corpus to open next
        gc.disable()  # until its first frame, as above
        app = ReaderApp(corpus)
        try:
            corpus = app.run()
        finally:
            app.release()  # its workers are done when run() returns
        code = app.return_code or 0  # 1 after a crash (Textual printed the traceback)
    return code


def _say_busy(library) -> None:
    """Another process is indexing the corpus: the answer covers only what it has committed
    so far, and stderr says so."""
    print(
        "tuireader: the corpus is being indexed by another process; answering from the "
        f"{library.count():,} articles it has committed so far",
        file=sys.stderr,
    )


def _sync_for_answer(library, command: str, list_skipped: bool) -> None:
    """Sync before answering from the index (search, export). A cache that cannot be written
    (a full disk) leaves the index as it is, which is answered from."""
    from tuireader.core.base.text import visible
    from tuireader.core.cache.store import CacheError

    say_notices(library)
    try:
        report = _sync(library)
    except CacheError as exc:
        print(f"tuireader: {visible(str(exc))}; searching the index as it is", file=sys.stderr)
        return
    if report.repaired:
        print(f"tuireader: {visible(report.repaired)}", file=sys.stderr)
    if report.busy:
        _say_busy(library)
    report_skipped(report, command, list_skipped)


def _told_while_searching(library):
    """What a search says when it found the index damaged and synced again (see
    Library.search), on stderr."""
    from tuireader.core.base.text import visible
    from tuireader.core.library import SyncNotice

    def tell(event) -> None:
        if not isinstance(event, SyncNotice):
            return  # no progress bar for the repair
        if event.kind == "busy":
            _say_busy(library)
        elif event.kind == "cache_error":
            print(
                f"tuireader: {visible(event.text)}; searching the index as it is", file=sys.stderr
            )
        else:
            print(f"tuireader: {visible(event.text)}", file=sys.stderr)

    return tell


def _sync(library):
    """Sync the library, drawing a rich progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return library.sync()
    with _progress_bar() as draw:
        return library.sync(on_event=draw)


@contextlib.contextmanager
def _progress_bar():
    """A rich progress bar on stderr, one task per sync stage; yields the event handler."""
    from rich.console import Console
    from rich.filesize import decimal
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("[bold]{task.description}[/]"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[articles]:,} articles"),
        TextColumn("{task.fields[size]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        tasks: dict[str, int] = {}

        def draw(event) -> None:
            progress = getattr(event, "progress", None)
            if progress is None:
                return
            if progress.stage not in tasks:
                label = "Indexing" if progress.stage == "text" else "Entities, quotations"
                tasks[progress.stage] = bar.add_task(label, total=None, articles=0, size="")
            text = progress.stage == "text"  # read from the files: bytes; then from the store
            bar.update(
                tasks[progress.stage],
                total=(progress.bytes_total if text else progress.articles_total) or None,
                completed=progress.bytes_done if text else progress.articles,
                articles=progress.articles,
                size=f"{decimal(progress.bytes_done)}/{decimal(progress.bytes_total)}"
                if text
                else "",
            )

        yield draw


def report_skipped(report, command: str, list_all: bool) -> None:
    """Count on stderr the items of the corpus that could not be read, with the first 20
    reasons (every one with ``list_all``), as the reader's "items could not be read" does."""
    from tuireader.core.base.log import log_file, log_problem
    from tuireader.core.base.text import visible

    if not report.skipped:
        return
    shown = report.skipped if list_all else report.skipped[:20]
    print(
        f"skipped {counted(len(report.skipped), 'item')} that could not be read:", file=sys.stderr
    )
    for item in shown:
        print(f"  {visible(item.path)}: {visible(item.reason)}", file=sys.stderr)
    if len(report.skipped) > len(shown):
        print(
            f"  … and {len(report.skipped) - len(shown):,} more "
            f"(all of them: tuireader {command} --skipped)",
            file=sys.stderr,
        )
    problem = log_problem()
    print(
        f"  reasons logged in {visible(str(log_file()))}"
        if not problem
        else f"  ({visible(problem)})",
        file=sys.stderr,
    )


def run_index(paths: Sequence[str], list_skipped: bool = False, engine: str | None = None) -> int:
    from tuireader.core.base.text import visible
    from tuireader.core.cache.store import CacheError

    library = open_library(paths, fallback=False, engine=engine)
    try:
        say_notices(library)
        try:
            report = _sync(library)
        except CacheError as exc:  # the cache is full or read-only: one line, exit code 2
            raise UsageError(str(exc)) from exc
        if report.busy:
            raise UsageError("another tuireader is indexing this corpus; try again when it ends")
        total = library.count()
        indexed = report.added + report.updated
        text_seconds = report.text_seconds or report.seconds
        rate = indexed / text_seconds if text_seconds and indexed else 0
        annotation_seconds = report.seconds - text_seconds
        annotation_rate = (
            report.annotated / annotation_seconds if report.annotated and annotation_seconds else 0
        )
        print(
            f"{visible(library.corpus.name)}: {total:,} articles ({report.added:,} added, "
            f"{report.updated:,} updated, {report.removed:,} removed) searchable in "
            f"{text_seconds:.1f} s"
            + (f", {rate:,.0f} articles/s" if rate else "")
            + (
                f"; entities and quotations of {report.annotated:,} in "
                f"{annotation_seconds:.1f} s, {annotation_rate:,.0f} articles/s"
                if report.annotated
                else ""
            ),
        )
        if report.repaired:
            print(f"tuireader: {report.repaired}", file=sys.stderr)
        if report.advice:
            print(f"tuireader: {report.advice}", file=sys.stderr)
        report_skipped(report, "index", list_skipped)
        print(f"index: {visible(str(library.corpus.cache_dir))}")
    finally:
        library.close()
    return 0


def _user_marks(library, required: bool, command: str) -> None:
    """Open the user's marks (a damaged database set aside is said on stderr). ``required``
    (the query asks about them): exit 2 when they cannot be opened; else say so and go on."""
    from tuireader.core.user.userdata import UserDataError

    try:
        library.user_marks()
    except UserDataError as exc:
        if required:
            raise UsageError(str(exc)) from exc
        print(f"tuireader: {exc} (exporting without tags and notes)", file=sys.stderr)
    say_notices(library)


def run_search(
    query: str,
    corpus_paths: Sequence[str],
    limit: int,
    as_json: bool,
    filters: tuple[str | None, str | None, str | None] = (None, None, None),
    list_skipped: bool = False,
    engine: str | None = None,
) -> int:
    """``filters``: --source, --from and --to. Exit status 1 when nothing matches (grep's)."""
    from tuireader.core.base.text import clean_line, json_safe, visible
    from tuireader.core.search import QueryError
    from tuireader.core.search.meta_filter import DateRangeError, from_options

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    try:
        narrow = from_options(*filters)
    except DateRangeError as exc:
        raise UsageError(str(exc)) from exc
    if not query.strip() and narrow.empty:
        raise UsageError("search needs a QUERY (or --source, --from or --to)")
    from tuireader.core.search.user_filters import has_user_clauses

    library = open_library(corpus_paths, engine=engine)
    try:
        if has_user_clauses(query):
            _user_marks(library, required=True, command="search")
        _sync_for_answer(library, "search", list_skipped)
        try:
            found = library.search(
                query, narrow=narrow, limit=limit, on_event=_told_while_searching(library)
            )
        except QueryError as exc:
            raise UsageError(str(exc)) from exc
        rows = library.rows(found.ids)
        out = sys.stdout
        if not as_json:
            asked = " · ".join(
                x for x in (repr(query) if query.strip() else "", narrow.label()) if x
            )
            print(f"{found.total:,} of {library.count():,} articles match {asked}", file=out)
        for rank, hit in enumerate(found.hits, start=1):
            row = rows.get(hit.article_id)
            if row is None:
                continue
            date = row.date.date().isoformat() if row.date else row.date_text
            if as_json:
                record = {
                    "rank": rank,
                    "title": row.title,
                    "source": row.source,
                    "date": row.date.isoformat() if row.date else (row.date_text or None),
                    "score": round(hit.score, 4),
                    "location": row.key,
                    "path": row.file,
                }
                # json.dumps escapes C0 controls; json_safe the C1 and bidi ones it leaves raw
                print(json_safe(json.dumps(record, ensure_ascii=False)), file=out)
            else:
                meta = " · ".join(clean_line(x) for x in (row.source, date) if x)
                print(f"{rank:>3}. {clean_line(row.title)}", file=out)
                print(
                    f"     {meta + ' · ' if meta else ''}score {hit.score:.2f} · "
                    f"{visible(row.key)}",
                    file=out,
                )
    finally:
        library.close()
    return 0 if found.total else 1


def run_investigate(args: argparse.Namespace) -> int:
    """The investigating subcommands and ``search --batch`` (see cli_investigate)."""
    from tuireader.core.search.meta_filter import DateRangeError, from_options

    try:
        narrow = from_options(args.source, args.date_from, args.date_to)
    except DateRangeError as exc:
        raise UsageError(str(exc)) from exc
    library = open_library(args.corpus)
    try:
        _sync_for_answer(library, args.command, args.skipped)
        if args.command == "search":
            fmt = "json" if args.json else "csv" if args.csv else "text"
            return investigate_cli.run_batch(args.batch, library, narrow, args.limit, fmt)
        return investigate_cli.run(args, library, narrow)
    except investigate_cli.BadInput as exc:
        raise UsageError(str(exc)) from exc
    finally:
        library.close()


def run_annotate(
    paths: Sequence[str], as_json: bool, backend_name: str | None, model: str | None
) -> int:
    from tuireader.core.annotate.raw_texts import CorpusError, json_line, summary_lines
    from tuireader.core.library.files import FileAnnotations

    if model is not None and backend_name == "embedded":
        raise UsageError("--model is for --backend spacy")
    try:
        found = FileAnnotations(paths, backend_name, model)
    except CorpusError as exc:
        raise UsageError(str(exc)) from exc
    for notice in found.notices:
        print(f"tuireader: {notice}", file=sys.stderr)
    out = sys.stdout
    for item, spans in found:
        if as_json:
            print(json_line(item, spans), file=out, flush=True)
        else:
            print("\n".join(summary_lines(item, spans)), file=out, flush=True)
    skipped = found.skipped
    if skipped:
        print(f"skipped {counted(len(skipped), 'item')}:", file=sys.stderr)
        for miss in skipped[:20]:
            print(f"  {miss.path}: {miss.reason}", file=sys.stderr)
        if len(skipped) > 20:
            print(f"  … and {len(skipped) - 20:,} more", file=sys.stderr)
    return 0


def run_export(
    query: str,
    corpus_paths: Sequence[str],
    fmt: str | None,
    output: str | None,
    with_annotations: bool = False,
    list_skipped: bool = False,
) -> int:
    from pathlib import Path

    from tuireader.core.present.export import format_for
    from tuireader.core.search import QueryError

    fmt = fmt or (format_for(output, "jsonl") if output else "jsonl")
    library = open_library(corpus_paths)
    try:
        _user_marks(library, required=False, command="export")
        _sync_for_answer(library, "export", list_skipped)
        path = Path(output).expanduser().absolute() if output else None
        try:
            count = library.export_query(
                query,
                fmt,
                out=None if path else sys.stdout,
                path=path,
                annotations=with_annotations,
                on_event=_told_while_searching(library),
            )
        except QueryError as exc:
            raise UsageError(str(exc)) from exc
        except OSError as exc:
            if path is None:
                raise
            from tuireader.core.base.atomic import why_not_written

            raise UsageError(f"cannot write {path}: {why_not_written(exc, path)}") from exc
        if path is not None:
            print(f"exported {count:,} articles to {path}", file=sys.stderr)
    finally:
        library.close()
    return 0


def run_config(show_path: bool, init: bool) -> int:
    from tuireader.core.base import paths as app_paths
    from tuireader.core.base.text import visible
    from tuireader.core.user.config import check_config, write_default_config

    path = app_paths.config_file()
    if init:
        try:
            write_default_config(path)
        except FileExistsError as exc:
            raise UsageError(f"{path} exists; not replaced (edit it, or move it away)") from exc
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        print(f"wrote {path}")
        return 0
    print(path)
    if show_path:
        return 0
    if not path.exists():
        print("tuireader: no config file (tuireader config --init writes one)", file=sys.stderr)
        return 0
    problems = check_config(path, **_names_the_ui_knows())
    for problem in problems:
        print(f"tuireader: {visible(problem)}", file=sys.stderr)
    if problems:
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        print(f"{count}; the reader uses the defaults until they are fixed", file=sys.stderr)
        return 2
    print("config OK", file=sys.stderr)
    return 0


def _names_the_ui_knows() -> dict:
    """Theme names, binding ids and a colour check from the UI (the core knows none of them):
    the only command that imports Textual without opening the reader."""
    from rich.color import ANSI_COLOR_NAMES
    from textual.color import Color, ColorParseError
    from textual.theme import BUILTIN_THEMES

    from tuireader.core.user.config import did_you_mean
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.bindings import known_binding_ids
    from tuireader.ui.colours import resolve_colour

    def colour_hint(name: str) -> str | None:
        if resolve_colour(name) is not None:
            return None
        if hint := did_you_mean(name, ANSI_COLOR_NAMES):  # Rich's names: "dark_orange"
            return hint
        try:
            Color.parse(name)
        except ColorParseError as exc:  # Textual's own suggestion among its colour names
            if exc.suggested_color:
                return f"; did you mean {exc.suggested_color!r}?"
        return ""

    return {
        "themes": set(BUILTIN_THEMES),
        "binding_ids": known_binding_ids(ReaderApp),
        "colour_hint": colour_hint,
    }


def run_corpora() -> int:
    import time

    from tuireader.core.base.text import visible
    from tuireader.core.user.corpora import KnownCorpora

    known = KnownCorpora()
    if known.warning:
        print(f"tuireader: {visible(known.warning)}", file=sys.stderr)
    if not known.entries:
        print("no corpora opened yet (tuireader PATH opens one)", file=sys.stderr)
        return 0
    for entry in known.entries:
        opened = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.last_opened))
        missing = set(entry.missing)
        count = "missing" if missing else _article_count(entry.paths)
        print(f"{visible(entry.name)} · {count} · last opened {opened}")
        for path in entry.paths:
            print(f"  {visible(path)}{'  (missing)' if path in missing else ''}")
    return 0


def _article_count(corpus_paths) -> str:
    """ "1,234 articles" from the corpus's cache, without indexing; else why there is none."""
    from tuireader.core.library.files import indexed_count

    count = indexed_count(corpus_paths)
    if isinstance(count, str):
        return count
    return counted(count, "article")


def entry() -> None:  # pragma: no cover
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
