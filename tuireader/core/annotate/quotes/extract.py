"""From quoted stretches to attributed quotation candidates.

Each stretch is attributed from its own sentence first; stretches that are not quotations
(scare quotes, titles) are dropped; the rest inherit a speaker from the quotation they continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from tuireader.core.annotate.quotes.attribution import (
    AFTER,
    BEFORE,
    DASH,
    EMBEDDED,
    FINDING,
    INVERTED,
    OWNED,
    SUBJECT,
    Attribution,
    according_to,
    after_window,
    attribute_after,
    attribute_before,
    attribute_colon_intro,
    attribute_credit_line,
    attribute_headline,
    attribute_owned_quote,
    attribute_owner,
    attribute_participle_lead,
    attribute_passive_agent,
    before_window,
    has_cue,
    sentence_subject,
    spoken_to,
    trim_speaker,
)
from tuireader.core.annotate.quotes.cues import word_set
from tuireader.core.annotate.quotes.marks import QuotedStretch, find_quoted_stretches, paragraphs

INHERITED = "inherited"
PREVIOUS = "previous"
_MASK = "\u00b7"
_END_PUNCT = ".,!?;:\u2014\u2013- \u2026"
_LOCAL = frozenset({AFTER, INVERTED, DASH, BEFORE, OWNED})
_SMALL_WORDS = word_set("a an and the of in on for to at by or with from vs")
_WORD_RE = re.compile(r"[^\W_][\w'\u2019-]*")
_CLAUSE_RE = re.compile(r"\bthat\b")
_CLAUSE_SUBJECT_RE = re.compile(
    r",\s+(?:while|whereas|but|and)\s+(?P<sp>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"(?:,[^,;:\"\u201c\u201d]{1,80},)?\s+[a-z]+(?:ed|s)\b[^,;:.!?]{0,80}$"
)
# `Doe said Roe "..."`, `Doe called the plan "..."`: an object after the cue (not "at a rally")
# `Doe said it would be "..."`: a clause after the cue too
_OBJECT_AFTER_CUE_RE = re.compile(
    r"\s+(?:[A-Z]|(?:the|his|her|their|its|it|he|she|they|we|there|this|that)\s)"
)
# A title-case quotation right after "the film", "an episode of": a title, no quotation
_TITLE_CONTEXT_RE = re.compile(
    r"(?:['\u2019]s|\b(?:on|titled|entitled|named|dubbed|called|show|program|programme|film|"
    r"movie|book|series|podcast|song|album|column|op-ed|article|headline|magazine|slogan|"
    r"hashtag|episode|documentary|novel|play|musical|ad|video)(?:\s+of)?)\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Candidate:
    """A quotation candidate with its (possibly inherited) attribution."""

    start: int
    end: int
    closed: bool
    paragraph: int
    para_start: int
    para_end: int
    who: Attribution | None = None
    sentence_cue: bool = False
    after_document_intro: bool = False

    @property
    def leads_paragraph(self) -> bool:
        """True when the quotation opens its paragraph."""
        return self.start == self.para_start


def _inner(text: str, c: Candidate) -> str:
    """The quotation without its marks."""
    return text[c.start + 1 : c.end - 1 if c.closed else c.end]


def _closing_punct(text: str, c: Candidate) -> str:
    """The punctuation just inside the closing mark ('' if none)."""
    inner = _inner(text, c).rstrip()
    return inner[-1] if inner and inner[-1] in ".,!?;:\u2014\u2013-" else ""


def _local_attribution(text: str, c: Candidate, next_start: int) -> Attribution | None:
    """Attribute one candidate from its sentence (``text`` has quotation interiors masked)."""
    limit = min(next_start, c.para_end)
    a_end = after_window(text, c.end, limit)
    closed_sentence = _closing_punct(text, c) == "."
    after = attribute_after(text, c.end, a_end, closed_sentence)
    if (
        after is None
        and _closing_punct(text, c) == ","
        and next_start < c.para_end
        and _SHORT_TITLE_RE.match(text, next_start)
    ):
        # '"...," Doe, wearing "Vote Roe" pins, said': a short quotation inside the
        # attribution (a title, a slogan) does not end its window
        a_end = after_window(text, c.end, c.para_end)
        after = attribute_after(text, c.end, a_end, closed_sentence)
        if after is not None and after.speaker[0] > next_start and after.how != INVERTED:
            # (an inverted cue before the title keeps its subject after it: '"...," said
            # "The Hour" host Jane Doe')
            after = None
    if after and _after_belongs_to_next(text, c, a_end, next_start, after):
        after = None
    b_start = before_window(text, c.para_start, c.start)
    before = (
        attribute_before(text, b_start, c.start)
        or attribute_colon_intro(text, b_start, c.start)
        or attribute_owner(text, b_start, c.start)
        or attribute_participle_lead(text, b_start, (c.start, c.end), a_end)
    )
    c.sentence_cue = has_cue(text, b_start, c.start) or has_cue(text, c.end, a_end)
    voiced = attribute_passive_agent(
        text, b_start, (c.start, c.end), a_end
    ) or attribute_owned_quote(text, b_start, (c.start, c.end))
    if voiced is not None:
        return voiced
    if before is None and after is None and b_start == c.start > c.para_start:
        return _previous_sentence(text, c)
    if before is None and after is None and a_end == next_start < c.para_end:
        return _outlet_past_next(text, c, next_start)
    if before and before.how == BEFORE and (after is None or _closing_punct(text, c) in ".:"):
        return before
    if (
        before
        and after
        and before.how in (BEFORE, EMBEDDED)
        and _THAT_BEFORE_RE.search(text, max(b_start, c.start - 8), c.start)
    ):
        # 'Doe claimed that "...," one of Roe's lawyers said': the quotation is what Doe
        # claimed, whoever comments after it
        return before
    if (
        before
        and after
        and before.how in (BEFORE, EMBEDDED)
        and a_end == next_start
        and text[c.end : a_end].rstrip().endswith(":")
    ):
        # 'After Roe said that it was "a disaster," Doe said: "..."': the words after the
        # quote introduce the next one; this one is what Roe said
        return before
    if before and after and after.how == DASH and not c.leads_paragraph:
        # 'Roe insisted that it was "still ahead."--Jane Doe.': a byline, not the speaker
        return before
    if before and before.how == BEFORE and after.cue and _REPORTED_RE.fullmatch(text, *after.cue):
        # 'Doe said, "Not now," the Ledger reported': the outlet only reported Doe's words
        return before
    if (
        before
        and after
        and before.how == EMBEDDED
        and after.cue
        and _ACCORDING_CUE_RE.match(text, *after.cue)
    ):
        # 'Doe said he was "happy to see" it, according to the Ledger': Doe's words too
        return before
    if after is not None and not closed_sentence:
        if _named(text, after):  # '"...," Jane Doe said, according to the Post': Doe said it
            return after
        return according_to(text, after.cue[1] if after.cue else c.end, a_end) or after
    return after or before


# The next quotation, masked: its marks, its interior and the punctuation kept inside
_MASKED_QUOTE_RE = re.compile('["\u201c]\u00b7*[^"\u201d\u00b7\n]{0,3}["\u201d]')
_SHORT_WORDS = 3


def _outlet_past_next(text: str, c: Candidate, next_start: int) -> Attribution | None:
    """`Doe "bristled" and said, "...," the Ledger reported`: a short quotation inside the
    reporting clause of the next one describes the speaker in the outlet's words; the outlet
    that reported the sentence said it, not the speaker."""
    if len(_inner(text, c).split()) > _SHORT_WORDS or not has_cue(text, c.end, next_start):
        return None
    m = _MASKED_QUOTE_RE.match(text, next_start)
    if m is None:
        return None
    found = attribute_after(text, m.end(), after_window(text, m.end(), c.para_end), False)
    if found is None or found.cue is None or not _REPORTED_RE.fullmatch(text, *found.cue):
        return None
    return found


# A short masked quotation mid-sentence: after a lower-case word, before one or a comma.
_SHORT_TITLE_RE = re.compile(r"[\"\u201c]\u00b7{1,40},?[\"\u201d](?=,?\s+[a-z])")
_ACCORDING_CUE_RE = re.compile(r"according\s")
_REPORTED_RE = re.compile(r"report(?:ed|s|ing)?|according\s+to|wrote|writes")


def _named(text: str, found: Attribution) -> bool:
    """The speaker span is a proper name ("Jane Doe"), not a description or pronoun."""
    words = text[found.speaker[0] : found.speaker[1]].split()
    return bool(words) and all(w[:1].isupper() for w in words[:2]) and words[0] not in _NOT_NAMES


_NOT_NAMES = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "He", "She", "They", "It", "We", "I"]
)


def _previous_sentence(text: str, c: Candidate) -> Attribution | None:
    """`Kerry said the vote was "a step." "It is far from perfect."` - the speaker just before."""
    hi = c.start - 1
    while hi > c.para_start and text[hi - 1].isspace():
        hi -= 1  # "if asked.  "...": two spaces after the full stop
    start = before_window(text, c.para_start, hi)
    found = attribute_before(text, start, c.start)
    sub = (
        _SUBORDINATE_RE.search(text, max(start, found.speaker[0] - 30), found.speaker[0])
        if found
        else None
    )
    if sub is not None and sub.start() > start:
        # `Roe told the Ledger, after Doe stated an interest. "..."`: the speaker of the main
        # clause, not of the clause hanging on it
        found = attribute_before(text, start, sub.start())
    return Attribution(found.speaker, found.cue, PREVIOUS) if found else None


_THAT_BEFORE_RE = re.compile(r"\bthat\s+$")
# ", after Jane de Roe stated": the conjunction, then at most two words of the speaker's
_SUBORDINATE_RE = re.compile(
    r",\s+(?:after|before|when|while|since|because|until|as)\s+(?:[\w.'\u2019-]+\s+){0,2}$"
)


def _after_belongs_to_next(
    text: str, c: Candidate, a_end: int, next_start: int, after: Attribution
) -> bool:
    """`"A." Trump added: "B."` - the words after A introduce B, not A.

    After a quote that closed its sentence, words running on to a later quote of the paragraph
    as a clause (`"A." The senator argued that it was "B."`) are B's sentence.
    """
    if a_end != next_start or _closing_punct(text, c) not in ".!?":
        return False
    words = text[c.end : a_end].rstrip()
    if (
        after.cue is not None
        and after.how == AFTER
        and next_start < c.para_end
        and _OBJECT_AFTER_CUE_RE.match(text, after.cue[1], a_end)
    ):
        return True  # `"A." Jane Doe said Tom Roe "B."`: subject, cue and object run on to B
    return words.endswith((":", ",")) or (
        next_start < c.para_end and _CLAUSE_RE.search(words) is not None
    )


def _intro_paragraph(text: str, c: Candidate, prev_para: tuple[int, int]) -> Attribution | None:
    """`Cruz continued:` ending the previous paragraph introduces a paragraph-leading quote."""
    lo, hi = prev_para
    if not text[lo:hi].rstrip().endswith(":"):
        return None
    start = before_window(text, lo, hi)
    return attribute_before(text, start, hi) or attribute_colon_intro(text, start, hi)


def _reported_before(
    text: str, masked: str, c: Candidate, prev_para: tuple[int, int]
) -> Attribution | None:
    """`Doe was quick to add that the deal was off.` / `"Not negotiable."`: a quotation
    filling its paragraph, right after a paragraph of reported speech with no quotation of
    its own, goes on with that paragraph's speaker."""
    lo, hi = prev_para
    if masked[c.end : c.para_end].strip(_END_PUNCT) or _ANY_MARK_RE.search(text, lo, hi):
        return None
    start = before_window(masked, lo, hi)
    found = attribute_before(masked, start, hi)
    if found is None or found.how not in (EMBEDDED, BEFORE):
        return None
    return Attribution(found.speaker, found.cue, PREVIOUS)


_ANY_MARK_RE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')


def _said_below(text: str, c: Candidate, next_para: tuple[int, int]) -> Attribution | None:
    """A quotation filling its paragraph and closing on a comma, its sentence going on past
    the line break ("...,"  / "said Jane Doe, the treasurer."): the attribution below."""
    if text[c.end : c.para_end].strip() or _closing_punct(text, c) != ",":
        return None
    lo, hi = next_para
    found = attribute_after(text, lo, after_window(text, lo, hi), False)
    return found if found is not None and found.how in (AFTER, INVERTED) else None


def _credit_below(text: str, c: Candidate, next_para: tuple[int, int]) -> Attribution | None:
    """A quotation filling its paragraph, credited on the next line ("- Jane Doe.")."""
    if text[c.end : c.para_end].strip(_END_PUNCT):
        return None
    return attribute_credit_line(text, *next_para)


# "Transcript as follows:", "Full text of the remarks:": a line introducing the words of
# whoever the text just quoted, naming no speaker itself.
_DOCUMENT_INTRO_RE = re.compile(
    r"\s*(?:[A-Za-z]+\s+){0,2}?(?:transcript|text|remarks|speech|excerpts?)\b"
    r"[^:\"\u201c\u201d\n]{0,40}:\s*",
    re.IGNORECASE,
)


def _is_title_case(words: list[str]) -> bool:
    """True when every non-small word starts with a capital (film and show titles)."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _is_quotation(text: str, c: Candidate) -> bool:
    """Tell quotations from scare quotes and titles: short, unattributed stretches."""
    # (six words at most: only up to five are looked at, and long quotations are common)
    words = [m.group() for m in islice(_WORD_RE.finditer(_inner(text, c)), 6)]
    if not words:
        return False
    cued = c.sentence_cue or (c.who is not None and c.who.how in _LOCAL)
    if len(words) <= 5 and _is_title_case(words):
        titled = _TITLE_CONTEXT_RE.search(text, max(0, c.start - 40), c.start) is not None
        return cued and not titled
    if len(words) <= 2:
        return cued
    return True


_FOLLOW_UP_GAP = 80


def _short_follow_up(text: str, prev: Candidate, c: Candidate) -> bool:
    """`"...," Jane Doe said. "Every day."`: a short full sentence in quotation marks right
    after a quotation attributed by its own sentence is more of the same speech."""
    if prev.paragraph != c.paragraph or prev.who is None or prev.who.how not in (AFTER, INVERTED):
        return False
    if c.start - prev.end > _FOLLOW_UP_GAP or not c.closed:
        return False
    inner = _inner(text, c).strip()
    return (
        inner[:1].isupper()
        and inner[-1:] in ".!?"
        and text[prev.end : c.start].rstrip()[-1:] in ".!?"
    )


def _inherit(cands: list[Candidate]) -> None:
    """Give unattributed quotations the speaker of the quotation they continue."""
    last: Candidate | None = None
    for i, c in enumerate(cands):
        if c.who is None:
            donor = _donor(cands, i, last)
            if donor is not None and donor.who is not None:
                c.who = Attribution(donor.who.speaker, donor.who.cue, INHERITED)
        if c.who is not None:
            last = c


def _donor(cands: list[Candidate], i: int, last: Candidate | None) -> Candidate | None:
    """The attributed quotation this one continues: same paragraph, else the one before."""
    c = cands[i]
    if last is not None and last.paragraph == c.paragraph:
        return last
    for nxt in cands[i + 1 :]:
        if nxt.paragraph != c.paragraph:
            break
        if nxt.who is not None and nxt.who.how not in (INHERITED, FINDING, OWNED):
            # (the words of a finding are its own, not those of the quotations before)
            return nxt
    if last is not None and c.leads_paragraph and last.paragraph >= c.paragraph - 1:
        return last
    if last is not None and c.after_document_intro and last.paragraph >= c.paragraph - 2:
        return last  # "Doe said, "..." / Transcript as follows: / "...": Doe's words
    return None


def _same_subject_between(text: str, masked: str, cands: list[Candidate]) -> None:
    """`"...," Doe said.` / `Doe is upbeat about the race.` / `"..."`: a quotation filling
    its paragraph after a paragraph with no quotation that opens with the last speaker's
    name (a sentence about the speaker between two of her quotations) is hers. A name that
    has not just spoken ("Doe praised Roe." / "...") is not enough."""
    spans: list[tuple[int, int]] | None = None
    last: Candidate | None = None
    for c in cands:
        if c.who is None and last is not None and c.leads_paragraph and c.paragraph >= 2:
            if spans is None:
                spans = paragraphs(text)
            c.who = _between(text, masked, c, last, spans)
        if c.who is not None:
            last = c


def _between(
    text: str, masked: str, c: Candidate, last: Candidate, spans: list[tuple[int, int]]
) -> Attribution | None:
    """The attribution for ``_same_subject_between``, or None."""
    if last.paragraph != c.paragraph - 2 or masked[c.end : c.para_end].strip(_END_PUNCT):
        return None
    lo, hi = spans[c.paragraph - 1]
    if _ANY_MARK_RE.search(text, lo, hi):
        return None
    said = masked[last.who.speaker[0] : last.who.speaker[1]].split()
    if _aside(masked, lo, hi) and any(word[:1].isupper() for word in said):
        # "She laughs." / "Pause." between two of Doe's quotations: a stage direction
        return Attribution(last.who.speaker, None, PREVIOUS)
    subject = sentence_subject(masked, lo, after_window(masked, lo, hi))
    if subject is None:
        return None
    lo, hi = trim_speaker(masked, *subject)
    words = masked[lo:hi].split()
    if not words or not said or words[-1] != said[-1] or not words[-1][:1].isupper():
        return None
    return Attribution((lo, hi), None, PREVIOUS)


# A short paragraph of one sentence naming no one: "Pause.", "She laughs.", "He sighs."
_ASIDE_RE = re.compile(r"(?:(?:[Hh]e|[Ss]he)\s+)?[A-Za-z]+(?:\s+[a-z]+){0,3}[.!]")


def _aside(text: str, lo: int, hi: int) -> bool:
    """Whether the paragraph [lo, hi) is a stage direction of the last speaker's."""
    return hi - lo <= 40 and _ASIDE_RE.fullmatch(text[lo:hi].strip()) is not None


def _fallback_subject(text: str, c: Candidate) -> Attribution | None:
    """For a quote inside a sentence with no cue, the sentence's subject (a last resort)."""
    if c.leads_paragraph:
        return None
    start = before_window(text, c.para_start, c.start)
    clause = _CLAUSE_SUBJECT_RE.search(text, start, c.start)
    if clause is not None:
        # "Doe signed an order, while Roe, the former governor, proposed we "..."": the
        # subject of the clause holding the quotation
        return Attribution(clause.span("sp"), None, SUBJECT)
    subject = sentence_subject(text, start, c.start)
    asked = spoken_to(text, subject, c.start)
    if asked is not None:
        return asked
    return Attribution(trim_speaker(text, *subject), None, SUBJECT) if subject else None


def mask_quotations(text: str, stretches: list[QuotedStretch]) -> str:
    """Blank quotation interiors (same length) so cues and sentence ends inside don't count.

    The closing punctuation stays: it tells whether the quote ended its sentence.
    """
    pieces = []
    pos = 0
    for s in stretches:
        inner_end = s.end - 1 if s.closed else s.end
        kept = len(text[s.start + 1 : inner_end].rstrip(_END_PUNCT))
        pieces.append(text[pos : s.start + 1])
        pieces.append(_MASK * kept)
        pos = s.start + 1 + kept
    pieces.append(text[pos:])
    return "".join(pieces)


def _build(text: str, masked: str, stretches: list[QuotedStretch]) -> list[Candidate]:
    """Candidates with the attributions found in and around their own sentences."""
    para_spans = paragraphs(text)
    built = []
    for i, s in enumerate(stretches):
        lo, hi = para_spans[s.paragraph]
        nxt = stretches[i + 1] if i + 1 < len(stretches) else None
        next_start = nxt.start if nxt and nxt.paragraph == s.paragraph else hi
        c = Candidate(s.start, s.end, s.closed, s.paragraph, lo, hi)
        c.who = _local_attribution(masked, c, next_start)
        if c.who is None and s.paragraph == 0 and hi - lo <= _HEADLINE_MAX:
            c.who = attribute_headline(masked, lo, s.start)
        if c.who is None and c.leads_paragraph and s.paragraph:
            prev = para_spans[s.paragraph - 1]
            if _DOCUMENT_INTRO_RE.fullmatch(text, *prev):
                c.after_document_intro = True
            else:
                c.who = _intro_paragraph(masked, c, prev)
        if c.who is None and c.leads_paragraph and s.paragraph + 1 < len(para_spans):
            c.who = _credit_below(masked, c, para_spans[s.paragraph + 1]) or _said_below(
                masked, c, para_spans[s.paragraph + 1]
            )
        if c.who is None and c.leads_paragraph and s.paragraph:
            c.who = _reported_before(text, masked, c, para_spans[s.paragraph - 1])
        built.append(c)
    return built


def find_candidates(text: str, stretches: list[QuotedStretch] | None = None) -> list[Candidate]:
    """Quotation candidates of ``text``, attributed, filtered and with inherited speakers.

    ``stretches``: the text's quoted stretches, if the caller has found them already.
    """
    if stretches is None:
        stretches = find_quoted_stretches(text)
    masked = mask_quotations(text, stretches)
    built = _build(text, masked, stretches)
    cands = [
        c
        for i, c in enumerate(built)
        if _is_quotation(text, c) or (i and _short_follow_up(text, built[i - 1], c))
    ]
    _inherit(cands)
    for c in cands:
        if c.who is None:
            c.who = _fallback_subject(masked, c)
    _same_subject_between(text, masked, cands)
    # 'Doe, now a fan, said Roe had "the grit." / "I think she can win."': a quotation the
    # first pass left unattributed continues one attributed only by its sentence's subject
    _inherit(cands)
    for c in cands:
        if c.paragraph == 0 and c.para_end - c.para_start <= _HEADLINE_MAX:
            c.who = _echoed(text, c, cands) or c.who
    return cands


_HEADLINE_MAX = 250
_ECHO_WORD_RE = re.compile(r"[^\W_]+")


def _echoed(text: str, c: Candidate, cands: list[Candidate]) -> Attribution | None:
    """A headline quotation repeating the words of a body quotation takes that quotation's
    speaker, more surely than the headline's own words ("CNN Chief On Doe: ‘We Do Not
    Pay’" ... "We do not pay," said Jane Roe)."""
    words = " ".join(_ECHO_WORD_RE.findall(_inner(text, c).lower()))
    if not words:
        return None
    for body in cands:
        if body.paragraph > c.paragraph and body.who is not None:
            said = " ".join(_ECHO_WORD_RE.findall(_inner(text, body).lower()))
            if f" {words} " in f" {said} ":
                return Attribution(body.who.speaker, body.who.cue, INHERITED)
    return None
