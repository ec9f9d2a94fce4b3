"""Who said what: a speaker's quotations across the corpus, a quotation carried by several
articles (a statement, a wire story) listed once with its articles, the earliest first and
marked as the first publisher."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tuireader.core.investigate.rows import words_hash


@dataclass(slots=True)  # not frozen: thousands are made per view, twice as fast this way
class QuoteSite:
    """Where a quotation is carried: an article and the quotation's offsets in its full text
    (as ``tuireader annotate`` gives them)."""

    article_id: int
    key: str
    title: str
    source: str
    date_ts: float | None
    date_text: str
    url: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "article": self.key,
            "title": self.title,
            "source": self.source,
            "date": self.date_text,
            "url": self.url,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class GroupedQuote:
    """One quotation, its speaker and the articles carrying it (earliest first: the first
    publisher). ``text``: the quotation as ``said`` has it; None until it is read
    (``Investigation.quotes(texts=False)`` lists quotations without reading their articles)."""

    speaker: str
    text: str | None
    sites: list[QuoteSite] = field(default_factory=list)
    # The site its text is read from: the first found naming the speaker (an unnamed site
    # joins by its words' hash alone, which two different quotations could share).
    said: QuoteSite | None = None

    @property
    def first(self) -> QuoteSite:
        return self.sites[0]

    def to_dict(self) -> dict:
        first = self.first
        return {
            "speaker": self.speaker,
            "quote": self.text,
            "start": first.start,
            "end": first.end,
            "title": first.title,
            "date": first.date_text,
            "location": first.key,
            "articles": [
                dict(site.to_dict(), first_publisher=index == 0)
                for index, site in enumerate(self.sites)
            ],
        }


def _site_order(site: QuoteSite) -> tuple:
    return (site.date_ts is None, site.date_ts or 0.0, site.article_id, site.start)


def group_quotes(found: Iterable[tuple[str, str, QuoteSite]]) -> list[GroupedQuote]:
    """(speaker, quotation text, site) triples -> quotations (see ``group_sites``)."""
    return group_sites((speaker, words_hash(text), text, site) for speaker, text, site in found)


def group_sites(found: Iterable[tuple[str, int, str | None, QuoteSite]]) -> list[GroupedQuote]:
    """(speaker, words hash, quotation text, site) -> quotations, each once with its sites,
    the same words (case, punctuation and quote marks aside: the same hash, see
    ``rows.words_hash``) by the same speaker being one quotation; the earliest dated site
    first. Ordered by their first site, earliest first.

    A site whose article names no speaker ("" : "the statement said", with the issuers named
    only in another article) joins the quotation of the same words that a speaker is named
    for; a quotation nobody is named for anywhere is left out."""
    groups: dict[tuple[str, int], GroupedQuote] = {}
    more: dict[tuple[str, int], set[int]] = {}  # a group with several sites: their articles
    named: dict[int, tuple[str, int]] = {}  # words -> the key of a named quotation of them
    unnamed: list[tuple[int, QuoteSite]] = []
    folded: dict[str, str] = {}

    def add(key: tuple[str, int], group: GroupedQuote, site: QuoteSite) -> None:
        articles = more.get(key)
        if articles is None:
            articles = more[key] = {s.article_id for s in group.sites}
        if site.article_id not in articles:  # one site an article
            articles.add(site.article_id)
            group.sites.append(site)

    for speaker, words, text, site in found:
        if not speaker:
            unnamed.append((words, site))
            continue
        fold = folded.get(speaker)
        if fold is None:
            fold = folded[speaker] = speaker.casefold()
        key = (fold, words)
        group = groups.get(key)
        if group is None:
            groups[key] = GroupedQuote(speaker, text, [site], site)
            named.setdefault(words, key)
        else:
            add(key, group, site)
    for words, site in unnamed:
        if (key := named.get(words)) is not None:
            add(key, groups[key], site)
    listed = list(groups.values())
    ordered = []
    for number, group in enumerate(listed):
        if len(group.sites) > 1:
            group.sites.sort(key=_site_order)
        first = group.sites[0]
        when = first.date_ts
        # plain tuples sorted once; the number keeps the order found among equals
        ordered.append(
            (when is None, when or 0.0, first.article_id, first.start, group.speaker, number)
        )
    ordered.sort()
    return [listed[entry[5]] for entry in ordered]
