"""Speaker attribution on web-news shapes: one test per failure class (invented sentences)."""

from __future__ import annotations

import pytest

from tuireader.core.annotate.pipeline import annotate
from tuireader.core.annotate.quotes import extract_quotes
from tuireader.core.annotate.spans import Entity


def _entity(text: str, name: str, label: str = "PERSON") -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), label, name)


def _direct(text: str) -> list:
    return [q for q in annotate(text).quotes if q.direct]


@pytest.mark.parametrize(
    "who",
    [
        "Additionally",
        "Well",
        "Shortly",
        "Me",
        "Let",
        "Facebook Twitter Email",
        "Image",
        "Play VIDEO",
        "(R-Ohio)",
        "10:42 a.m.",
        "Server",
    ],
)
def test_a_word_that_is_no_speaker_gives_no_speaker_name(who: str) -> None:
    text = f'Voters lined up early.\n\n"We waited three hours for this," {who} said.'
    for q in _direct(text):
        assert q.speaker_name is None, q


def test_the_subject_of_told_is_the_speaker_not_the_person_talked_about() -> None:
    text = 'Pat Quillon told a local paper that Lee Varga "doesn\'t get it at all."'
    entities = (_entity(text, "Pat Quillon"), _entity(text, "Lee Varga"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Pat Quillon"


def test_a_group_noun_is_unnamed_not_the_last_name_before_it() -> None:
    text = (
        "Governor Ada Wrenfield signed the order on Monday.\n\n"
        '"This order will not stand in any court," the three governors said.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and "governors" in q.speaker.text
    assert q.speaker_name is None


def test_the_statement_is_attributed_to_the_bodies_that_released_it() -> None:
    text = (
        "The warning came in a joint statement released by the Interior Ministry and the "
        "Coast Guard.\n\n"
        '"Vessels must keep clear of the northern channel until further notice," the '
        "statement said."
    )
    entities = (
        _entity(text, "Interior Ministry", "ORG"),
        _entity(text, "Coast Guard", "ORG"),
    )
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Interior Ministry and Coast Guard"


def test_an_unnamed_source_is_never_the_nearest_person() -> None:
    text = (
        "Mayor Ona Pelletier declined to comment on the audit.\n\n"
        '"The numbers were moved around on purpose," the source added.'
    )
    (q,) = _direct(text)
    assert q.speaker_name is None


def test_a_relative_clause_speaker_is_the_name_it_hangs_on() -> None:
    text = (
        "The audit gave fodder to rivals such as Sen. Ona Pelletier of Maine, who mused that "
        'the mayor was "unfit to run a lemonade stand."'
    )
    entities = (_entity(text, "Ona Pelletier"),)
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Ona Pelletier"


def test_a_quantity_is_no_speaker() -> None:
    text = (
        '"We are ready," Ona Pelletier told reporters on the day a dozen states held '
        'primaries. "And we will win."'
    )
    entities = (_entity(text, "Ona Pelletier"),)
    quotes = [q for q in extract_quotes(text, entities) if q.direct]
    assert [q.speaker_name for q in quotes] == ["Ona Pelletier", "Ona Pelletier"]


def test_speaker_names_are_canonical() -> None:
    text = (
        "Senator Ona Pelletier (D-Maine) spoke first.\n\n"
        '"We will not back down," said Sen. Pelletier.\n\n'
        '"Not now, not ever," PELLETIER\'s aide quoted her as saying.'
    )
    names = {q.speaker_name for q in _direct(text) if q.speaker_name}
    assert names == {"Ona Pelletier"}


def test_a_shared_surname_speaks_for_the_person_the_article_names_most() -> None:
    text = (
        "Marta Quillon toured the mill on Monday. Marta Quillon met workers there, and her "
        "brother Tobias Quillon joined her.\n\n"
        '"We will keep this mill open," Quillon said.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Marta Quillon"]


def test_a_shared_surname_named_equally_often_stays_a_surname() -> None:
    text = (
        "Marta Quillon and Tobias Quillon toured the mill on Monday.\n\n"
        '"We will keep this mill open," Quillon said.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Quillon"]


def test_a_pronoun_is_not_the_name_in_its_own_lead_in_clause() -> None:
    text = (
        '"We are close to a deal," Greta Vollmar told reporters on Monday.\n\n'
        "Asked whether the deal suits Nora Pellingham, who chairs the board, she replied: "
        '"I cannot speak for anyone else."'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Greta Vollmar", "Greta Vollmar"]


def test_a_pronoun_after_a_quote_stands_for_who_spoke_not_who_was_named_first() -> None:
    text = (
        'The feud between Nora Pellingham and the board will take time to "settle down," '
        "Greta Vollmar said on Monday.\n\n"
        '"Her patience is wearing thin," she said.'
    )
    assert [q.speaker_name for q in _direct(text)][-1] == "Greta Vollmar"


def test_a_named_speaker_keeps_the_quote_the_outlet_only_reported() -> None:
    text = (
        'Lawmakers met on Friday.\n\n"This bill protects every worker," Greta Vollmar said '
        "in a speech in the capital, according to the Daily Harbinger.\n"
    )
    assert [q.speaker_name for q in _direct(text)] == ["Greta Vollmar"]


def test_a_cue_in_a_relative_clause_after_adverbs_belongs_to_the_name_it_hangs_on() -> None:
    text = (
        "Later in the show, Dana Pellworth praised the novelist Oren Haskel, who has publicly "
        'vowed to stop buying the brand because of its "cruel treatment of the farm workers."'
    )
    entities = (_entity(text, "Dana Pellworth"), _entity(text, "Oren Haskel"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Oren Haskel"


def test_according_to_an_outlet_the_named_speaker_keeps_the_quote_she_gave() -> None:
    text = (
        "According to the Harbor Ledger, Mina Castell said the deal was "
        '"a betrayal of every worker who trusted us."'
    )
    entities = (_entity(text, "Harbor Ledger", "ORG"), _entity(text, "Mina Castell"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Mina Castell"


def _entities(text: str, *names: str) -> list[Entity]:
    """PERSON entities for every occurrence of each name."""
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.append(Entity(start, start + len(name), "PERSON", name))
            start = text.find(name, start + len(name))
    return sorted(found, key=lambda e: e.start)


def test_a_bare_surname_the_recognizer_missed_still_stands_for_its_person() -> None:
    text = (
        "Arlo Penwick and Dex Mornay toured the county on Monday.\n\n"
        "Dex Mornay spoke first, about taxes.\n\n"
        "Later, at a fair in Dover, Penwick unveiled a farm plan. "
        '"We will fund every county road," he said.'
    )
    (q,) = extract_quotes(text, _entities(text, "Arlo Penwick", "Dex Mornay"))
    assert q.speaker_name == "Arlo Penwick"


def test_a_pronoun_looks_past_an_owner_to_the_subject() -> None:
    text = (
        "Dex Mornay's plan would cut the road budget by half, Arlo Penwick said on Monday. "
        '"That is a plan for potholes," he said.'
    )
    (q,) = [
        q for q in extract_quotes(text, _entities(text, "Arlo Penwick", "Dex Mornay")) if q.direct
    ]
    assert q.speaker_name == "Arlo Penwick"


def test_a_role_description_stands_for_the_person_given_that_role() -> None:
    text = (
        "Gov. Lena Marsh endorsed Carl Varon on Friday.\n\n"
        "Marsh also spoke warmly about Carl Varon at the rally.\n\n"
        '"He has earned this job," the governor said.'
    )
    (q,) = extract_quotes(text, _entities(text, "Lena Marsh", "Marsh", "Carl Varon"))
    assert q.speaker_name == "Lena Marsh"


def test_a_sentence_inside_a_quotation_does_not_hide_who_spoke_it() -> None:
    text = (
        "Pim Rasko spoke with Teo Lindqvist on the radio.\n\n"
        '"I met him once. He was kind to me," Lindqvist said.\n\n'
        'But he wanted to know more: "Why did you wait so long to speak?"'
    )
    quotes = extract_quotes(text, _entities(text, "Pim Rasko", "Teo Lindqvist", "Lindqvist"))
    assert [q.speaker_name for q in quotes if q.direct] == ["Teo Lindqvist"] * 2


def test_a_time_lead_in_is_skipped_to_find_the_subject() -> None:
    text = (
        "Dal Brenner met voters in Akron on Sunday.\n\n"
        "Six years ago, he backed Mo Telfer over the mayor and said, "
        '"She has never done a thing for this town."'
    )
    (q,) = [
        q for q in extract_quotes(text, _entities(text, "Dal Brenner", "Mo Telfer")) if q.direct
    ]
    assert q.speaker_name == "Dal Brenner"


def test_a_cue_word_after_an_owner_is_a_noun_not_a_cue() -> None:
    text = (
        "Ona Pruett called for calm on Monday. The mayor, who faces a recall vote in June, "
        'said Ezra Vance\'s remarks "were cruel and far beneath the office he holds."'
    )
    (q,) = [
        q for q in extract_quotes(text, _entities(text, "Ona Pruett", "Ezra Vance")) if q.direct
    ]
    assert q.speaker_name == "Ona Pruett"


def test_a_participle_phrase_between_subject_and_cue_is_skipped() -> None:
    text = (
        "The dispute began on Friday after Wren Castellan, asked about the closure of the "
        'mill under Mr. Odo Barrow, had said, "We will not apologize for any of it."'
    )
    (q,) = [
        q for q in extract_quotes(text, _entities(text, "Wren Castellan", "Odo Barrow")) if q.direct
    ]
    assert q.speaker_name == "Wren Castellan"


def test_a_front_runner_description_stands_for_a_person() -> None:
    text = (
        "Kit Farrow attacked Nell Avery on Sunday after the Democratic front-runner had said "
        'that he was "a danger to the whole state."'
    )
    (q,) = [
        q for q in extract_quotes(text, _entities(text, "Kit Farrow", "Nell Avery")) if q.direct
    ]
    assert q.speaker_name == "Nell Avery"


def test_a_name_closing_the_lead_in_is_not_the_subject_a_pronoun_stands_for() -> None:
    text = (
        "On the subject of another rival, Mr. Halvard, Mr. Ostrow was asked about the deal. "
        '"It was a real triumph for the town," he said.'
    )
    entities = _entities(text, "Halvard", "Ostrow")
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Ostrow"


def test_the_newspaper_stands_for_the_paper_the_article_named() -> None:
    text = (
        "In a sharp editorial, The Harbor Times urged Lena Vask to quit the race.\n\n"
        '"She should step aside for the good of the party," the liberal newspaper wrote.'
    )
    entities = [*_entities(text, "Lena Vask"), _entity(text, "The Harbor Times", "ORG")]
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "The Harbor Times"


def test_a_campaign_email_is_attributed_to_the_candidate_whose_campaign_sent_it() -> None:
    text = (
        "Ned Rourke trails Ivo Senn in the latest polls.\n\n"
        "On Friday, his campaign sent out a fundraising email to supporters. "
        '"We are not done yet, and neither are you," read the email.'
    )
    (q,) = [q for q in extract_quotes(text, _entities(text, "Ned Rourke", "Ivo Senn")) if q.direct]
    assert q.speaker_name == "Ned Rourke"


def test_the_man_who_did_something_stands_for_the_person_already_named() -> None:
    text = (
        "Rolf Danner toured the old mill with Edda Holm on Tuesday.\n\n"
        '"This town made me who I am," said the man who built his career on its steel.'
    )
    entities = _entities(text, "Rolf Danner", "Edda Holm")
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Rolf Danner"


def test_a_man_without_a_relative_clause_stays_unnamed() -> None:
    text = (
        "Rolf Danner toured the old mill on Tuesday.\n\n"
        '"Nobody asked us about any of this," the man said.'
    )
    (q,) = [q for q in extract_quotes(text, _entities(text, "Rolf Danner")) if q.direct]
    assert q.speaker_name is None


def test_a_description_leading_its_sentence_continues_the_topic() -> None:
    text = (
        "Vera Lusk rejected the charges on Monday.\n\n"
        "In an interview with radio hosts Abel Strand and Cora Fenn, the Democratic candidate "
        'said the charges were "false from start to finish."'
    )
    entities = _entities(text, "Vera Lusk", "Abel Strand", "Cora Fenn")
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Vera Lusk"


def test_the_owner_of_a_remark_said_the_quote_that_follows() -> None:
    text = (
        "Former minister Greta Olund, a longtime ally of the mayor, stirred a row this spring "
        'over her remark that "nobody in this city ever gets a fair hearing."'
    )
    (q,) = [q for q in extract_quotes(text, _entities(text, "Greta Olund")) if q.direct]
    assert q.speaker_name == "Greta Olund"


@pytest.mark.parametrize(
    "intro",
    [
        "said Ruritanian pollster Marta Kowalczyk",
        "said North Dakota Green Party Chairwoman Marta Kowalczyk",
        "said former Vermont Gov. and Green Party Chairwoman Marta Kowalczyk",
    ],
)
def test_a_role_before_the_name_does_not_cut_the_speaker_off(intro: str) -> None:
    text = f"Turnout was low.\n\n“We expected more of the young voters,” {intro}."
    [quote] = _direct(text)
    assert quote.speaker_name == "Marta Kowalczyk"


@pytest.mark.parametrize(
    "credit", ["- Mara Quendell.", "\u2014 Mara Quendell, in a speech in Tulsa"]
)
def test_a_credit_line_under_a_quotation_names_its_speaker(credit: str) -> None:
    text = (
        "Here are the claims we checked after the forum.\n\n"
        '"Our schools have lost a third of their teachers in ten years."\n\n'
        f"{credit}\n\n"
        "The figure is out of date."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quendell"


def _direct_names(text: str, *names: str) -> list[str | None]:
    return [q.speaker_name for q in extract_quotes(text, _entities(text, *names)) if q.direct]


def test_a_multi_word_office_resolves_to_the_person_given_it() -> None:
    text = (
        "Nell Ardmore, the former secretary of state, met Piet Garrow in Dover.\n\n"
        'Garrow praised her record. Later the former secretary of state said the plan was "a '
        'good start for all of us."'
    )
    assert _direct_names(text, "Nell Ardmore", "Piet Garrow") == ["Nell Ardmore"]


def test_a_description_prefers_the_current_office_holder_over_a_former_one() -> None:
    text = (
        "Gov. Rhea Calder signed the bill. Calder has fought for it for years, and Calder "
        "thanked the unions.\n\n"
        "Ivo Tansley, the former Delmar governor, called it a mistake.\n\n"
        '"We have waited long enough," the governor said.'
    )
    assert _direct_names(text, "Rhea Calder", "Ivo Tansley") == ["Rhea Calder"]


def test_a_former_in_the_description_picks_the_former_holder() -> None:
    text = (
        "Gov. Rhea Calder signed the bill.\n\n"
        "Ivo Tansley, the former Delmar governor, called it a mistake.\n\n"
        "Calder answered him on the radio.\n\n"
        '"We have waited long enough," the former governor said.'
    )
    assert _direct_names(text, "Rhea Calder", "Ivo Tansley") == ["Ivo Tansley"]


def test_a_description_with_a_place_resolves_to_the_office_holder() -> None:
    text = (
        "Ada Voss, the independent senator from Delmar, spoke with Bo Lindt on the radio.\n\n"
        '"You have to start somewhere," Lindt said.\n\n'
        'The independent Delmar senator said the media called her a "lost cause" a year ago.'
    )
    assert _direct_names(text, "Ada Voss", "Bo Lindt") == ["Bo Lindt", "Ada Voss"]


def test_an_office_nobody_in_the_article_holds_leaves_the_speaker_unnamed() -> None:
    text = (
        "Rufus Kell spoke with the radio host Mina Oakes on Monday.\n\n"
        '"I have never asked anyone for a favour," the senator said.'
    )
    assert _direct_names(text, "Rufus Kell", "Mina Oakes") == [None]


def test_a_place_and_clause_before_the_subject_are_not_its_apposition() -> None:
    text = (
        "On Tuesday at a college in Marlow, OH, after winning the state primary, "
        'Gov. Tess Orrin (R-OH), said, "We are going to take this all the way to the end."'
    )
    assert _direct_names(text, "Tess Orrin") == ["Tess Orrin"]


def test_a_transcript_line_hands_the_quotation_to_the_speaker_named_before_it() -> None:
    text = (
        'After the vote, Mayor Ilse Brandvold said, "We will keep every library open."\n\n'
        "Transcript as follows:\n\n"
        '"Thank you all for coming tonight. We started this fight two years ago.\n\n'
        '"And we will finish it together, street by street."'
    )
    assert _direct_names(text, "Ilse Brandvold") == ["Ilse Brandvold"] * 3


def test_an_inch_sign_in_a_height_does_not_close_the_quotation() -> None:
    text = (
        "\u201cHe keeps calling me short. He is like 6\u20192\u201d,\u201d Rudi Marsh said "
        "on Sunday.\n\n"
        "\u201cAnd his shoes fit someone who is 5\u20192\u201d. Think about that.\u201d"
    )
    assert _direct_names(text, "Rudi Marsh") == ["Rudi Marsh"] * 2


def test_the_plan_speaks_for_the_person_whose_plan_it_is() -> None:
    text = (
        "Orla Penfold's four-year plan would cap rents in every city. Critics doubt it.\n\n"
        'The plan would be paid for by "ending the tax breaks nobody can defend."'
    )
    assert _direct_names(text, "Orla Penfold") == ["Orla Penfold"]


def test_an_as_noted_aside_does_not_take_the_quotation_from_its_real_speaker() -> None:
    text = (
        "Vida Kestrel opened her campaign in Ardley on Monday.\n\n"
        "Her new radio ad, which \u2014 as columnist Ned Farrow noted on Tuesday \u2014 "
        "promises to \u201ckeep every clinic in the county open,\u201d runs all week."
    )
    assert _direct_names(text, "Vida Kestrel", "Ned Farrow") == ["Vida Kestrel"]


def test_the_author_of_an_as_noted_aside_is_not_the_speaker_of_a_later_cue() -> None:
    text = (
        "The county bill, which \u2014 as columnist Ned Farrow noted on Tuesday \u2014 "
        "promises to \u201ckeep every clinic in the county open,\u201d passed on Friday."
    )
    assert _direct_names(text, "Ned Farrow") == [None]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ('Secretary of State Jon Ferrald said the vote was "far from perfect."', "Jon Ferrald"),
        (
            'The bill drew fire, with Republican Senator Jon Ferrald telling reporters it was "a '
            'disgrace to this chamber."',
            "Jon Ferrald",
        ),
        (
            'Omar Pelt, president and CEO of Ardley Restaurant Association stated, "It is not a '
            'political problem at all."',
            "Omar Pelt",
        ),
    ],
)
def test_a_subject_after_a_title_of_or_a_with_clause_is_found(sentence: str, name: str) -> None:
    assert _direct_names(sentence, name) == [name]


@pytest.mark.parametrize(
    "who",
    [
        "Republican pollster Tova Linden",
        "Ardley County Democratic Party Chairman Tova Linden",
        "former Ardley Gov. and party Chairman Tova Linden",
    ],
)
def test_an_inverted_speaker_runs_past_modifiers_and_titles_to_the_name(who: str) -> None:
    text = f'"The county is ours to lose," said {who}. "We will not lose it."'
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"] * 2


def test_a_sentence_final_inverted_speaker_runs_on_to_the_name() -> None:
    text = (
        'Doe "drew well with older voters" in the last race, said Ardley State University '
        "professor Tova Linden."
    )
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


def test_a_surname_speaker_takes_the_full_name_of_an_earlier_speaker() -> None:
    text = (
        '"We go where the voters are," explained Ilka Brandt, the director of the program.\n\n'
        '"It is a long summer," said Brandt.'
    )
    # The recognizer saw no person in the first paragraph, only the later surname.
    start = text.rindex("Brandt")
    entities = [Entity(start, start + 6, "PERSON", "Brandt")]
    quotes = [q.speaker_name for q in extract_quotes(text, entities) if q.direct]
    assert quotes == ["Ilka Brandt", "Ilka Brandt"]


def test_an_office_description_refers_to_whom_an_earlier_one_did() -> None:
    text = (
        "Arne Volk sat down with the host Mina Oakes on Monday.\n\n"
        'A year ago, the independent Delmar senator said, the papers called him "a lost cause."\n\n'
        '"Is that you?" Oakes asked.\n\n'
        '"That would be me," the senator said.'
    )
    assert _direct_names(text, "Arne Volk", "Mina Oakes") == [
        "Arne Volk",
        "Mina Oakes",
        "Arne Volk",
    ]


def test_a_speaker_ending_in_a_suffix_with_a_dot_is_named() -> None:
    text = '"We have to be careful," said Sen. Albin T. Reyes Jr. (D-Pa.), a party elder.'
    assert _direct_names(text, "Albin T. Reyes Jr.") == ["Albin Reyes"]


@pytest.mark.parametrize(
    "who",
    [
        "Air Force 1st Lt. Tova Linden",
        "Ardley ally Tova Linden",
        "Union Secretary-Treasurer Tova Linden",
    ],
)
def test_a_title_or_ally_between_modifier_and_name_does_not_cut_the_speaker(who: str) -> None:
    text = f'"The county is ours to lose," said {who}.'
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


def test_an_alderman_title_is_not_part_of_the_speaker_name() -> None:
    text = '"We need more buses," said Alderman Tova Linden.'
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


def test_the_person_ending_a_speaker_phrase_is_its_name() -> None:
    text = '"We can win this," said House Republican Tova Linden.'
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


def test_an_apposition_missing_its_closing_comma_still_names_the_speaker() -> None:
    text = (
        '"This new ad raises hard questions," Tova Linden, who chairs the Ardley Fund said in '
        'a statement. "Voters deserve answers."'
    )
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"] * 2


def test_a_quotation_paragraph_goes_on_with_the_reported_speaker_before_it() -> None:
    text = (
        '"The toll is negotiable," Tova Linden said.\n\n'
        "Later Linden added that the bridge itself was not up for debate.\n\n"
        '"Building it? Not negotiable."'
    )
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"] * 2


def test_a_person_of_a_city_and_state_is_the_subject_not_the_state() -> None:
    text = 'Tova Linden of Ardley, North Delmar says she hopes Doe "keeps doing what he does."'
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


def test_remarks_after_an_owner_and_a_participle_are_a_noun_not_a_cue() -> None:
    text = (
        '"I do not think she can win," Tova Linden said.\n\n'
        "Linden continued her scathing remarks.\n\n"
        '"Eight years ago she was the favourite."'
    )
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"] * 2


def test_an_inverted_aside_between_commas_names_the_speaker() -> None:
    text = (
        "Ada Voss ran the mill for years. The puzzle of Voss, says Tova Linden, a historian at "
        'the county museum, is that she was "the most powerful person in town."'
    )
    assert _direct_names(text, "Ada Voss", "Tova Linden") == ["Tova Linden"]


def test_an_owner_with_two_modifiers_before_the_claim_said_it() -> None:
    text = (
        "Tova Linden spoke in Ardley.\n\nFor example, Linden's recent evidence-free assertion "
        'that "thousands of people were cheering" spread fast.'
    )
    assert _direct_names(text, "Tova Linden") == ["Tova Linden"]


@pytest.mark.parametrize(
    "story",
    [
        "One Kell aide, who asked not to be named, was blunt. “We are done,” he said.",
        "A senior adviser to the campaign said the race was close. “We worry,” the adviser said.",
        "“It is over,” said a strategist close to the campaign. “No,” the strategist added.",
        "A campaign spokesman declined to comment at first. Later, he said: “We are fine.”",
    ],
)
def test_he_or_the_adviser_after_an_unnamed_person_stays_unnamed(story: str) -> None:
    text = f"Senator Mara Quendell spoke in Tulsa, and Rufus Kell spoke too.\n\n{story}"
    assert [q.speaker_name for q in _direct(text)][-1] is None


def test_a_named_person_after_an_unnamed_one_is_still_found() -> None:
    text = (
        "Senator Mara Quendell spoke in Tulsa.\n\n"
        "A spokesman for Rufus Kell spoke first. Then Kell took the stage. “We will win,” he said."
    )
    assert [q.speaker_name for q in _direct(text)] == ["Rufus Kell"]


@pytest.mark.parametrize("mark", ["\u2018{}\u2019", "'{}'"])
def test_a_headline_quotation_in_single_marks_is_found(mark: str) -> None:
    quote = mark.format("We Will Keep Every Library Open.")
    text = f"Brandvold: {quote}\n\nMayor Ilse Brandvold said on Monday that the city would pay."
    found = [q for q in _direct(text) if q.start == 0 + len("Brandvold: ")]
    assert [q.speaker_name for q in found] == ["Ilse Brandvold"]


def test_apostrophes_in_a_headline_are_no_quotation() -> None:
    text = "Brandvold’s Voters' Anger Grows Over 'Library' Cuts\n\nVoters are angry."
    assert _direct(text) == []


def test_a_headline_quotation_takes_the_speaker_of_the_body_quotation_it_repeats() -> None:
    text = (
        "Ardley Chief On Rufus Kell: \u2018We Do Not Pay For Seats.\u2019\n\n"
        "Rufus Kell said he had been offered money.\n\n"
        '"We do not pay for seats," said Nina Pell, who runs the Ardley forum.'
    )
    assert _direct_names(text, "Rufus Kell", "Nina Pell") == ["Nina Pell", "Nina Pell"]


def test_a_surname_that_is_also_a_common_word_completes_to_the_person() -> None:
    text = (
        "Dana Read, head of the Hollin Bakery, met the growers on Monday.\n\n"
        '"We read every contract twice," Read said.'
    )
    assert [q.speaker_name for q in annotate(text).quotes if q.direct] == ["Dana Read"]


def test_a_lone_surname_the_article_never_writes_in_lower_case_is_a_name() -> None:
    said = '\n\n"We bake before dawn," Price stated.'
    text = "Price opened the bakery in 2009." + said
    assert [q.speaker_name for q in extract_quotes(text)] == ["Price"]
    # where the word is also used as a common noun, it is no name on its own
    text = "Price opened the bakery in 2009 and the price of flour rose." + said
    assert [q.speaker_name for q in extract_quotes(text)] == [None]


def test_a_quote_after_a_speaker_reported_by_a_pool_report_keeps_the_speaker() -> None:
    text = (
        "The mayor toured the bakery.\n\n"
        '"The bakers never rest," Ada Florin said of the staff, according to a pool report. '
        '"Neither do I. The ovens must stay on."'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Ada Florin", "Ada Florin"]


def test_an_outlet_that_reported_a_quote_does_not_beat_its_speaker() -> None:
    text = (
        "The vote was close.\n\nWhen asked about the pier, Tom Quillby frowned and said, "
        '"Not now," The Daily Ledger reported.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Quillby"]


def test_she_after_a_sentence_led_by_he_is_the_woman_named_in_it() -> None:
    text = (
        "The pier was approved with help from Rubens.\n\n"
        '"Where is the money?" said Tom Quillby at the council meeting. He was joined at the '
        "table by Dana Venn, who chairs the harbor board. She said Rubens "
        '"never read the budget."'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Quillby", "Dana Venn"]


def test_the_articles_own_she_overrules_a_given_name_used_mostly_for_men() -> None:
    text = (
        "The guild met on Monday.\n\nSam Quell took a calmer line. She said she would prefer "
        "the money go to the harbor fund run by Lisa Orrin.\n\n"
        '"They are slowing the pier down," she said.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Sam Quell"]


def test_the_complaint_speaks_for_who_sued() -> None:
    text = (
        "The bids were opened in March.\n\nTom Quillby sued the Oakfield Guild on Friday. The "
        "complaint, filed in county court, alleged that the guild "
        '"hid the bids from the public."'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Quillby"]


def test_a_candidates_campaign_speaks_for_the_candidate_but_not_its_manager() -> None:
    opening = "Tom Quillby toured the harbor on Monday.\n\n"
    text = opening + (
        "Later, Quillby\u2019s campaign sent out a note saying Venn owes "
        '"the bakers a straight answer."'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Quillby"]
    text = opening + '"We will carry the county," his campaign manager Dale Orrin said.'
    assert [q.speaker_name for q in _direct(text)] == ["Dale Orrin"]


def test_the_subject_of_a_sentence_is_not_the_name_its_verb_takes() -> None:
    text = (
        "Abel Rubens won the guild vote on Saturday.\n\nTed Vance, a baker, said he voted for "
        "Rubens. Vance praised Rubens\u2019s plan for the harbor and said the new chair will "
        '"keep the ovens lit" all winter.'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Ted Vance"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Vance"


@pytest.mark.parametrize(
    "headline",
    [
        'Quillby Hammers Oakfield CEO: "You Should Be Ashamed"',
        'Quillby Slams Venn: "She Is A Fraud"',
        "Quillby: The pier plan is 'a waste of good timber.'",
    ],
)
def test_a_headline_quote_is_said_by_the_headlines_subject(headline: str) -> None:
    text = headline + "\n\nTom Quillby spoke in Dover on Tuesday about the pier and the bakery."
    assert [q.speaker_name for q in _direct(text)] == ["Tom Quillby"]


def test_a_short_title_case_phrase_in_a_headline_led_by_a_name_stays_a_scare_quote() -> None:
    text = "Quillby: Venn Was 'Joking' About the Pier\n\nTom Quillby spoke in Dover on Tuesday."
    assert _direct(text) == []


def test_a_description_is_the_person_the_paragraph_names_after_the_quote() -> None:
    text = (
        "Tom Quillby turns 70 on Friday.\n\nAccording to his family doctor, the baker is in "
        '"remarkable" shape and "could row the harbor race again." The note was signed by Dr. '
        "Harold Venn, who has treated him for years."
    )
    assert [q.speaker_name for q in _direct(text)] == ["Harold Venn", "Harold Venn"]
    # no name follows: the description stays unnamed
    text = text.replace(" The note was signed by Dr. Harold Venn, who has treated him", " Few")
    assert [q.speaker_name for q in _direct(text)] == [None, None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Lambert on Friday told the Harbor Gazette: "The ferry runs at dawn."', "Tom Lambert"),
        ('Mara Quill, the clerk, wrote a short note to Lambert: "Bring the keys."', "Mara Quill"),
        ('The pier fight did not surprise harbor pilot Dan Orrin: "It was coming."', "Dan Orrin"),
    ],
)
def test_a_name_before_the_colon_that_is_spoken_to_is_not_the_speaker(
    sentence: str, speaker: str
) -> None:
    text = "Tom Lambert leads the guild. Mara Quill runs the council.\n\n" + sentence
    assert [q.speaker_name for q in _direct(text)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Ames and Kerr will race the boats, Dorsey said, adding, "Both love sails."', "Dorsey"),
        ('Kerr baked three pies, she said, adding, "He burned one."', "she"),
    ],
)
def test_adding_after_a_trailing_attribution_belongs_to_its_speaker(
    sentence: str, mention: str
) -> None:
    text = (
        "Pier aide Dan Dorsey spoke first. Senator Ames and Governor Kerr stayed away.\n\n"
        + sentence
    )
    quotes = _direct(text)
    assert [q.speaker.text if q.speaker else None for q in quotes] == [mention]


def test_a_sentence_led_by_a_description_is_not_cut_to_its_capitalised_words() -> None:
    text = (
        "Mayor Dan Trout spoke on Monday.\n\nThe Democratic front-runner and former baker "
        'said the town "badly" needed a second ferry.'
    )
    quotes = _direct(text)
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "The Democratic front-runner"
    assert quotes[0].speaker_name != "The Democratic"


def test_a_middle_initial_does_not_end_the_sentence_a_pronoun_looks_back_to() -> None:
    text = (
        "Mayor Dan Trout gave a speech.\n\nOwen Marsk, a ferry pilot for then-Governor Tom W. "
        "Bell, also doubted Trout's timetable.\n\n"
        '"The tide will not wait for a vote," he said.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Owen Marsk"]


def test_a_shared_surname_named_equally_often_is_the_one_who_has_spoken() -> None:
    text = (
        'Actor Tom Vale spoke to reporters. "I liked the show," Vale said.\n\n'
        "His brother, the director Ron Vale, did not attend.\n\n"
        '"It was a long night," Vale said.'
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Vale", "Tom Vale"]


def test_a_surname_takes_the_full_name_the_recognizer_missed() -> None:
    text = (
        "Harbor talks opened. Among the guests were Ann Pell of Dock Partners and others.\n\n"
        '"We will build it," Pell said.'
    )

    def speakers(text: str) -> list:
        start = text.rindex("Pell")  # only the speaker is a PERSON mention
        entities = [Entity(start, start + 4, "PERSON", "Pell")]
        return [q.speaker_name for q in extract_quotes(text, entities, indirect=False)]

    assert speakers(text) == ["Ann Pell"]
    # part of a longer capitalised name, or a month: no given name
    for lead in ("Dock Ann Pell Partners", "May Pell"):
        assert speakers(text.replace("Ann Pell of Dock Partners", lead)) == ["Pell"]


def test_a_name_modifying_a_noun_is_not_the_subject_a_pronoun_stands_for() -> None:
    text = (
        "Mayor Dan Trout spoke at the pier.\n\nAn avid Trout supporter, Tom Brisk grumbled "
        'about the ferry fares he pays each week.\n\n"The fares went up twice this year," '
        "he said."
    )
    assert [q.speaker_name for q in _direct(text)] == ["Tom Brisk"]


def test_a_surname_that_is_a_title_keeps_its_given_name_in_an_apposition() -> None:
    text = '"The buoys need new paint," Ann Pope, deputy harbor master, said.'
    assert [q.speaker_name for q in _direct(text)] == ["Ann Pope"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Vale gave a curt retort: "The boat stays in the shed."',
        'The Dover Ledger printed a column that noted his ferry plan "would cost twice as much."',
    ],
)
def test_a_cue_word_after_an_article_is_a_noun_given_by_the_sentence_subject(
    sentence: str,
) -> None:
    text = "Senator Tom Vale spoke at the pier.\n\n" + sentence
    want = "Vale" if sentence.startswith("Vale") else "The Dover Ledger"
    assert [q.speaker.text if q.speaker else None for q in _direct(text)] == [want]


@pytest.mark.parametrize(
    "who", ["a Nevada Democrat", "another Ohio Republican", "one Iowa Republican"]
)
def test_an_indefinite_group_member_is_unnamed_not_a_name(who: str) -> None:
    text = (
        "Sen. Rita Dunmore held a town hall on Monday.\n\n"
        f'"Nobody in this room trusts the polls anymore," {who} said.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and who in q.speaker.text
    assert q.speaker_name is None


def test_a_name_modifying_an_ally_or_aide_is_not_the_speaker() -> None:
    text = (
        "Sen. Rita Dunmore held a town hall on Monday.\n\n"
        '"She has never lost a race she cared about," a Dunmore ally said.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "a Dunmore ally"
    assert q.speaker_name is None


def test_an_organisation_opening_with_one_keeps_its_name() -> None:
    text = '"The vote was never close," One Harbor Network reported on Monday.'
    entities = (_entity(text, "One Harbor Network", "ORG"),)
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "One Harbor Network"


def test_a_description_subject_keeps_its_person_noun_before_a_verb() -> None:
    text = (
        "Sen. Tom Harlow ended his bid on Tuesday.\n\n"
        "The Ohio senator sought to calm his supporters, saying the heckler would "
        '"not get hurt" at his rally.\n\n'
        'He said that he would offer "a prayer" for the eventual nominee.'
    )
    quotes = _direct(text)
    assert [q.speaker.text for q in quotes if q.speaker] == ["The Ohio senator", "He"]
    assert [q.speaker_name for q in quotes] == ["Tom Harlow", "Tom Harlow"]


@pytest.mark.parametrize(
    "attribution",
    ["said one Ohio Democrat", "said one unaligned Ohio Republican strategist"],
)
def test_said_one_group_member_is_unnamed(attribution: str) -> None:
    text = f'Sen. Tom Harlow led the field.\n\n"It is his race to lose," {attribution}.'
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text.startswith("one ")
    assert q.speaker_name is None


def test_an_adjective_before_a_known_name_keeps_the_name() -> None:
    text = 'Sen. Tom Harlow led the field.\n\n"It is my race to lose," a defiant Harlow said.'
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_a_poll_subject_is_not_cut_to_a_junk_name() -> None:
    text = (
        "Sen. Tom Harlow led the field.\n\n"
        'The Harbor poll also finds that most voters think the deal is "a fantasy from '
        'start to finish."'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "The Harbor poll"
    assert q.speaker_name is None


def test_the_candidate_campaign_speaks_for_the_candidate() -> None:
    text = 'Sen. Tom Harlow led the field.\n\n"It is a fantasy," the Harlow campaign said.'
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


@pytest.mark.parametrize("group", ["Some Democrats", "Many Ohio Republicans"])
def test_a_quantified_group_opening_a_sentence_is_unnamed(group: str) -> None:
    text = f'Sen. Tom Harlow led the field.\n\n{group} say the race could mark "the end of it all."'
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == group
    assert q.speaker_name is None


def test_said_one_followed_by_a_name_and_a_noun_is_the_whole_description() -> None:
    text = 'Sen. Tom Harlow led the field.\n\n"It is his race to lose," said one Harlow adviser.'
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "one Harlow adviser"
    assert q.speaker_name is None


def test_a_name_before_a_role_and_another_name_is_not_the_he_who_speaks() -> None:
    text = (
        "Sen. Tom Harlow spoke.\n\n"
        "Harlow spokesman Ben Cole said that the campaign will draw contrasts so that voters "
        'know Harlow has "the principles to lead the state," he said.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker_name == "Ben Cole"


def test_the_place_a_described_speaker_is_from_is_not_the_speaker() -> None:
    text = (
        "Sen. Ann Kettle toured the mill on Friday.\n\n"
        'The senator from Maine said the rules were "rigged," and she left soon after.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "The senator from Maine"
    assert q.speaker_name == "Ann Kettle"


def test_someone_described_as_from_a_place_is_unnamed() -> None:
    text = 'Tom Harlow spoke first.\n\nA farmer from Nebraska said the plan was "a fantasy."'
    (q,) = _direct(text)
    assert q.speaker_name is None


@pytest.mark.parametrize("group", ["Aides", "Officials", "Critics"])
def test_a_capitalised_plural_of_a_role_is_an_unnamed_group(group: str) -> None:
    text = f'Sen. Tom Harlow led the field.\n\n{group} say the governor will "fully back" Harlow.'
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == group
    assert q.speaker_name is None


@pytest.mark.parametrize("outlet", ["KTV", "WXY", "WXYZ News"])
def test_an_outlet_closing_its_sentence_keeps_its_name(outlet: str) -> None:
    text = (
        f"The inquiry went on.\n\n“We expect to finish soon,” according to {outlet}.\n\nMore later."
    )
    (q,) = _direct(text)
    assert q.speaker_name == outlet


def test_a_suffix_dot_stays_with_the_name() -> None:
    text = 'The inquiry went on.\n\n"We expect to finish soon," said Tom Harlow Jr.'
    (q,) = _direct(text)
    assert q.speaker_name is not None and q.speaker_name.startswith("Tom Harlow")


def test_an_office_named_long_before_is_still_the_office_that_speaks() -> None:
    filler = "The economy grew slowly last year and prices were steady in the region. " * 45
    text = (
        "The Federal Revenue Office published its forecast on Monday.\n\n" + filler + "\n\n"
        "Spending will rise, the revenue office said, because pensions ''are mainly driven by "
        "the aging of the population.''"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Federal Revenue Office"


@pytest.mark.parametrize(
    "sentence",
    [
        '"We need the mill back," a woman in Marden, Delaware, told him.',
        'Officials in Marden, Delaware, said the bridge was "unsafe."',
        '"We are tired," one farmer from Marden, Ohio, told reporters.',
        'Voters from Marden, Del., said the plan was "dead."',
    ],
)
def test_the_state_after_a_town_is_not_the_speaker(sentence: str) -> None:
    text = f"Tom Harlow toured the plant on Monday.\n\n{sentence}"
    (q,) = _direct(text)
    assert q.speaker_name is None


def test_they_after_a_party_group_is_the_group_not_the_chamber() -> None:
    text = 'Harbor Council Democrats blocked the plan. "This is a bad plan," they said.'
    ents = [_entity(text, "Harbor Council", "ORG")]
    (q,) = [q for q in extract_quotes(text, ents) if q.direct]
    assert q.speaker_name == "Harbor Council Democrats"


def test_they_never_stands_for_one_person() -> None:
    text = (
        "Tom Harlow met the striking nurses on Friday.\n\n"
        '"We will not go back," they said outside the ward.'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "they"
    assert q.speaker_name is None


def test_a_quote_after_a_sentence_keeps_its_main_clause_speaker() -> None:
    text = (
        "The talks went on all week.\n\n"
        '"You have my word," Tom Harlow assured Ben Roe, after Roe assured Harlow that his '
        'members were on board. "I will not let you down."'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tom Harlow", "Tom Harlow"]


def test_an_inverted_speaker_runs_on_over_any_role_noun_between_two_names() -> None:
    text = 'The vote is on Friday.\n\n"Traitors," said Harlow constituent Dan Vellmer when asked.'
    (q,) = _direct(text)
    assert q.speaker_name == "Dan Vellmer"


def test_an_inverted_speaker_cut_inside_a_long_title_keeps_the_surname() -> None:
    text = (
        '"We had an issue with trade," said Harbor Auto Workers Secretary-Treasurer Gary Vale.'
        "\n\nHarlow's role is more complicated for labor."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Gary Vale"


def test_a_speaker_never_reaches_a_name_in_the_next_paragraph() -> None:
    text = (
        '"We had an issue," said Harbor Auto Workers Secretary-Treasurer Xu Vale.\n\n'
        "Tom Harlow's role is more complicated."
    )
    (q,) = _direct(text)
    assert q.speaker is not None and "\n" not in q.speaker.text


def test_a_capital_verb_after_a_lower_case_phrase_is_no_headline_cue() -> None:
    text = (
        "DOVER (AP) - Republican hopeful Tom Harlow says he does not watch football much "
        "because the league has gone \u201csoft\u201d like the United States.\n\n"
        "The league said nothing."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_a_possessive_noun_phrase_after_a_quote_is_no_subject() -> None:
    text = (
        "Jane Roe said on Monday that she would have to \u201creassure\u201d allies that the "
        "league would keep its word, given Mr. Harlow's comments saying it might not."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Jane Roe"


@pytest.mark.parametrize("aside", ["on Friday", "late Monday night", "in a statement"])
def test_a_time_or_medium_between_subject_and_cue_keeps_the_subject(aside: str) -> None:
    text = (
        "Tom Harlow spoke first.\n\n"
        f'The old mill, which Gov. Ann Poe {aside} declared "a landmark," reopened.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ann Poe"


def test_a_description_after_an_opening_name_is_its_apposition() -> None:
    text = (
        "The count was over.\n\n"
        "Tom Vale, the communications director for the Ohio Labor Party said in a statement. "
        '"There is nothing to recount."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Vale"


def test_a_that_clause_quotation_is_its_verb_subjects_whoever_speaks_after_it() -> None:
    text = (
        'But even as Tom Harlow claimed on Tuesday that "Roe got in trouble for far less," '
        "one of the former lawyers for Ben Roe said the two cases were different."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_the_news_service_is_the_outlet_that_opened_the_sentence_before() -> None:
    text = (
        "The senator made the claim in March.\n\n"
        "Factwatch (which is not known as partisan) examined the claim and rated it "
        '"Mostly False." The news service said the numbers were "simply wrong."'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Factwatch", "Factwatch"]


def test_words_in_a_finding_that_clause_are_the_finding_authors() -> None:
    text = (
        "Factwatch rated the claim \u201cTrue.\u201d The outlet pointed to the Harbor Review "
        "Board finding that staffing was too thin \u201cdespite several warnings\u201d from "
        "the envoy."
    )
    quotes = _direct(text)
    assert quotes[-1].speaker_name == "Harbor Review Board"
    assert quotes[0].speaker_name != "Harbor Review Board"


@pytest.mark.parametrize("group", ["Harbor Council Republican leaders", "Harlow aides"])
def test_an_inverted_group_is_unnamed_not_the_names_modifying_it(group: str) -> None:
    text = f'The vote failed.\n\n"We will fight on," said {group} on Friday.'
    (q,) = _direct(text)
    assert q.speaker_name is None


def test_words_running_on_to_the_next_quotation_are_its_attribution() -> None:
    text = (
        "The race was heated.\n\n"
        'Tom Harlow said Ann Poe "caused harm." Ben Roe called Harlow a "reckless liar." '
        'Jane Vale said Ted Kroll "says whatever he needs to say."'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tom Harlow", "Ben Roe", "Jane Vale"]


def test_the_leader_of_an_organisation_named_in_apposition_is_the_person() -> None:
    text = (
        "Local groups condemned the plan.\n\n"
        "The leader of the Harbor Defense League, Tom Vallin, warned that such a ban would be "
        '"unacceptable." He said Ohio voters "know all too well" what happens.'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tom Vallin", "Tom Vallin"]


def test_a_description_after_the_lead_ins_name_is_no_subject() -> None:
    text = (
        "The crowd was loud.\n\n"
        "Introduced at the lectern by Ben Roe, the Dover sheriff and hard-liner, Tom Harlow "
        'launched into a lament for the "forgotten" workers.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_a_quotation_in_a_while_clause_is_that_clauses_subjects() -> None:
    text = (
        "The race was heated.\n\n"
        "Gov. Tom Harlow on Monday signed an order to block the plan, while Ben Roe, the former "
        'Ohio governor, proposed we "wake up and smell the coffee" before the vote.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ben Roe"


def test_a_subordinate_clause_speaker_with_a_particle_is_passed_over() -> None:
    text = (
        "The talks went on all week.\n\n"
        '"You have my word," Harlow spokesman Tom Vale told the Ledger in July, after '
        'de Roos stated an interest in ending the deal. "These contracts are binding."'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tom Vale", "Tom Vale"]


@pytest.mark.parametrize(
    "sentence",
    [
        'It is strange that Tom Harlow would denounce "self-deportation," given his plans.',
        'It wasn\'t just the cries of "Liar!" that rattled Tom Harlow.',
    ],
)
def test_an_expletive_it_names_no_one(sentence: str) -> None:
    text = f"The Harbor Daily backed the plan on Monday.\n\n{sentence}"
    (q,) = _direct(text)
    assert q.speaker_name is None


def test_points_is_a_cue_only_as_points_out_or_to() -> None:
    text = (
        "The debate was loud.\n\n"
        "Tom Harlow repeated claims that Ben Roe recites the same campaign points, calling him "
        'a "talented guy" on a good day.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_an_adverb_between_a_name_and_a_participle_cue_keeps_the_name() -> None:
    text = (
        "The rally was tense.\n\n"
        'A protester was pushed out, with Tom Harlow reportedly yelling: "Get him out of here!"'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Harlow"


def test_a_lower_case_time_phrase_after_but_is_skipped_before_the_subject() -> None:
    text = (
        "But a few days later, Tobias Renwick reversed himself again, telling a local "
        'paper the rules "are set in stone."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


def test_a_name_closing_a_relative_clause_is_not_the_subject_of_a_participle_cue() -> None:
    text = (
        "Dana Orsolo, who backs Renwick, criticised the council on the radio, calling it "
        'a "clear case" of neglect.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Dana Orsolo"


@pytest.mark.parametrize("title", ["Mr.", "Sen."])
def test_a_titled_speaker_of_an_organisation_after_the_quote_is_the_person(title: str) -> None:
    text = (
        "Tom Quillon has led the Harbor Trust since the flood.\n\n"
        f'"It was the least bad outcome," {title} Quillon of the Harbor Trust said.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Quillon"


def test_a_person_of_an_organisation_is_the_person_not_the_organisation() -> None:
    text = '"It was the least bad outcome," Dana Orsolo of the Harbor Trust said.'
    entities = (_entity(text, "Dana Orsolo"), _entity(text, "Harbor Trust", "ORG"))
    (q,) = extract_quotes(text, entities)
    assert q.speaker_name == "Dana Orsolo"


def test_a_cue_followed_by_that_clause_is_not_inverted() -> None:
    text = (
        "City Attorney Lee Varga said in the letter that the advertisement "
        '"clearly and wrongly" suggests that Dover supports the plan.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Lee Varga"


def test_a_participle_phrase_between_commas_is_not_the_speaker() -> None:
    text = 'The crowd chanted "No more walls," as Tom Quillon, shouting loudly in Dover, said.'
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Quillon"


def test_a_headline_verb_glued_to_a_name_is_not_part_of_the_pronoun_antecedent() -> None:
    text = (
        "Renwick Vows to Fight On\n\n"
        '"We will win this state and the next one," he said at a rally on Tuesday.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Renwick"


def test_an_embedded_post_credit_line_with_handle_and_date_names_the_author() -> None:
    text = (
        "The senator was angry.\n\n"
        '"We will not back down from this fight."\n\n'
        "\u2014 Mara Quillfeather (@maraq) October 3, 2016"
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather"


def test_a_named_owners_statement_is_the_owners_words() -> None:
    text = 'Mara Quillfeather\'s statement read:\n\n"We will not back down from this fight."'
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather"


def test_a_report_a_which_clause_hangs_on_is_the_speaker_not_the_sentence_subject() -> None:
    text = (
        "Dana Orsolo's press release linked to the Ledger Press report, which notes, "
        '"More than half the guests were donors."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Ledger Press"


@pytest.mark.parametrize(
    ("verb", "cue", "who"),
    [
        ("asked", "said", "Tobias Renwick"),
        ("pressed", "said", "Tobias Renwick"),
        ("interviewed", "said", "Tobias Renwick"),
        ("asked", "asked", "Tom Quillon"),
    ],
)
def test_he_after_one_man_asks_another_is_the_one_asked_unless_he_asks(
    verb: str, cue: str, who: str
) -> None:
    text = (
        f"Radio host Tom Quillon {verb} Tobias Renwick about the budget.\n\n"
        f'"We will balance it," he {cue}.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == who


def test_a_speaker_of_a_long_institution_name_after_the_quote_is_the_person() -> None:
    text = (
        "The test was a surprise.\n\n"
        '"It would be a stretch for them," Lee Varga of the Dover Center for Harbor '
        "Studies wrote in December."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Lee Varga"


@pytest.mark.parametrize("noun", ["answer", "response", "reply"])
def test_a_named_owners_answer_is_the_owners_words(noun: str) -> None:
    text = f'Tobias Renwick spoke first. Lee Varga\'s {noun} was simple: "Nobody wants a fight."'
    (q,) = _direct(text)
    assert q.speaker_name == "Lee Varga"


def test_a_name_after_the_is_no_antecedent_of_he() -> None:
    text = (
        "Tobias Renwick spoke on Monday. The Ledger reported that his rival had no plan.\n\n"
        '"This plan is a disaster," he said.'
    )
    entities = (_entity(text, "Tobias Renwick"), _entity(text, "Ledger"))
    (q,) = [q for q in extract_quotes(text, entities) if q.direct]
    assert q.speaker_name == "Tobias Renwick"


def test_quoted_as_saying_gives_the_person_quoted() -> None:
    text = 'Tobias Renwick quoted Dana Orsolo as saying "the plan is dead."'
    (q,) = _direct(text)
    assert q.speaker_name == "Dana Orsolo"


def test_the_words_of_a_named_claim_are_the_claimants() -> None:
    text = (
        "Tobias Renwick responded to Mara Quillfeather's claim that the plan was "
        '"dead on arrival."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather"


def test_a_claim_closed_by_a_second_verb_leaves_the_quote_to_the_main_clause() -> None:
    text = (
        "Lee Varga said Thursday that Tobias Renwick's claim that Varga is in favor of "
        'the plan is "simply not true."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Lee Varga"


@pytest.mark.parametrize(
    "intro",
    [
        "Tobias Renwick retweeted a post by Mara Quillfeather that read:",
        "Tobias Renwick cited a remark by Mara Quillfeather:",
    ],
)
def test_the_author_of_a_post_or_remark_introducing_the_quote_is_the_speaker(intro: str) -> None:
    text = f'{intro} "The plan is dead."'
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather"


def test_a_comment_by_someone_as_a_subject_leaves_the_quote_to_the_sentence() -> None:
    text = 'Tobias Renwick said on Friday that the comment by Lee Varga "was unfair."'
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


def test_a_quote_closing_on_a_comma_takes_the_attribution_after_the_line_break() -> None:
    text = (
        "The crowd grew quiet.\n\n"
        '"We will not back down from this fight, not now and not ever,"\n\n'
        "said Mara Quillfeather, the state treasurer."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather"


@pytest.mark.parametrize("lead", ["Early in his campaign", "Late in the evening"])
def test_an_early_or_late_lead_in_is_skipped_for_the_subject(lead: str) -> None:
    text = (
        f"{lead}, Tobias Renwick attacked Lee Varga, calling him, among other things, "
        '"a tired candidate."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


def test_a_plural_cue_word_after_a_possessive_and_a_modifier_is_a_noun() -> None:
    text = (
        'Mayor Tobias Renwick called Lee Varga a "windbag," and said his tax remarks were '
        'pure "theater" for donors.'
    )
    quotes = _direct(text)
    assert [q.speaker_name for q in quotes] == ["Tobias Renwick", "Tobias Renwick"]


@pytest.mark.parametrize(
    "clause",
    [
        "when House Speaker Tobias Renwick of Ohio lamented",
        "when Tobias Renwick from the Harbor Trust lamented",
    ],
)
def test_a_person_of_a_place_in_a_when_clause_is_the_speaker(clause: str) -> None:
    text = f'The worry grew on Wednesday {clause} the "sad" state of the race.'
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize(
    "lead",
    [
        "Mara Quillfeather and Tobias Renwick held a news conference on Monday.",
        "Senators Mara Quillfeather and Tobias Renwick, both Democrats, wrote to the agency.",
    ],
)
def test_they_after_two_people_named_together_is_the_pair(lead: str) -> None:
    text = f'{lead}\n\n"We will fight this rule in every court," they said.'
    (q,) = _direct(text)
    assert q.speaker_name == "Mara Quillfeather and Tobias Renwick"


def test_they_after_a_pair_in_the_object_stays_unnamed() -> None:
    text = (
        "Lee Varga met Mara Quillfeather and Tobias Renwick on Monday.\n\n"
        '"We will fight this rule in every court," they said.'
    )
    (q,) = _direct(text)
    assert q.speaker_name is None


def test_a_person_noun_after_an_article_is_the_subject_of_the_cue() -> None:
    text = (
        "Early one evening in June, Harbor Street Skate Park was loud with the noise of the "
        'train, when a young boy shouted, "Here they come!"'
    )
    (q,) = _direct(text)
    assert q.speaker is not None and q.speaker.text == "a young boy"
    assert q.speaker_name is None


def test_words_quoted_from_another_person_are_that_persons() -> None:
    (q,) = _direct('Tobias Renwick, quoting Mara Quillfeather, said "the plan is a fraud."')
    assert q.speaker_name == "Mara Quillfeather"


@pytest.mark.parametrize(
    "sentence",
    [
        'Tobias Renwick said he had called the plan "a fraud."',
        'Tobias Renwick said Mara Quillfeather called the plan a fraud, but he said "it is fine."',
    ],
)
def test_the_reporting_speaker_keeps_his_own_words(sentence: str) -> None:
    (q,) = _direct(sentence)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize(
    "intro",
    ["For Tobias Renwick, the answer was simple:", "For Tobias Renwick, the message is clear:"],
)
def test_for_someone_the_answer_was_introduces_that_persons_words(intro: str) -> None:
    text = f'The vote was close.\n\n{intro} "We cut the tax."'
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize("cue", ["questioned.", "queried, looking at the crowd."])
def test_questioned_without_an_object_after_a_quote_names_the_speaker(cue: str) -> None:
    text = f'The hall was quiet.\n\n"What was the turning point for him?" Tobias Renwick {cue}'
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize("dateline", ["Dover (AFP) \u2013 ", "Port Ellis, Ruritania (Reuters) - "])
def test_a_mixed_case_dateline_with_an_agency_tag_is_skipped_for_the_subject(dateline: str) -> None:
    text = (
        "Renwick swipes at Varga over trade.\n\n"
        f"{dateline}Democrat Tobias Renwick has taken a swipe at his rival Lee Varga's stance "
        'on trade, saying that "loud comments" do more harm than good.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize(
    "clause", ["once the Senate goes on recess", "after the show went on the air"]
)
def test_went_on_that_is_no_speech_gives_the_quote_to_the_main_clause(clause: str) -> None:
    text = (
        "Lee Varga declined to comment. By contrast, Sen. Tobias Renwick said that "
        f'{clause}, "I intend to do as much as I can."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


def test_a_quote_after_two_spaces_takes_the_previous_sentences_speaker() -> None:
    text = (
        "Tobias Renwick distanced himself from the movement by saying he would help the "
        'campaign if asked.  "I am going to support him, and support him with enthusiasm."'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize("lead", ["After Lee Varga said that", "When Lee Varga said"])
def test_a_said_colon_after_a_quote_introduces_the_next_quote_only(lead: str) -> None:
    text = (
        f'{lead} some students might do better at "less advanced schools," Tobias Renwick '
        'said: "I don\'t like what she said."'
    )
    first, second = _direct(text)
    assert first.speaker_name == "Lee Varga"
    assert second.speaker_name == "Tobias Renwick"


def test_a_second_participle_clause_with_its_own_subject_names_its_speaker() -> None:
    text = (
        'Both men issued a statement - Tobias Renwick saying he was "very encouraged" and '
        'Lee Varga calling it a "great meeting."'
    )
    first, second = _direct(text)
    assert first.speaker_name == "Tobias Renwick"
    assert second.speaker_name == "Lee Varga"


@pytest.mark.parametrize(
    "subject",
    [
        "A former Republican presidential candidate -- Tobias Renwick, who lost in 2008 --",
        "Her rival \u2014 Tobias Renwick \u2014",
        "Tobias Renwick -- the mayor --",
    ],
)
def test_a_name_set_off_by_dashes_before_the_cue_is_the_speaker(subject: str) -> None:
    text = f'{subject} said the plan "offered no changes at all."'
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize(
    "sentence",
    [
        'Sunday morning, Lee Varga slammed the shift and accused Tobias Renwick of a "flip-flop."',
        "On Thursday, after staying neutral all spring, Lee Varga endorsed Tobias Renwick, "
        'saying, "He is the fighter this country needs."',
    ],
)
def test_a_day_lead_in_and_a_second_lead_in_clause_are_skipped(sentence: str) -> None:
    (q,) = _direct(sentence)
    assert q.speaker_name == "Lee Varga"


def test_the_subject_of_a_when_clause_speaks_for_its_and_called() -> None:
    text = (
        "There have been sharper jabs, such as when Tobias Renwick knocked Lee Varga on trade "
        'and called him a "moderate," a subtle dig.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tobias Renwick"


@pytest.mark.parametrize(
    "text",
    [
        'Sam Dorran, a contestant on Ella Fitch\'s show, "The Big Bake," who later won the '
        'final, said "I never expected it."',
        "Sam Dorran, the host of \u201cMorning Light,\u201d who left the network in May, told "
        "viewers: \u201cI never expected it.\u201d",
    ],
)
def test_a_name_before_an_apposition_holding_a_quoted_title_and_a_who_clause(text: str) -> None:
    (q,) = [q for q in _direct(text) if "expected" in q.text]
    assert q.speaker_name == "Sam Dorran"


@pytest.mark.parametrize(
    "text",
    [
        '"We were poor," said the Harbor Rovers manager, Colin Hallworth.',
        '"We were poor," said the senator from Ohio, Colin Hallworth, after the vote.',
        '"We were poor," said his best friend at school, Colin Hallworth, who later moved away.',
    ],
)
def test_an_inverted_description_then_a_name_in_apposition_gives_the_name(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Colin Hallworth"


def test_a_description_then_a_name_in_apposition_before_the_cue_gives_the_name() -> None:
    (q,) = _direct('The Labour MP for Dunmore, Ann Pellow, said: "We were poor."')
    assert q.speaker_name == "Ann Pellow"


def test_a_long_apposition_between_the_name_and_the_cue_after_a_quote() -> None:
    text = (
        '"We will not back down," Tom Renwick, the longtime chairman of the county planning '
        "commission and a former member of the regional transit authority board who has served "
        "on the body since the early nineteen-nineties, said on Monday."
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_a_short_quoted_slogan_inside_the_apposition_after_a_quote() -> None:
    text = (
        '"We have had better weeks than this one," Ohio delegate Tom Renwick, wearing a red hat '
        'and "Vote Pellow" pins, said as the crowd left.'
    )
    q = next(q for q in _direct(text) if "better weeks" in q.text)
    assert q.speaker_name == "Tom Renwick"


@pytest.mark.parametrize(
    "text",
    [
        "Colin Hallworth was sacked by the club on Monday after five defeats.\n\n"
        '"I gave everything to this club," said the 54-year-old.',
        "Colin Hallworth was sacked by the club on Monday.\n\n"
        'The 54-year-old said: "I gave everything to this club."',
        "Colin Hallworth posted the clip on Thursday.\n\nAnn Pellow via Getty Images.\n\n"
        '"What if it rained?" the 54-year-old asked.',
    ],
)
def test_an_age_stands_for_the_person_last_written_about(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Colin Hallworth"


@pytest.mark.parametrize(
    "text",
    [
        "Colin Hallworth's side lost 2-0 at home on Saturday.\n\n"
        '"We were poor," said the Rovers boss.',
        "Colin Hallworth was sacked by the club on Monday.\n\n"
        'The former Ruritania midfielder said: "I gave everything."',
        "Colin Hallworth praised Ann Pellow in remarks after the summit ended.\n\n"
        '"She is a very able woman," the Ruritanian leader said.',
    ],
)
def test_a_role_at_a_place_or_club_stands_for_the_person_last_written_about(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Colin Hallworth"


def test_a_role_modified_by_a_persons_name_is_someone_else() -> None:
    text = 'Colin Hallworth spoke on Monday.\n\n"We were poor," said the Hallworth aide.'
    (q,) = _direct(text)
    assert q.speaker_name is None


@pytest.mark.parametrize(
    "text",
    [
        'Tom Renwick MP said: "We are reviewing the case."',
        '"We are reviewing the case," said Tom Renwick MSP.',
        'Tom Renwick QC, representing the family, said: "We are reviewing the case."',
    ],
)
def test_letters_after_a_name_are_no_part_of_the_speaker_name(text: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Baroness Pellow told peers: "This is a dark day."', "Pellow"),
        ('"This is a dark day," said Dame Ann Pellow.', "Ann Pellow"),
        ('Cllr Ann Pellow said: "This is a dark day."', "Ann Pellow"),
    ],
)
def test_british_titles_are_no_part_of_the_speaker_name(text: str, name: str) -> None:
    (q,) = _direct(text)
    assert q.speaker_name == name


def test_the_subject_of_a_title_case_headline_is_a_person_for_he() -> None:
    text = 'Tom Renwick Slams Budget Plan\n\n"This budget is a disgrace," he said.'
    (q,) = _direct(text)
    assert q.speaker_name == "Tom Renwick"


def test_an_office_at_a_place_after_a_quote_stands_for_the_person_last_written_about() -> None:
    text = (
        "Bernard Sandow spoke in Dover on Monday, with Ann Pellow at his side.\n\n"
        '"We will win this state," the Vermont senator said.'
    )
    (q,) = _direct(text)
    assert q.speaker_name == "Bernard Sandow"
