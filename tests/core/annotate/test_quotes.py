"""Quotation extraction and speaker attribution, one test per rule, on hand-written text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.core.annotate.quotes import extract_quotes
from tuireader.core.annotate.spans import Entity, Quote


def _one(text: str, entities: tuple[Entity, ...] = ()) -> Quote:
    """The single quotation of ``text``."""
    quotes = extract_quotes(text, entities)
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def _speakers(text: str) -> list[str | None]:
    """Speaker mention texts of every quotation, in order."""
    return [q.speaker.text if q.speaker else None for q in extract_quotes(text)]


def _entity(text: str, name: str, label: str = "PERSON") -> Entity:
    """An Entity for the first occurrence of ``name``."""
    start = text.index(name)
    return Entity(start, start + len(name), label, name)


def _assert_consistent(text: str, quotes: list[Quote]) -> None:
    """Every span indexes the text it claims to cover."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for span in (q.speaker, q.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text


# --- quotation marks -------------------------------------------------------------------


def test_curly_double_quotes() -> None:
    text = "\u201cWe will win this state,\u201d Maria Lopez said on Monday."
    q = _one(text)
    assert q.text == "\u201cWe will win this state,\u201d"
    assert q.speaker is not None and q.speaker.text == "Maria Lopez"
    assert q.cue is not None and q.cue.text == "said"
    _assert_consistent(text, [q])


def test_straight_double_quotes() -> None:
    text = 'The mayor was blunt. "Nobody here wants a new stadium," Tom Reyes said.'
    q = _one(text)
    assert q.text == '"Nobody here wants a new stadium,"'
    assert q.speaker_name == "Tom Reyes"


def test_mixed_marks_pair_up() -> None:
    text = 'Ann Cole said the plan was "too little, too late\u201d for the valley.'
    q = _one(text)
    assert q.text == '"too little, too late\u201d'
    assert q.speaker is not None and q.speaker.text == "Ann Cole"


def test_quotes_inside_markup_attributes_are_ignored() -> None:
    text = '<tweet tweet-id="12345"><tweet/>.\n\n"It is over for them," Dan Webb wrote.'
    q = _one(text)
    assert q.text == '"It is over for them,"'
    assert q.speaker is not None and q.speaker.text == "Dan Webb"


# --- multi-paragraph and nested quotations ---------------------------------------------


def test_multi_paragraph_quote_is_one_quotation_per_paragraph() -> None:
    text = (
        "\u201cThe first thing we will do is fix the roads,\u201d Governor Ruth Ames said. "
        "\u201cThen we will look at the bridges.\n\n"
        "\u201cAnd after that, the schools.\u201d\n\n"
        "The plan costs $4 billion."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "\u201cThe first thing we will do is fix the roads,\u201d",
        "\u201cThen we will look at the bridges.",
        "\u201cAnd after that, the schools.\u201d",
    ]
    assert {q.speaker_name for q in quotes} == {"Ruth Ames"}
    _assert_consistent(text, quotes)


def test_nested_single_quotes_stay_inside() -> None:
    text = "\"He said 'no' to me, and then he left,\" she said."
    q = _one(text)
    assert q.text == "\"He said 'no' to me, and then he left,\""
    assert q.speaker is not None and q.speaker.text == "she"


def test_nested_double_quotes_with_wrong_glyph() -> None:
    text = "\u201cI'd rather live in what he calls \u201chell\u201d than here,\u201d Ana Ruiz said."
    q = _one(text)
    assert q.end == len(text) - len(" Ana Ruiz said.")
    assert q.speaker_name == "Ana Ruiz"


# --- split quotations and continuation -------------------------------------------------


def test_split_quote_both_parts_get_the_speaker() -> None:
    text = "\u201cWe are not going anywhere,\u201d he said. \u201cThis is just the start.\u201d"
    assert _speakers(text) == ["he", "he"]


def test_quote_split_mid_sentence() -> None:
    text = '"Let us be clear," Paul Gray added, "the vote was fair."'
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert {q.speaker_name for q in quotes} == {"Paul Gray"}


def test_unattributed_paragraph_continues_the_speaker() -> None:
    text = (
        '"Taxes are too high," Senator Jill Park said at the rally.\n\n'
        '"Families cannot keep paying more every single year."\n\n'
        "The crowd cheered."
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert quotes[1].speaker == quotes[0].speaker
    assert quotes[1].speaker_name == "Jill Park"


def test_paragraph_ending_in_colon_introduces_the_quote() -> None:
    text = "Rosa Diaz wrote to the board:\n\n\u201cI can no longer support this plan.\u201d"
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "Rosa Diaz"


# --- scare quotes and titles -----------------------------------------------------------


def test_scare_quote_without_cue_is_not_a_quotation() -> None:
    assert extract_quotes('The so-called "experts" met again on Tuesday in a small office.') == []


def test_title_is_not_a_quotation() -> None:
    text = 'She starred in the film "Gone Girl" before moving to television.'
    assert extract_quotes(text) == []


def test_show_title_before_an_attribution_is_not_a_quotation() -> None:
    text = 'Speaking on CNN\'s "State of the Union," Kate Moss said the race was close.'
    assert extract_quotes(text) == []


def test_short_quote_with_a_speech_cue_is_a_quotation() -> None:
    text = 'Mark Hill said the report was "rubbish" and walked out.'
    q = _one(text)
    assert q.text == '"rubbish"'
    assert q.speaker is not None and q.speaker.text == "Mark Hill"


# --- speaker patterns ------------------------------------------------------------------


def test_speaker_after_the_quote() -> None:
    text = '"The numbers do not add up," the senator told reporters.'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "the senator"
    assert q.cue is not None and q.cue.text == "told"


def test_inverted_attribution() -> None:
    text = '"This bill is a disgrace," said Senator Ben Sasse of Nebraska.'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "Senator Ben Sasse"
    assert q.speaker_name == "Ben Sasse"


def test_speaker_before_the_quote_with_colon() -> None:
    text = 'Ella Stone tweeted: "Proud of every volunteer tonight!"'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "Ella Stone"
    assert q.cue is not None and q.cue.text == "tweeted"


def test_quote_embedded_in_reported_speech() -> None:
    text = 'Omar Haddad insisted that the deal would "hurt every worker in this state."'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "Omar Haddad"
    assert q.cue is not None and q.cue.text == "insisted"


def test_according_to() -> None:
    text = '"We expect a recount," according to a spokesman for the campaign.'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text.startswith("a spokesman")
    assert q.cue is not None and q.cue.text == "according to"


def test_name_with_modifiers_and_apposition() -> None:
    text = (
        '"We had no warning," Green Party campaign manager Lee Chan, who joined in May, '
        "wrote in an email."
    )
    q = _one(text)
    assert q.speaker is not None and "Lee Chan" in q.speaker.text
    assert q.speaker_name == "Lee Chan"


def test_dash_attribution() -> None:
    text = "\u201cI have never felt this hopeful about the future.\u201d \u2015 Julia Marsh"
    q = _one(text)
    assert q.speaker_name == "Julia Marsh"


def test_speech_verbs() -> None:
    for verb in ("added", "wrote", "tweeted", "asked", "stated", "explained", "insisted"):
        text = f'"We must act before winter comes," Nora Bell {verb}.'
        q = _one(text)
        assert q.cue is not None and q.cue.text == verb, verb


# --- resolution ------------------------------------------------------------------------


def test_pronoun_resolves_to_nearest_person_heuristic() -> None:
    text = 'Governor Ruth Ames visited the plant on Friday.\n\n"We are hiring," she said.'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.speaker_name == "Ruth Ames"


def test_pronoun_resolves_with_entities() -> None:
    text = 'Later, Carl Berg met the press. "It went well," he said.'
    entities = (_entity(text, "Carl Berg"),)
    q = _one(text, entities)
    assert q.speaker_name == "Carl Berg"


def test_pronoun_takes_the_subject_not_the_nearer_object() -> None:
    text = 'Ames drew contrasts with Carl Berg on Friday.\n\n"It went well," he said.'
    entities = (_entity(text, "Ames"), _entity(text, "Carl Berg"))
    assert _one(text, entities).speaker_name == "Ames"


def test_pronoun_subject_chain_reaches_back_across_paragraphs() -> None:
    text = (
        "Tova Brandt rallied in Ohio on Monday.\n\nShe said she and Carl Berg differ on taxes."
        '\n\nShe also asked whether voters would "trust a man like that."'
    )
    entities = (_entity(text, "Tova Brandt"), _entity(text, "Carl Berg"))
    quotes = extract_quotes(text, entities)
    assert quotes[-1].speaker_name == "Tova Brandt"


def test_role_noun_resolves_to_person_and_org_noun_to_org() -> None:
    text = (
        "Senator Maria Lopez spoke after the Acme Corporation announced the closure. "
        '"This is a betrayal," the senator said. "We followed the law," the company said.'
    )
    entities = (_entity(text, "Maria Lopez"), _entity(text, "Acme Corporation", "ORG"))
    quotes = extract_quotes(text, entities)
    assert [q.speaker_name for q in quotes] == ["Maria Lopez", "Acme Corporation"]


def test_surname_is_completed_from_an_earlier_full_name() -> None:
    text = 'Donald Trump spoke for an hour. "We will build it," Trump said.'
    assert _one(text).speaker_name == "Donald Trump"


def test_speaker_stops_before_an_adverb_and_names_the_description() -> None:
    text = (
        "The Iranian ministry further insists that its servers face "
        '"thousands of probes" every week.'
    )
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "The Iranian ministry"
    assert q.speaker_name is None  # a description names no one; never the nearest org


def test_unresolved_description_loses_its_determiner() -> None:
    text = 'The report reads: "Every one of these breaches fits the pattern of intrusions."'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "The report"
    assert q.speaker_name in (None, "report")


def test_lead_in_clause_is_skipped_to_find_the_subject() -> None:
    text = 'Meanwhile, Acme is standing firm, going as far as calling the report "nonsense."'
    q = _one(text)
    assert q.speaker is not None and q.speaker.text == "Acme"


def test_words_before_the_next_quote_belong_to_it() -> None:
    text = (
        'Ann Lee called the plan "a fraud." The ministry argued that it faced '
        '"thousands of attacks" each day.'
    )
    quotes = extract_quotes(text)
    assert [q.speaker.text if q.speaker else None for q in quotes] == [
        "Ann Lee",
        "The ministry",
    ]


# --- reported (indirect) speech ----------------------------------------------------------


def _reported(text: str) -> list[Quote]:
    """The indirect quotations of ``text``, with the recognizer's entities."""
    from tuireader.core.annotate.entities import extract_entities

    quotes = extract_quotes(text, extract_entities(text))
    _assert_consistent(text, quotes)
    return [q for q in quotes if not q.direct]


def test_reported_speech_with_an_apposition_and_a_participle() -> None:
    text = (
        "Moscow's chief spokesman, Ivan Petrov, has rejected the claims of the British "
        "government, saying that Moscow faces thousands of intrusion attempts every week."
    )
    (q,) = _reported(text)
    assert q.direct is False
    assert q.speaker is not None and q.speaker.text == "Ivan Petrov"
    assert q.speaker_name == "Ivan Petrov"
    assert q.cue is not None and q.cue.text == "saying"
    assert q.text.startswith("Moscow faces") and q.text.endswith("every week.")
    assert q.to_dict()["direct"] is False


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Acme Corp said that its profits would rise sharply next year.", "Acme Corp", "said",
         "its profits"),
        ("Ann Lee told reporters on Monday that the plant would stay open all winter.",
         "Ann Lee", "told", "the plant"),
        ("According to Acme Corp, sales fell by a third in the last quarter.", "Acme Corp",
         "According to", "sales fell"),
        ("Sales fell by a third in the last quarter, Ann Lee said.", "Ann Lee", "said",
         "Sales fell"),
        ("Former senator Ann Lee, a longtime critic of the bill, said the vote was a mistake.",
         "Ann Lee", "said", "the vote"),
    ],
)  # fmt: skip
def test_reported_speech_shapes(text: str, speaker: str, cue: str, content: str) -> None:
    (q,) = _reported(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue
    assert q.text.startswith(content)


def test_reported_speech_pronoun_resolves_to_the_person() -> None:
    text = "Ann Lee arrived late on Friday. She said she had been stuck in traffic for hours."
    (q,) = _reported(text)
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.speaker_name == "Ann Lee"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that the deal was off for the time being.",  # no name
        "The statement said that the hackers had acted on orders from above.",  # description
        "Ann Lee would not say that the plant was closing for good.",  # hedged
        "Ann Lee was told that the plant was closing for good.",  # passive
        "Russia insisted that the plant was closing for good.",  # a place, not a speaker
        'Ann Lee said that the plan was "a fraud" from the start.',  # a direct quotation
    ],
)
def test_no_reported_speech_without_a_named_speaker_and_cue(text: str) -> None:
    assert _reported(text) == []


def test_indirect_quotes_can_be_left_out() -> None:
    text = 'Acme Corp said that its profits would rise. "We are glad," Ann Lee said.'
    quotes = extract_quotes(text, indirect=False)
    assert [q.direct for q in quotes] == [True]


def test_eval_scores_direct_quotations_only() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "benchmarks" / "eval_quotes.py"
    spec = importlib.util.spec_from_file_location("eval_quotes", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    text = "Acme Corp said that its profits would rise sharply next year."
    article = {"text": text, "attributions": []}
    tally = module.Tally()
    module.score_article(article, tally)
    assert tally.predicted == 0  # the indirect quotation is not scored ...
    assert tally.indirect == 1  # ... only counted


# --- the product's sample corpus --------------------------------------------------------


def test_sample_corpus_acceptance() -> None:
    from pathlib import Path

    from tuireader.core.annotate.entities import extract_entities

    corpus = Path(__file__).resolve().parents[3] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    assert len(texts) == 2
    labels: dict[str, set[str]] = {}
    quotes = []
    for text in texts:
        ents = extract_entities(text)
        headline = text.split("\n", 1)[0]
        in_headline = [e for e in ents if e.start < len(headline)]
        assert all(e.end - e.start < 20 for e in in_headline), in_headline
        for e in ents:
            labels.setdefault(e.text, set()).add(e.label)
        found = extract_quotes(text, ents)
        _assert_consistent(text, found)
        quotes.append(found)
    assert labels["Russia"] == {"LOC"}
    assert labels["Kremlin"] <= {"ORG", "LOC"}
    assert labels["WikiLeaks"] == {"ORG"}
    assert labels["Vladimir Putin"] == {"PERSON"}
    assert labels["Dmitry Peskov"] == {"PERSON"}
    assert labels["Ben Sasse"] == {"PERSON"}
    assert labels["DNC"] == {"ORG"}
    assert "PERSON" not in labels["DCLeaks.com"] | labels["White House"]
    every = [q for found in quotes for q in found]
    assert any(q.direct and q.speaker_name == "Ben Sasse" for q in every)
    assert any(not q.direct and q.speaker_name == "Dmitry Peskov" for q in every)
    opening = "The recent disclosures of alleged hacked e-mails"
    for found in quotes:  # the joint statement's quotation, in both articles
        assert any(q.direct and q.text[1:].startswith(opening) for q in found)
    speakers = {q.speaker.text for q in every if q.speaker}
    assert "The Russian government" in speakers


# --- robustness ------------------------------------------------------------------------


def test_no_quotes() -> None:
    assert extract_quotes("") == []
    assert extract_quotes("Nothing to see here.\n\nReally.") == []


def test_unbalanced_marks_do_not_crash() -> None:
    text = 'He said "yes and then\n\n" no "" \u201d\u201c "'
    _assert_consistent(text, extract_quotes(text))


_ALPHABET = st.sampled_from(list("ab C.,:;\"\u201c\u201d\u2018\u2019'\n -\u2014") + ["said", "He"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_always_index_the_text(text: str) -> None:
    quotes = extract_quotes(text)
    _assert_consistent(text, quotes)
    assert all(0 <= q.start < q.end <= len(text) for q in quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@pytest.mark.parametrize("module", ["textual", "rich"])
def test_core_does_not_import_ui_libraries(module: str) -> None:
    code = f"import sys, tuireader.core.annotate.quotes; sys.exit({module!r} in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_speaker_at_the_end_of_a_sentence_loses_the_full_stop_not_an_abbreviation():
    from tuireader.core.annotate.pipeline import annotate

    (quote,) = annotate('"We did nothing wrong," said Dmitry Peskov.').quotes
    assert quote.speaker.text == "Dmitry Peskov" and quote.speaker_name == "Dmitry Peskov"
    (quote,) = annotate('"We will appeal," said John Smith Jr.').quotes
    assert quote.speaker.text == "John Smith Jr."


def test_a_speaker_who_admitted_something_is_found_after_the_quote() -> None:
    q = _one('"I never liked the old bridge," Tom Quillby admitted at the ribbon cutting.')
    assert q.speaker is not None and q.speaker.text == "Tom Quillby"
    assert q.cue is not None and q.cue.text == "admitted"


def test_a_passive_verb_of_saying_does_not_make_a_word_in_quotes_a_quotation() -> None:
    text = 'Forty bakers were admitted, and a few only listed "Rye" on the card.'
    assert extract_quotes(text) == []


def test_a_passive_with_its_agent_still_attributes_a_title_quoted() -> None:
    text = 'The choir rehearsed.\n\n"Paper Lanterns" was written by Ada Florin in one night.'
    assert [q.text for q in extract_quotes(text)] == ['"Paper Lanterns"']


def test_shortly_after_opens_a_lead_in_clause_not_a_subject() -> None:
    text = (
        "Shortly after the match ended, Tom Quillby sent out a note saying the referee owes "
        '"the fans an apology."'
    )
    assert _speakers(text) == ["Tom Quillby"]


@pytest.mark.parametrize("state", ["Delaware", "Del."])
def test_the_state_after_a_town_belongs_to_the_lead_in_clause(state: str) -> None:
    text = (
        f"Speaking at a bakery in Dover, {state}, Tom Quillby went after the mayor, calling her "
        '"a tireless obstacle."'
    )
    assert _speakers(text) == ["Tom Quillby"]


def test_a_singer_sings_the_words_quoted() -> None:
    text = 'The album is out.\n\n"The river keeps its own time," Ada Florin sings on it.'
    assert _speakers(text) == ["Ada Florin"]


def test_a_short_sentence_quoted_right_after_an_attributed_quote_is_more_of_it() -> None:
    text = 'The shop is busy.\n\n"The ovens run all night," Ada Florin said. "Every night."'
    assert _speakers(text) == ["Ada Florin", "Ada Florin"]
    # a short quoted phrase inside the reporter's own sentence stays a scare quote
    text = 'The shop is busy.\n\n"The ovens run all night," Ada Florin said. It was "hot."'
    assert _speakers(text) == ["Ada Florin"]


@pytest.mark.parametrize("lead", ["Here in Dover,", "And then"])
def test_more_lead_ins_before_the_subject_of_a_participle_cue(lead: str) -> None:
    text = f'{lead} Tom Quillby turned to the bakers, saying, "Who will open the shop tomorrow?"'
    assert _speakers(text) == ["Tom Quillby"]


def test_a_title_with_of_before_the_name_after_an_inverted_cue() -> None:
    text = (
        '"The harbor needs a new pier," said former secretary of transport Ada Florin, who '
        "toured the docks."
    )
    assert _speakers(text) == ["former secretary of transport Ada Florin"]


def test_a_long_apposition_after_a_sentence_final_attribution() -> None:
    text = (
        '"We are delighted" with the ruling, said Rosa Quell, head of the Oakfield Bakers '
        "Guild, a group that split from several larger trade bodies last spring and has since "
        "endorsed the new rules for the harbor market."
    )
    assert _speakers(text) == ["Rosa Quell"]


def test_pressed_is_a_cue_and_a_party_boss_a_role_before_the_name() -> None:
    assert _speakers('"Could the bridge open sooner?" Quillby pressed.') == ["Quillby"]
    text = '"The delay is costly," said county party boss Tom Quillby, who left early.'
    assert _speakers(text) == ["county party boss Tom Quillby"]


@pytest.mark.parametrize("dateline", ["DOVER - ", "DOVER, July 5 (AP) \u2014 "])
def test_a_dateline_is_no_part_of_the_sentences_subject(dateline: str) -> None:
    text = (
        "Guild apologizes\n\n"
        + dateline
        + "The Oakfield Guild issued a note on Monday, offering a "
        '"full and humble apology" to the bakers.'
    )
    assert _speakers(text) == ["The Oakfield Guild"]


def test_of_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = 'Of Quillby, Venn, who ran against him twice, said, "He is a fine neighbor."'
    assert _speakers(text) == ["Venn"]


def test_an_age_and_home_town_before_who_said_belong_to_the_person() -> None:
    text = (
        "Shoppers waited outside. Among them was Rita Dorr, 31, from Dover, who said the "
        'bakery is worth the wait. "The bread is still warm at noon."'
    )
    assert _speakers(text) == ["Rita Dorr"]


def test_who_was_asked_is_not_who_asked() -> None:
    text = (
        "The podcast aired Friday.\n\nQuillby was asked by Bill Venn, who runs the show, "
        '"You said the pier would open in May. Will it?"'
    )
    assert _speakers(text) == ["Bill Venn"]
    text = 'The meeting went on.\n\nQuillby was asked whether he would resign: "Will you?"'
    quotes = extract_quotes(text)
    assert [(q.speaker, q.speaker_name) for q in quotes] == [(None, None)]


def test_who_was_asked_and_then_answered_said_it() -> None:
    text = (
        "The meeting went on.\n\nTom Quillby was asked about the pier and had this to say: "
        '"It will open when it is safe."'
    )
    assert _speakers(text) == ["Tom Quillby"]


def test_a_bare_quote_paragraph_continues_a_quote_attributed_by_its_subject() -> None:
    from tuireader.core.annotate.pipeline import annotate

    text = (
        'Rep. Tom Vale once sold boats with Ames, but lately said Trout was "a fine '
        'captain."\n\n"Give him a crew and a breeze and he will win the regatta."'
    )
    quotes = [q for q in annotate(text).quotes if q.direct]
    assert [q.speaker_name for q in quotes] == ["Tom Vale", "Tom Vale"]


def test_a_paragraph_about_the_last_speaker_does_not_end_her_quotations() -> None:
    text = (
        '"We will win the county," Tom Harlow said.\n\n'
        "Harlow is upbeat about his chances in the fall.\n\n"
        '"Nobody else can unite the party."'
    )
    quotes = extract_quotes(text)
    assert [q.speaker_name for q in quotes] == ["Tom Harlow", "Tom Harlow"]


def test_a_paragraph_about_someone_else_gives_the_next_quotation_no_speaker() -> None:
    text = (
        '"We will win the county," Tom Harlow said.\n\n'
        "Ana Brill praised the plan.\n\n"
        '"It fixes every bridge in the county."'
    )
    quotes = extract_quotes(text)
    assert [q.speaker_name for q in quotes] == ["Tom Harlow", None]


def test_a_participle_after_a_quotation_and_its_speaker_keeps_that_speaker() -> None:
    text = (
        "Steven Law runs the fund.\n\n"
        "After the wins of Republicans Ana Brill in Iowa, Tom Harlow in Ohio and Lia Stone "
        'in Utah, "there is a sense of urgency," Law said, noting that donors feel "we have '
        'to find a place for the money."'
    )
    entities = tuple(
        _entity(text, n) for n in ("Steven Law", "Ana Brill", "Tom Harlow", "Lia Stone")
    )
    quotes = extract_quotes(text, entities)
    assert [q.speaker_name for q in quotes] == ["Steven Law", "Steven Law"]


@pytest.mark.parametrize(
    "tail",
    ["--Lia Stone.\n\nIn other news, the fair opened.", " - Democrats in Ohio shrugged it off."],
)
def test_a_dash_and_a_name_after_a_cued_quotation_do_not_take_it(tail: str) -> None:
    text = (
        "Sen. Tom Harlow met Ana Brill.\n\n"
        'Harlow insisted on Monday that his party was "still the first force in Ohio."' + tail
    )
    entities = (_entity(text, "Tom Harlow"), _entity(text, "Ana Brill"))
    quotes = extract_quotes(text, entities)
    assert [q.speaker_name for q in quotes if q.direct] == ["Tom Harlow"]


def test_a_progressive_cue_after_an_aside_takes_the_subject() -> None:
    text = (
        "Sen. Tom Harlow and Gov. Ana Brill met in Dover on Monday.\n\n"
        'Former Ohio Gov. Ben Cole, for his part, is labeling the plan "a blatant abuse '
        'of power."'
    )
    entities = tuple(_entity(text, n) for n in ("Tom Harlow", "Ana Brill", "Ben Cole"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Ben Cole"


@pytest.mark.parametrize("lead", ["In Harlow's words,", "in the words of Harlow,"])
def test_in_someones_words_names_the_speaker(lead: str) -> None:
    text = (
        "Sen. Tom Harlow and Gov. Ana Brill met in Dover on Monday.\n\n"
        f'The deal is, {lead} "something nobody believes in anymore."'
    )
    entities = (_entity(text, "Tom Harlow"), _entity(text, "Ana Brill"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Tom Harlow"


def test_echoed_is_a_cue() -> None:
    text = (
        '"He speaks his mind," said Ana Brill, 19.\n\n'
        "17-year-old Ben Cole echoed:\n\n"
        '"He says what the country needs to hear."'
    )
    entities = (_entity(text, "Ana Brill"), _entity(text, "Ben Cole"))
    quotes = extract_quotes(text, entities)
    assert [q.speaker_name for q in quotes] == ["Ana Brill", "Ben Cole"]


@pytest.mark.parametrize("verb", ["retaliated", "bragged", "concurred", "taunted"])
def test_more_verbs_of_saying_are_cues(verb: str) -> None:
    text = (
        'Sen. Tom Harlow said the state "is no longer itself."\n\n'
        f'"The state will always be itself," an angry Ana Brill {verb}.'
    )
    entities = (_entity(text, "Tom Harlow"), _entity(text, "Ana Brill"))
    quotes = extract_quotes(text, entities)
    assert [q.speaker_name for q in quotes if q.direct] == ["Tom Harlow", "Ana Brill"]
