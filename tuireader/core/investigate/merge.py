"""Merging the names of one entity across the corpus.

Two rules, each applied only when the corpus leaves no doubt:

- a one-word person name ("Doe") joins the one full person name ending with that word
  ("Jane Doe") when the corpus names no other full name ending so ("John Doe");
- an acronym ("DEA") joins its expansion ("Department of Example Affairs") when some article
  defines it as such ("… Affairs (DEA)") and no article defines it otherwise.

Names of one type that differ only in case ("JAPAN" in a headline, "Japan"; a stray "Uk"
beside "UK") join the form written in the most articles; a form in capitals must be written
ten times as often as the others to be chosen (headlines in capitals are many).

Two full names are never merged with each other: "Jane Doe" and
"John Doe" stay two people, and "Doe" then stays apart from both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

PERSON = 0
# A name in capitals is how a corpus writes it only when written this many times as often.
CAPITALS_FACTOR = 10


def case_variants(names: Mapping[int, tuple[int, str]]) -> list[list[int]]:
    """The groups of name ids of one type that differ only in case (two or more a group)."""
    by_case: dict[tuple[int, str], list[int]] = defaultdict(list)
    for name_id, (kind, name) in names.items():
        by_case[kind, name.casefold()].append(name_id)
    return [ids for ids in by_case.values() if len(ids) > 1]


def _usual_form(
    ids: list[int], names: Mapping[int, tuple[int, str]], articles: Mapping[int, int]
) -> int:
    """The form case variants join: the one written in most articles, but a form in capitals
    (headlines, datelines) only when the others are rare beside it ("UK" over a stray "Uk",
    never "GERMAN" over "German")."""

    def most(group: list[int]) -> int:
        return max(group, key=lambda i: (articles.get(i, 0), -i))

    capitals = [i for i in ids if names[i][1].isupper()]
    usual = [i for i in ids if i not in capitals]
    if not usual:
        return most(capitals)
    if not capitals:
        return most(usual)
    best_usual, best_capitals = most(usual), most(capitals)
    if articles.get(best_capitals, 0) >= CAPITALS_FACTOR * max(articles.get(best_usual, 0), 1):
        return best_capitals
    return best_usual


def merge_map(
    names: Mapping[int, tuple[int, str]],
    acronyms: Iterable[tuple[int, int]],
    articles: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """name id -> the id of the name it joins (only the ids that join another).

    ``names``: id -> (type, name); ``acronyms``: (acronym id, expansion id) pairs as articles
    define them; ``articles``: for the names of ``case_variants``, how many articles write
    each.
    """
    joined: dict[int, int] = {}
    articles = articles or {}
    for ids in case_variants(names):
        target = _usual_form(ids, names, articles)
        for name_id in ids:
            if name_id != target:
                joined[name_id] = target
    full_by_last: dict[str, set[int]] = defaultdict(set)
    single: dict[str, list[int]] = defaultdict(list)
    for name_id, (kind, name) in names.items():
        if kind != PERSON or name_id in joined:
            continue
        words = name.split()
        if len(words) >= 2:
            full_by_last[words[-1]].add(name_id)
        elif len(words) == 1 and name[:1].isupper():
            single[name].append(name_id)
    for word, ids in single.items():
        full = full_by_last.get(word, set())
        if len(full) == 1:
            (target,) = full
            for name_id in ids:
                joined[name_id] = target
    expansions: dict[str, set[str]] = defaultdict(set)
    ids_of_expansion: dict[str, int] = {}
    for short_id, long_id in acronyms:
        if short_id in names and long_id in names:
            short, long = names[short_id][1], names[long_id][1]
            expansions[short].add(long)
            ids_of_expansion.setdefault(long, long_id)
    if expansions:
        for name_id, (_kind, name) in names.items():
            found = expansions.get(name)
            if found and len(found) == 1:
                target = ids_of_expansion[next(iter(found))]
                target = joined.get(target, target)
                if target != name_id:
                    joined[name_id] = target
    for name_id, target in joined.items():  # "DOE" -> "Doe" -> "Jane Doe": to the end
        while target in joined and joined[target] != name_id:
            target = joined[target]
        joined[name_id] = target
    return joined
