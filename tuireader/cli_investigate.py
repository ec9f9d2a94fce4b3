"""The investigating subcommands (``entities``, ``quotes``, ``cooccur``, ``timeline``,
``graph``) and ``search --batch``: their arguments, and printing what the door
(``Library.investigation``) answers. ``cli.py`` opens and syncs the library and calls ``run``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # argparse is imported by cli.build_parser, not by opening the reader
    import argparse

COMMANDS = ("entities", "quotes", "cooccur", "timeline", "graph")
TYPES = ("person", "org", "place", "misc")

DESCRIPTION = """\
  tuireader entities [QUERY] [--type person|org|place|misc] [--limit N] [--json]
                                        the people, organisations, places and other names
                                        of the matching articles (all: no QUERY), with
                                        their article and mention counts and aliases
  tuireader quotes [QUERY] [--speaker NAME] [--json]
                                        who said what: each quotation once, with every
                                        article carrying it (the earliest first)
  tuireader cooccur NAME [QUERY] [--json]
                                        the names appearing with NAME, ranked by G²
  tuireader timeline [QUERY] [--by day|week|month] [--json]
                                        matching articles per day, week or month
  tuireader graph [QUERY] --format gexf|graphml|csv --output FILE
                                        the co-occurrence graph, for Gephi and the like
  (each also takes --corpus PATH, --source NAME, --from DATE, --to DATE)
  tuireader search --batch FILE         one query per line (# comments): counts, top hits
"""


class BadInput(ValueError):
    """Input the user must fix; the message is one line."""


def add_commands(commands, complete_paths: Callable) -> None:
    """Add the investigating subcommands to ``tuireader``'s parser."""
    entities = _command(commands, "entities", "the names in the matching articles", complete_paths)
    entities.add_argument("--type", choices=TYPES, help="only names of this type")
    entities.add_argument("--limit", type=int, default=50, help="names to print (default 50)")
    quotes = _command(commands, "quotes", "who said what in the matching articles", complete_paths)
    quotes.add_argument("--speaker", metavar="NAME", help="only this speaker's quotations")
    cooccur = commands.add_parser("cooccur", help="the names appearing with NAME")
    cooccur.add_argument("name", metavar="NAME", help="a person, organisation, place …")
    cooccur.add_argument("query", nargs="?", default="", help="a query (default: every article)")
    _common(cooccur, complete_paths)
    cooccur.add_argument("--limit", type=int, default=30, help="names to print (default 30)")
    cooccur.add_argument(
        "--min", type=int, default=2, dest="min_count", help="fewest shared articles (default 2)"
    )
    timeline = _command(commands, "timeline", "matching articles per period", complete_paths)
    timeline.add_argument("--by", choices=("day", "week", "month"), default="day")
    graph = _command(commands, "graph", "export the co-occurrence graph", complete_paths)
    graph.add_argument("--format", choices=("gexf", "graphml", "csv"), help="default: from FILE")
    graph.add_argument("--output", metavar="FILE", required=True, help="the file to write")
    graph.add_argument(
        "--min", type=int, default=2, dest="min_count", help="fewest shared articles (default 2)"
    )
    graph.add_argument("--nodes", type=int, default=500, help="most names (default 500)")


def _command(commands, name: str, help_text: str, complete_paths: Callable):
    command = commands.add_parser(name, help=help_text)
    command.add_argument("query", nargs="?", default="", help="a query (default: every article)")
    _common(command, complete_paths)
    return command


def _common(command: argparse.ArgumentParser, complete_paths: Callable) -> None:
    command.add_argument(
        "--corpus", action="append", default=[], metavar="PATH", help="corpus folder or dump"
    ).completer = complete_paths
    command.add_argument("--json", action="store_true", help="print JSON")
    command.add_argument("--source", metavar="NAME", help="only articles from this source")
    command.add_argument("--from", dest="date_from", metavar="DATE", help="dated on or after")
    command.add_argument("--to", dest="date_to", metavar="DATE", help="dated on or before")
    command.add_argument("--skipped", action="store_true", help="list every item skipped")


def _dump(record: dict, out: TextIO) -> None:
    from tuireader.core.base.text import json_safe

    print(json_safe(json.dumps(record, ensure_ascii=False)), file=out)


def _emit(
    items: Iterable,
    as_json: bool,
    text: Callable[[Any], str],
    out: TextIO,
    record: Callable[[Any], dict] = lambda item: item.to_dict(),
) -> int:
    """Each item as a JSON line or as its text (as they come: ``items`` may be an iterator);
    exit status 1 when there is none."""
    some = False
    for item in items:
        some = True
        if as_json:
            _dump(record(item), out)
        else:
            print(text(item), file=out)
    return 0 if some else 1


def run(args: argparse.Namespace, library, narrow, out: TextIO | None = None) -> int:
    """Answer one investigating subcommand; exit status 1 when it finds nothing."""
    from tuireader.core.base.text import clean_line
    from tuireader.core.search import QueryError

    out = out or sys.stdout
    investigation = library.investigation
    try:
        ids = investigation.list_ids(args.query, narrow)
    except QueryError as exc:
        raise BadInput(str(exc)) from exc
    if args.command == "entities":
        if args.limit < 1:
            raise BadInput("--limit must be at least 1")
        found = investigation.entities(ids, args.type, args.limit)

        def entity_line(entity) -> str:
            aliases = ", ".join(map(clean_line, entity.aliases))
            aka = f"  (also {aliases})" if entity.aliases else ""
            return (
                f"{entity.articles:>7,} {entity.mentions:>8,}  {entity.type:<6} "
                f"{clean_line(entity.name)}{aka}"
            )

        return _emit(found, args.json, entity_line, out)
    if args.command == "quotes":

        def quote_lines(quote) -> str:
            lines = [f"{clean_line(quote.speaker)}: {clean_line(quote.text)}"]
            for index, site in enumerate(quote.sites):
                mark = " (first)" if index == 0 and len(quote.sites) > 1 else ""
                meta = " · ".join(clean_line(x) for x in (site.source, site.date_text) if x)
                lines.append(f"    {clean_line(site.title)}{' · ' + meta if meta else ''}{mark}")
            return "\n".join(lines)

        # Printed as their texts are read, a few hundred at a time: the first lines come at
        # once, not after every quoted article is read.
        return _emit(investigation.quotes_as_read(ids, args.speaker), args.json, quote_lines, out)
    if args.command == "cooccur":
        found = investigation.cooccurring(args.name, ids, args.min_count, args.limit)
        if not found and not investigation.index().find(args.name):
            raise BadInput(f"no entity named {args.name!r} in this corpus")
        return _emit(
            found,
            args.json,
            lambda item: (
                f"{item.shared:>6,} {item.entity.articles:>7,} {item.g2:>9.1f}  "
                f"{item.entity.type:<6} {clean_line(item.entity.name)}"
            ),
            out,
        )
    if args.command == "timeline":
        periods = investigation.timeline(ids, args.by)
        if not periods and ids is None:
            from tuireader.core.investigate.timeline import HOW_TO_DATE

            print(
                f"tuireader: no article in this corpus has a date. {HOW_TO_DATE}", file=sys.stderr
            )
        elif not periods and ids:
            print(
                f"tuireader: none of the {len(ids):,} matching articles has a date", file=sys.stderr
            )
        most = max((p.count for p in periods), default=0)

        def period_line(period) -> str:
            bar = "█" * (round(40 * period.count / most) if most else 0)
            return f"{period.label(args.by):<10} {period.count:>6,} {bar}"

        return _emit(periods, args.json, period_line, out, lambda p: p.to_dict(args.by))
    if args.command == "graph":
        from tuireader.core.investigate.graph_files import graph_text

        fmt = args.format or Path(args.output).suffix.lstrip(".").lower()
        if fmt not in ("gexf", "graphml", "csv"):
            raise BadInput("--format must be gexf, graphml or csv (or FILE end so)")
        nodes, edges = investigation.graph(ids, args.min_count, args.nodes)
        try:
            Path(args.output).write_text(graph_text(fmt, nodes, edges), encoding="utf-8")
        except OSError as exc:
            raise BadInput(f"cannot write {args.output}: {exc.strerror or exc}") from exc
        print(
            f"{len(nodes):,} names, {len(edges):,} links written to {args.output}", file=sys.stderr
        )
        return 0 if nodes else 1
    raise BadInput(f"unknown command {args.command}")


def run_batch(path: str, library, narrow, limit: int, fmt: str, out: TextIO | None = None) -> int:
    """``search --batch FILE``: per query its hit count and top hits. A line that cannot be
    run is told on stderr with its line number; the rest run. Exit status 2 if any line was
    bad, else 0 when any query matched, else 1."""
    from tuireader.core.base.text import clean_line
    from tuireader.core.investigate.batch import read_batch
    from tuireader.core.search import QueryError

    out = out or sys.stdout
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    lines = read_batch(text)
    if not lines:
        raise BadInput(f"{path} has no queries (one a line; # starts a comment)")
    bad = matched = 0
    import csv

    table = csv.writer(out) if fmt == "csv" else None
    if table is not None:
        table.writerow(["line", "query", "total", "rank", "title", "source", "date", "location"])
    for line in lines:
        try:
            found = library.search(line.query, narrow=narrow, limit=limit)
        except QueryError as exc:
            bad += 1
            print(f"tuireader: {path}, line {line.number}: {exc}", file=sys.stderr)
            continue
        matched += bool(found.total)
        rows = library.rows(found.ids)
        hits = [rows[i] for i in found.ids if i in rows]
        if fmt == "json":
            _dump(
                {
                    "line": line.number,
                    "query": line.query,
                    "total": found.total,
                    "hits": [
                        {
                            "title": r.title,
                            "source": r.source,
                            "date": r.date_text,
                            "location": r.key,
                        }
                        for r in hits
                    ],
                },
                out,
            )
        elif table is not None:
            if not hits:
                table.writerow([line.number, line.query, found.total, "", "", "", "", ""])
            for rank, r in enumerate(hits, start=1):
                table.writerow(
                    [
                        line.number,
                        line.query,
                        found.total,
                        rank,
                        r.title,
                        r.source,
                        r.date_text,
                        r.key,
                    ]
                )
        else:
            print(f"{found.total:>7,}  {clean_line(line.query)}", file=out)
            for rank, r in enumerate(hits, start=1):
                print(f"         {rank:>2}. {clean_line(r.title)}", file=out)
    if bad:
        return 2
    return 0 if matched else 1
