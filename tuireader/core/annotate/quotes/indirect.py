"""Reported (indirect) speech: `Peskov said that Russia ...`, `..., stating that ...`.

Precision comes first, so only a few unambiguous shapes are read, in sentences that hold no
quotation marks (those are direct quotations, attributed elsewhere):

* subject + speech verb + "that" (or a pronoun opening the clause): `Acme has said that ...`,
  `Ann Lee told reporters that ...`, `Ann Lee said she ...`;
* subject + verb ..., participle + "that": `Ann Lee denied it, stating that ...`;
* `According to Ann Lee, ...` and `..., according to Ann Lee.`;
* a closing attribution: `..., Ann Lee said.`, `..., said Ann Lee.`

The subject must be a named PERSON or ORG mention - bare, behind a title or a role ("Acme chief
executive Ann Lee"), or in an apposition ("Acme's chief, Ann Lee,") - or "he"/"she" resolving
to a person. Descriptions ("the statement", "officials") and places never qualify.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tuireader.core.annotate.patterns import any_word
from tuireader.core.annotate.quotes.attribution import _ABBREVIATIONS, _LEAD_RE, is_sentence_end
from tuireader.core.annotate.quotes.cues import ORG_NOUNS, PERSON_NOUNS, TITLES, word_set
from tuireader.core.annotate.quotes.marks import paragraphs
from tuireader.core.annotate.quotes.resolve import Mention, NameResolver

# Verbs that report a statement (not a belief or a perception), in their finite forms.
_FINITE = (
    "said says told tells stated states claimed claims argued argues warned warns insisted "
    "insists added adds noted notes denied denies announced announces acknowledged "
    "acknowledges confirmed confirms explained explains contended contends asserted asserts "
    "maintained maintains reiterated reiterates stressed stresses emphasized emphasizes "
    "emphasised emphasises alleged alleges wrote writes predicted predicts complained "
    "complains admitted admits conceded concedes promised promises vowed vows testified "
    "declared declares revealed reveals disclosed discloses replied replies responded "
    "responds countered counters underscored underscores pledged pledges"
)
_PARTICIPLES = (
    "saying stating adding arguing claiming insisting noting warning explaining asserting "
    "contending stressing emphasizing emphasising alleging predicting complaining admitting "
    "conceding promising vowing declaring"
)
_TELL = word_set("told tells")
_SAY = word_set("said says")
_FINITE_RE = r"(?:" + "|".join(_FINITE.split()) + r")"
_AUX = r"(?:(?:has|have|had|also|previously|repeatedly|publicly|recently|later|again)\s+){0,3}"
# subject, optional auxiliaries, the verb, an object for "told", then "that" or a pronoun.
_CLAUSE_VERB = (
    r"(?:is|was|were|are|has|had|have|will|would|could|can|should|may|might|did|does|must|"
    r"isn['\u2019]t|wasn['\u2019]t|won['\u2019]t|didn['\u2019]t|doesn['\u2019]t)"
)
_NOT_OBJECT = r"(?:that|as|when|while|because|if|after|before|and|but|or|about)"
_DAY = (
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?)"
)
_VERB_THAT_RE = re.compile(
    r"(?P<aux>\s\s*" + _AUX + r")(?P<cue>" + _FINITE_RE + r")\b"
    # "told reporters", "told the Associated Press": only "tell" takes an object here
    r"(?P<obj>(?:(?<=told)|(?<=tells))(?:\s+(?!" + _NOT_OBJECT + r"\b)[\w.'\u2019-]+){1,4}?)?"
    # "said in a statement", "said on Monday", "told CNN on Tuesday", "said Tuesday night"
    r"(?P<adj>\s+(?:(?:on|in|at|during|through|via)\s+[^,;:]{1,40}?|" + _DAY + r"))?"
    r",?\s+(?:(?P<that>that)\s+|(?=(?P<pron>he|she|they|it|we|I|there)\s)"
    # "said the talks were over": a subject and a finite verb follow at once
    r"|(?<=said\s)(?=(?P<np>(?:the|a|an|his|her|its|their|this|these|[A-Z][\w'\u2019.-]*)"
    r"(?:\s+[\w'\u2019.-]+){0,4}?\s+" + _CLAUSE_VERB + r"\b)))"
)
_PARTICIPLE_RE = re.compile(
    r",\s+(?P<cue>" + "|".join(_PARTICIPLES.split()) + r")\s+(?:(?P<that>that)\s+|"
    r"(?=(?:he|she|they|it|we|I|there)\s))"
)
# Any cue at all: most sentences have none and are skipped at once.
_ANY_CUE_RE = re.compile(
    any_word(_FINITE.split() + _PARTICIPLES.split() + ["according to", "According to"])
)
# Another attribution inside the content: `Lee says it works, according to the AP`.
_NESTED_RE = re.compile(r"\b(?:said|says|told|tells)\b")
_ACCORDING_OPEN_RE = re.compile(r"(?P<cue>According\s+to)\s+(?P<sp>[^,]{2,80}?),\s+")
_ACCORDING_CLOSE_RE = re.compile(r",\s+(?P<cue>according\s+to)\s+(?P<sp>[^,]{2,80}?)[.!?]?$")
_FINAL_RE = re.compile(
    r",\s+(?:(?P<sp>[^,]{2,60}?)\s+(?:also\s+)?(?P<cue>said|says|added|wrote|told\s+\w+)"
    r"|(?P<cue2>said|says|added)\s+(?P<sp2>[^,]{2,60}?))"
    r"(?:\s+(?:on|in|at)\s+[\w\s]{1,30}?)?[.!?]?$"
)
_NEXT_CUE_RE = re.compile(r",?\s+(?:and\s+)?(?:" + "|".join(_PARTICIPLES.split()) + r")\s+that\b")
# A modal or negation before the verb: "would say that", "did not say that".
_HEDGED_RE = re.compile(
    r"\b(?:would|will|could|should|may|might|must|to|not|never|n['\u2019]t)\s*$", re.IGNORECASE
)

_TITLE_WORDS = frozenset(w.rstrip(".").lower() for w in TITLES.split())
# Lower-case words that may sit in a subject around the name ("Acme's chief executive").
_SUBJECT_WORDS = (
    PERSON_NOUNS
    | ORG_NOUNS
    | _TITLE_WORDS
    | word_set(
        "the a an his her its their of for at press chief executive senior former deputy "
        "top foreign national security general vice acting longtime new own campaign "
        "communications policy public affairs relations"
    )
)
_PRONOUNS = word_set("he she")
# (a leading class, not a repeat, lets re skip in C to the punctuation: the same matches)
_SENTENCE_END_RE = re.compile(r"[.!?][.!?]*[\"\u201d\u2019')\]]*\s+")
# Capitalised words and a connector right before a mention: "Brennan Center for [Justice]".
_NAME_BEFORE_RE = re.compile(
    r"(?P<name>(?:(?!The\s)[A-Z][\w.&'\u2019-]*\s+)+(?:of|for|on|and|&)\s+(?:the\s+)?)$"
)
_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
# Quotation marks the pairing leaves out ('' and `` in some news dumps, stray marks).
_MARKS_RE = re.compile("''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_WORD_RE = re.compile(r"[^\s,]+")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_END_PUNCT = ".!?"


@dataclass(frozen=True, slots=True)
class Reported:
    """An indirect attribution: content, speaker mention, speaker name and cue (offsets)."""

    content: tuple[int, int]
    speaker: tuple[int, int]
    name: str
    cue: tuple[int, int]


def sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[lo:hi]``, end exclusive, without trailing space."""
    out = []
    start = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, hi):
        if _ends_sentence(text, m.start()):
            out.append((start, m.start() + len(m.group().rstrip())))
            start = m.end()
    end = len(text[start:hi].rstrip()) + start
    if start < end:
        out.append((start, end))
    return out


def _ends_sentence(text: str, punct_at: int) -> bool:
    """A sentence end, but not the dot of "then-Sen." or "ex-Gov."."""
    if not is_sentence_end(text, punct_at):
        return False
    word = text[max(0, punct_at - 20) : punct_at].rsplit(None, 1)[-1:]
    return not (word and "-" in word[0] and word[0].rsplit("-", 1)[1].lower() in _ABBREVIATIONS)


class IndirectFinder:
    """Finds reported speech in one text, given its name resolver and quoted stretches.

    The resolver supplies the PERSON/ORG mentions (asked for only when a sentence has a cue)
    and resolves "he"/"she".
    """

    def __init__(self, text: str, resolver: NameResolver, quoted: Sequence[tuple[int, int]]):
        self.text = text
        self.resolver = resolver
        self.quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self.quoted]

    def find(self) -> list[Reported]:
        """Every reported statement found, in text order."""
        out = []
        text = self.text
        spans = self._cue_spans()
        if not spans:
            return out
        cues = [start for start, _ in spans]
        for lo, hi in paragraphs(text):
            i = bisect.bisect_left(cues, lo)
            if i == len(cues) or cues[i] >= hi:
                continue  # no cue in this paragraph
            for s, e in sentences(text, lo, hi):
                if self._quoted(s, e) or not self._has_cue(spans, cues, s, e):
                    continue
                found = self._sentence(s, e)
                if found is not None:
                    out.append(found)
        return out

    def _cue_spans(self) -> list[tuple[int, int]]:
        """The spans of ``_ANY_CUE_RE.finditer(text)`` outside the quoted stretches, whose
        sentences are never reported speech: the stretches are not scanned. One opening and
        closing with a quotation mark (no cue holds one, nor tells it from the text's end)
        leaves the other cues as they were; any other is scanned like the text around it."""
        text = self.text
        spans: list[tuple[int, int]] = []
        pos = 0
        for start, end in self.quoted:
            if start < pos or text[start] not in _QUOTE_MARKS or text[end - 1] not in _QUOTE_MARKS:
                continue
            spans.extend(m.span() for m in _ANY_CUE_RE.finditer(text, pos, start))
            pos = end
        spans.extend(m.span() for m in _ANY_CUE_RE.finditer(text, pos))
        return spans

    def _has_cue(self, spans: list[tuple[int, int]], cues: list[int], s: int, e: int) -> bool:
        """``_ANY_CUE_RE.search(text, s, e) is not None``, read off the cues of the whole text
        (one scan instead of one a sentence). Only a word that may run on past ``e`` (where
        the search sees the end of the text) needs the search itself."""
        text = self.text
        i = bisect.bisect_left(cues, s)
        if i < len(cues) and cues[i] < e:
            return spans[i][1] < e or _ANY_CUE_RE.search(text, s, e) is not None
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            return _ANY_CUE_RE.search(text, s, e) is not None
        return False

    def _quoted(self, s: int, e: int) -> bool:
        """The sentence holds a quotation or follows one (`"..." Lee said at a rally.`)."""
        i = bisect.bisect_left(self._quoted_starts, e)
        if i and self.quoted[i - 1][1] > s:  # the last stretch starting before e reaches in
            return True
        if any(qe > s for _, qe in self.quoted[max(0, i - 3) : i]):
            return True
        if _MARKS_RE.search(self.text, s, e):
            return True
        before = self.text[max(0, s - 3) : s]
        return "\n" not in before and _MARKS_RE.search(before.rstrip()[-2:]) is not None

    # -- shapes ------------------------------------------------------------------------------

    def _sentence(self, s: int, e: int) -> Reported | None:
        """The reported statement of the sentence ``text[s:e]``: the first shape that fits."""
        lead = _LEAD_RE.match(self.text, s, e)
        start = lead.end() if lead else s
        for shape in (self._according, self._closing, self._verb_that, self._participle):
            found = shape(s, start, e)
            if found is not None:
                return found
        return None

    def _according(self, s: int, start: int, e: int) -> Reported | None:
        """`According to Acme, ...` and `..., according to Acme.`"""
        text = self.text
        m = _ACCORDING_OPEN_RE.match(text, s, e)
        if m:
            return self._make(m.end(), e, self._subject(*m.span("sp")), m.span("cue"))
        m = _ACCORDING_CLOSE_RE.search(text, s, e)
        if m and not _NESTED_RE.search(text, s, m.start()):
            return self._make(s, m.start(), self._subject(*m.span("sp")), m.span("cue"))
        return None

    def _closing(self, s: int, start: int, e: int) -> Reported | None:
        """`..., Ann Lee said.` and `..., said Ann Lee.`"""
        text = self.text
        m = _FINAL_RE.search(text, s, e)
        if m is None or _NESTED_RE.search(text, s, m.start()):
            return None
        if m.group("sp") is not None:
            who = self._subject(*m.span("sp"))
            cue = (m.start("cue"), m.start("cue") + len(m.group("cue").split()[0]))
        else:
            who = self._subject(*m.span("sp2"))
            cue = m.span("cue2")
        return self._make(s, m.start(), who, cue)

    def _verb_that(self, s: int, start: int, e: int) -> Reported | None:
        """`Ann Lee (has) said (that) ...`, `Ann Lee told reporters that ...`."""
        text = self.text
        for m in _VERB_THAT_RE.finditer(text, start, e):
            if m.group("cue") in _TELL and not m.group("obj"):
                continue  # "told that" is passive-like: "was told that"
            if m.group("pron") and m.group("cue") not in _SAY | _TELL:
                continue
            if _HEDGED_RE.search(text, max(s, m.start() - 12), m.start("cue")):
                return None
            who = self._subject(start, m.start())
            return self._make(m.end(), e, who, m.span("cue"))
        return None

    def _participle(self, s: int, start: int, e: int) -> Reported | None:
        """`Ann Lee denied it, stating that ...`: the sentence's subject is the speaker."""
        m = _PARTICIPLE_RE.search(self.text, start, e)
        if m is None:
            return None
        who = self._subject(start, self._subject_end(start, m.start()))
        return self._make(m.end(), e, who, m.span("cue"))

    def _make(
        self,
        c_start: int,
        c_end: int,
        who: tuple[tuple[int, int], str] | None,
        cue: tuple[int, int],
    ) -> Reported | None:
        """The record, if the speaker is known and the content is a clause of 4+ words."""
        if who is None:
            return None
        text = self.text
        while c_start < c_end and text[c_start] in " ,":
            c_start += 1
        cut = _NEXT_CUE_RE.search(text, c_start, c_end)
        if cut is not None:  # "..., adding that ...": a second statement starts
            c_end = cut.start()
        while c_end > c_start and text[c_end - 1] in " ,":
            c_end -= 1
        if len(text[c_start:c_end].split()) < 4:
            return None
        return Reported((c_start, c_end), who[0], who[1], cue)

    # -- subjects ----------------------------------------------------------------------------

    def _subject_end(self, start: int, limit: int) -> int:
        """End of the noun phrase opening the sentence: before its first verb-like word."""
        pos = start
        for m in _WORD_RE.finditer(self.text, start, limit):
            word = m.group()
            if word[0].isupper() or word.lower().rstrip(".") in _SUBJECT_WORDS:
                pos = m.end()
                continue
            break
        return pos

    def _subject(self, start: int, end: int) -> tuple[tuple[int, int], str] | None:
        """The named speaker of the subject ``text[start:end]``: (span, name), or None.

        Every word before the first comma must be capitalised or a determiner, title or role
        word; up to two short appositions may follow. The speaker is a PERSON/ORG mention closing
        one of the comma-separated parts, not a possessor ("Putin's press secretary").
        """
        text = self.text
        while end > start and text[end - 1] in " ,":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        phrase = text[start:end]
        if not phrase:
            return None
        if phrase.lower() in _PRONOUNS:
            name = self.resolver.nearest_person((start, end))
            return ((start, end), name) if name else None
        head, *appositions = phrase.split(",")
        if len(appositions) > 2 or any(len(a.split()) > 10 for a in appositions):
            return None
        words = _WORD_RE.findall(head)
        if len(words) > 8:
            return None
        for w in words:  # the head is a name with titles and roles; appositions are free
            core = w.rstrip(".")
            if core.endswith(_POSSESSIVE):
                core = core.rstrip("'\u2019s")
            if not core or not (core[0].isupper() or core.lower() in _SUBJECT_WORDS):
                return None
        best: Mention | None = None
        mentions = self.resolver.mentions
        first = bisect.bisect_left(self.resolver.starts, start)
        for mention in mentions[first:]:
            if mention.start >= end:
                break
            if mention.end > end:
                continue
            after = text[mention.end : end].lstrip()
            if after and not after.startswith(","):
                continue  # "Putin's press secretary", "Acme spokesman": not the speaker
            if best is None or mention.label == "PERSON" or best.label != "PERSON":
                best = mention
        if best is None:
            return None
        return self._whole_name(start, best)

    def _whole_name(self, start: int, mention: Mention) -> tuple[tuple[int, int], str]:
        """Widen "Justice" to "Brennan Center for Justice" when the mention continues a name."""
        m = _NAME_BEFORE_RE.search(self.text, start, mention.start)
        if m is None:
            return (mention.start, mention.end), mention.name
        name = self.text[m.start("name") : mention.end]
        return (m.start("name"), mention.end), name
