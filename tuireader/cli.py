"""The ``tuireader`` command: open the reader, or index/search a corpus from the shell.

The Textual UI is imported only when the reader opens, so the other subcommands start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__

SUBCOMMANDS = ("open", "index", "search", "annotate")

DESCRIPTION = """\
Read and search a collection of news articles in the terminal.

  tuireader [PATH ...]                  open the reader (no PATH: default corpus or the sample)
  tuireader index PATH ...              build or update the search index, with a progress bar
  tuireader search QUERY [--corpus PATH ...] [--limit N] [--json]
                                        print ranked results
  tuireader annotate PATH ... [--json] [--backend embedded|spacy] [--model NAME]
                                        print the entities and quotations of each article

PATH is a folder (searched recursively for .txt and .md files) or a dump: .jsonl, .jsonl.gz,
.json (an array) or .csv with title/text fields. Several paths make one corpus.
"""


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{open,index,search,annotate}")

    open_cmd = commands.add_parser("open", help="open the reader (the default command)")
    open_cmd.add_argument("paths", nargs="*", metavar="PATH", help="corpus folders or dumps")

    index_cmd = commands.add_parser("index", help="build or update a corpus's search index")
    index_cmd.add_argument("paths", nargs="*", metavar="PATH", help="corpus folders or dumps")

    search_cmd = commands.add_parser("search", help="search a corpus and print ranked results")
    search_cmd.add_argument("query", help="a query, e.g. 'putin \"press secretary\" -sasse'")
    search_cmd.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="corpus folder or dump (repeatable; default: your default corpus or the sample)",
    )
    search_cmd.add_argument("--limit", type=int, default=20, help="results to print (default 20)")
    search_cmd.add_argument("--json", action="store_true", help="print JSON lines")

    annotate_cmd = commands.add_parser(
        "annotate",
        help="print the named entities and quotations of articles",
        description="Print the named entities and the attributed quotations of each article. "
        "With --json, one JSON object per article; offsets are code-point indices into the "
        "file as stored (title line included) or into a dump record's text field.",
    )
    annotate_cmd.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders or dumps"
    )
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in SUBCOMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "open")
    args = build_parser().parse_args(args_list)
    try:
        if args.command == "index":
            return run_index(args.paths)
        if args.command == "search":
            return run_search(args.query, args.corpus, args.limit, args.json)
        if args.command == "annotate":
            return run_annotate(args.paths, args.json, args.backend, args.model)
        return run_open(args.paths)
    except UsageError as exc:
        print(f"tuireader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def resolve_corpus(paths: Sequence[str]):
    """The Corpus for the given paths, else the configured default, else the bundled sample."""
    from .core import paths as app_paths
    from .core.config import ConfigError, load_config
    from .core.corpus import Corpus
    from .core.loaders import CorpusError

    chosen = list(paths)
    if not chosen:
        try:
            chosen = load_config().default_corpus
        except ConfigError as exc:
            print(f"tuireader: {exc} (using the sample corpus)", file=sys.stderr)
        chosen = chosen or [str(app_paths.bundled_corpus())]
    try:
        return Corpus(chosen)
    except CorpusError as exc:
        raise UsageError(str(exc)) from exc


def run_open(paths: Sequence[str]) -> int:
    corpus = resolve_corpus(paths)
    from .ui.app import ReaderApp

    ReaderApp(corpus).run()
    return 0


def _sync_with_progress(corpus, store, engine, quiet: bool = False):
    """Sync the corpus, drawing a rich progress bar on stderr when it is a terminal."""
    from .core.sync import sync

    if quiet or not sys.stderr.isatty():
        return sync(corpus, store, engine)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]Indexing[/]"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[articles]:,} articles"),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("index", total=None, articles=0)

        def update(progress) -> None:
            bar.update(
                task,
                total=progress.bytes_total or None,
                completed=progress.bytes_done,
                articles=progress.articles,
            )

        return sync(corpus, store, engine, progress=update)


def run_index(paths: Sequence[str]) -> int:
    corpus = resolve_corpus(paths)
    store = corpus.open_store()
    engine = corpus.open_engine()
    try:
        report = _sync_with_progress(corpus, store, engine)
        if report.busy:
            raise UsageError("another tuireader is indexing this corpus; try again when it ends")
        total = store.count()
        rate = report.added / report.seconds if report.seconds and report.added else 0
        print(
            f"{corpus.name}: {total:,} articles ({report.added:,} added, {report.updated:,} "
            f"updated, {report.removed:,} removed) in {report.seconds:.1f} s"
            + (f", {rate:,.0f} articles/s" if rate else ""),
        )
        if report.skipped:
            print(f"skipped {len(report.skipped):,} items:", file=sys.stderr)
            for item in report.skipped[:20]:
                print(f"  {item.path}: {item.reason}", file=sys.stderr)
            if len(report.skipped) > 20:
                print(f"  … and {len(report.skipped) - 20:,} more", file=sys.stderr)
        print(f"index: {corpus.cache_dir}")
    finally:
        engine.close()
        store.close()
    return 0


def run_search(query: str, corpus_paths: Sequence[str], limit: int, as_json: bool) -> int:
    from .core.search import QueryError

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    corpus = resolve_corpus(corpus_paths)
    store = corpus.open_store()
    engine = corpus.open_engine()
    try:
        _sync_with_progress(corpus, store, engine)
        try:
            results = engine.search(query, limit=limit)
        except QueryError as exc:
            raise UsageError(str(exc)) from exc
        rows = store.rows(results.ids)
        out = sys.stdout
        if not as_json:
            print(f"{results.total:,} of {store.count():,} articles match {query!r}", file=out)
        for rank, hit in enumerate(results.hits, start=1):
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
                print(json.dumps(record, ensure_ascii=False), file=out)
            else:
                meta = " · ".join(x for x in (row.source, date) if x)
                print(f"{rank:>3}. {row.title}", file=out)
                print(
                    f"     {meta + ' · ' if meta else ''}score {hit.score:.2f} · {row.key}",
                    file=out,
                )
    finally:
        engine.close()
        store.close()
    return 0


def run_annotate(
    paths: Sequence[str], as_json: bool, backend_name: str | None, model: str | None
) -> int:
    from .core.annotate import annotate, load_backend
    from .core.annotate_files import (
        CorpusError,
        Skipped,
        find_sources,
        iter_raw_texts,
        json_line,
        summary_lines,
    )
    from .core.config import Config, ConfigError, load_config

    if model is not None and backend_name == "embedded":
        raise UsageError("--model is for --backend spacy")
    try:
        sources, skipped = find_sources(list(paths))
    except CorpusError as exc:
        raise UsageError(str(exc)) from exc
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"tuireader: {exc} (using the defaults)", file=sys.stderr)
        config = Config()
    if model is not None:
        config.entities_backend, config.entities_model = "spacy", model
    if backend_name is not None:
        config.entities_backend = backend_name
    backend, warning = load_backend(config)
    if warning:
        print(f"tuireader: {warning}", file=sys.stderr)
    out = sys.stdout
    try:
        for item in iter_raw_texts(sources):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            annotations = annotate(item.text, backend)
            if as_json:
                print(json_line(item, annotations), file=out, flush=True)
            else:
                print("\n".join(summary_lines(item, annotations)), file=out, flush=True)
    except BrokenPipeError:  # e.g. `tuireader annotate … | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    if skipped:
        print(f"skipped {len(skipped):,} items:", file=sys.stderr)
        for miss in skipped[:20]:
            print(f"  {miss.path}: {miss.reason}", file=sys.stderr)
        if len(skipped) > 20:
            print(f"  … and {len(skipped) - 20:,} more", file=sys.stderr)
    return 0


def entry() -> None:  # pragma: no cover
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
