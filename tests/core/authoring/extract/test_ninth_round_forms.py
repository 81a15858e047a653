"""Quotations across paragraphs, who-said-it contexts and the title card (session 14, the
ninth round), each on made-up sentences with look-alikes that must stay as they were.

Quotations: a quoted paragraph that goes on into the next one printed without an opening
mark (closed there by a lone closing mark) is the same speaker's; a quotation left open at
the end of a paragraph with nobody named is the speaker's that the next paragraph names
where it opens the quotation again; the sentences of one quoted paragraph are joined as
printed. Contexts: a reported clause is cut from where its words begin (never one character
off), a context that only repeats the question's frame ("According to ____, …", "____ said,
“…”") is left out, the pronoun that brings the speaker's words is blanked like the name, and
a date taken out of a context leaves a sentence ("In 1961, when ..." -> "When ...", "..., and
on May 3, 1980, Carter asked" -> "..., and ____ asked"). The title card: a year of the title
that a date card asks is left out of the quoted title, the date card kept.
"""

from __future__ import annotations

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.decks.model import DateEntry, QuoteEntry


def statements(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of each statement."""
    return [(s.speaker, s.words) for s in extract("Title\n\n" + text).statements]


def contexts(text: str) -> list[tuple[str, str, str | None]]:
    """(speaker, quote, context) of each drafted quote entry."""
    deck = draft_deck(extract("Title\n\n" + text), deck_id="d")
    return [(e.speaker, e.quote, e.context) for e in deck.entries if isinstance(e, QuoteEntry)]


# ------------------------------------------------- a quotation across paragraphs

RUN_ON = (
    'After the match, coach Tom Hale said, "We learned a lot from this game.\n\n'
    'It was a hard day for us. The players were tired by the end." The next match is on '
    "Sunday."
)


def test_a_paragraph_that_goes_on_without_an_opening_mark_is_the_same_speakers() -> None:
    assert statements(RUN_ON) == [
        ("Tom Hale", "We learned a lot from this game"),
        ("Tom Hale", "It was a hard day for us. The players were tired by the end"),
    ]


def test_the_words_after_the_closing_mark_are_the_writers() -> None:
    said = statements(RUN_ON)
    assert not any("Sunday" in words for _speaker, words in said)


def test_a_paragraph_that_never_closes_the_quotation_drafts_nothing() -> None:
    text = (
        'After the match, coach Tom Hale said, "We learned a lot from this game.\n\n'
        "It was a hard day for the club. The next match is on Sunday."
    )
    assert statements(text) == [("Tom Hale", "We learned a lot from this game")]


def test_a_closed_quotation_does_not_run_on() -> None:
    text = (
        'After the match, coach Tom Hale said, "We learned a lot from this game."\n\n'
        'The players were tired." That was all.'
    )
    assert statements(text) == [("Tom Hale", "We learned a lot from this game")]


def test_a_quoted_paragraph_after_said_colon_goes_on_into_the_next() -> None:
    text = (
        'Tom Hale, the coach, spoke to reporters. He said: "We learned a lot.\n\n'
        'We will be ready for Sunday, and the fans will see it."'
    )
    assert statements(text) == [
        ("Tom Hale", "We learned a lot"),
        ("Tom Hale", "We will be ready for Sunday, and the fans will see it"),
    ]


def test_an_open_quotation_takes_the_speaker_the_next_paragraph_names() -> None:
    text = (
        '"We learned a lot from this game. We will be ready for Sunday.\n\n'
        '"And the fans will see it," coach Tom Hale said after the match.'
    )
    assert statements(text) == [
        ("Tom Hale", "We learned a lot from this game. We will be ready for Sunday"),
        ("Tom Hale", "And the fans will see it"),
    ]


def test_a_quotation_goes_on_through_paragraphs_without_marks_to_its_closing_mark() -> None:
    text = (
        'Coach Tom Hale spoke after the game. He said, "We learned a lot.\n\n'
        "We have the players. We have the fans.\n\n"
        'And the rest of the league knows it," he added. The season starts in May.'
    )
    assert statements(text) == [
        ("Tom Hale", "We learned a lot"),
        ("Tom Hale", "We have the players. We have the fans"),
        ("Tom Hale", "And the rest of the league knows it"),
    ]


def test_a_mark_that_is_no_closing_one_does_not_end_a_run_on() -> None:
    text = (
        'After the match, coach Tom Hale said, "We learned a lot.\n\n'
        "It was a hard day for the club.\n\n"
        'The new screens are 60" wide. The next match is on Sunday.'
    )
    assert statements(text) == [("Tom Hale", "We learned a lot")]


def test_the_speaker_named_after_a_run_on_paragraph_said_all_of_it() -> None:
    text = '"We will win the next one.\n\nWe have the players," Tom Hale said after the match.'
    assert statements(text) == [
        ("Tom Hale", "We will win the next one"),
        ("Tom Hale", "We have the players"),
    ]
    text = '"We will win the next one.\n\nWe have the players." The match ended late.'
    assert statements(text) == []  # nobody named: no speaker guessed


def test_the_speaker_named_last_is_given_back_paragraph_by_paragraph() -> None:
    text = (
        "The club had a bad year.\n\n"
        '"We will win the next one, whatever they say.\n\n'
        '"We have the players and we have the fans.\n\n'
        '"And the rest of the league knows it," said Tom Hale, the coach.'
    )
    assert [speaker for speaker, _words in statements(text)] == ["Tom Hale"] * 3


def test_the_chain_stops_at_a_quotation_the_writer_opened_in_a_sentence() -> None:
    text = (
        'The banner on the stand read "We will win the next one.\n\n'
        '"We have the players and we have the fans.\n\n'
        '"And the rest of the league knows it," said Tom Hale, the coach.'
    )
    assert statements(text) == [
        ("Tom Hale", "We have the players and we have the fans"),
        ("Tom Hale", "And the rest of the league knows it"),
    ]


def test_a_closed_quotation_before_an_attributed_paragraph_keeps_no_speaker() -> None:
    text = (
        'The banner read "We will be ready for Sunday."\n\n'
        '"And the fans will see it," coach Tom Hale said after the match.'
    )
    assert statements(text) == [("Tom Hale", "And the fans will see it")]


def test_a_term_left_open_takes_no_speaker() -> None:
    text = (
        'The club sells a scarf with the words "Steady as the tide.\n\n'
        '"And the fans will see it," coach Tom Hale said after the match.'
    )
    assert statements(text) == [("Tom Hale", "And the fans will see it")]


# ------------------------------------------------------ who-said-it contexts


def test_a_reported_clause_is_cut_where_its_words_begin() -> None:
    (found,) = contexts("According to the council, the new wall would be finished in spring.")
    assert found[0] == "the council"
    assert found[2] == "reported speech"  # not "According to ____,…g."


def test_a_title_alone_is_still_only_the_frame() -> None:
    (found,) = contexts("According to Dr. Ann Lee, the new wall would be finished in spring.")
    assert found[2] == "reported speech"
    (found,) = contexts(
        "According to harbour engineer Ann Lee, the new wall would be finished in spring."
    )
    assert (
        found[2] == "reported speech, the article's words: According to harbour engineer ____, …."
    )


def test_a_name_part_the_speaker_lost_is_blanked_with_it() -> None:
    text = (
        "Later that year, Prime Minister General 'Abd Al-Karim Qasim asserted that the islands "
        "were part of the country."
    )
    (found,) = contexts(text)
    assert found[2] is not None
    assert "General ____ asserted that …" in found[2]
    assert "'Abd" not in found[2]


def test_a_context_that_only_repeats_the_frame_is_left_out() -> None:
    text = 'Mayor Ann Ferris opened the hall on Friday. She said, "We waited a long time for it."'
    assert contexts(text) == [("Ann Ferris", "We waited a long time for it", None)]


def test_a_context_that_says_more_is_kept_with_its_pronoun_blanked() -> None:
    text = "Mayor Ann Ferris opened the hall. Speaking at the door, she said the town had waited."
    assert contexts(text) == [
        (
            "Ann Ferris",
            "the town had waited",
            "reported speech, the article's words: Speaking at the door, ____ said ….",
        )
    ]
    text = "Mayor Ann Ferris opened the hall. She also demanded that the county pay for the road."
    assert (
        contexts(text)[0][2] == "reported speech, the article's words: ____ also demanded that …."
    )


def test_the_pronoun_after_the_quotation_is_blanked_or_the_frame_left_out() -> None:
    said = 'Mayor Ann Ferris opened the hall. "We waited a long time for it," she said'
    assert contexts(f"{said}, but gave no date for the pool.")[0][2] == (
        "“…” ____ said, but gave no date for the pool."
    )
    assert contexts(f'{said}. "It was worth it."') == [
        ("Ann Ferris", "We waited a long time for it … It was worth it", None)
    ]


def test_a_plurals_possessive_is_no_verb_of_saying() -> None:
    assert statements("The member states’ refusal to pay the dues deepened the crisis.") == []
    assert statements("The council states that the dues will be paid.") == [
        ("the council", "the dues will be paid")
    ]


def test_the_pronoun_opening_the_sentence_is_the_speaker_its_verb_names() -> None:
    text = (
        "Mayor Ann Ferris spoke on Monday. "
        'She described the new harbour plan as "a costly mistake for the town."'
    )
    assert contexts(text)[0][2] == "____ described the new harbour plan as “…”"
    text = (
        "Mayor Ann Ferris spoke on Monday. She asked Tom Hale about the plan, and Hale said "
        'it was "a costly mistake for the town."'
    )
    assert contexts(text)[0][2] == "She asked ____ about the plan, and ____ said it was “…”"


def test_a_pronoun_that_is_not_the_speaker_stays() -> None:
    text = (
        "Mayor Ann Ferris opened the hall. "
        'She said they must keep "a steady course for the town" and left early.'
    )
    (quoted,) = [c for _speaker, quote, c in contexts(text) if quote.startswith("a steady")]
    assert quoted is not None
    assert "said they must keep “…”" in quoted


def test_a_date_taken_out_of_a_context_leaves_a_sentence() -> None:
    text = (
        "In 1961, when the colony became independent, Prime Minister Tom Qasim asserted that "
        "the islands were part of the country."
    )
    (found,) = contexts(text)
    assert found[2] == (
        "reported speech, the article's words: When the colony became independent, "
        "Prime Minister ____ asserted that …."
    )
    text = (
        "The army crossed the river in 1979, and on January 3, 1980, President Jim Carter "
        "asked the Senate not to consider the treaty."
    )
    (found,) = contexts(text)
    assert found[2] is not None
    assert ", and President ____ asked …" in found[2]


def test_a_date_asked_without_its_year_goes_with_its_preposition_too() -> None:
    text = (
        "In July, Mayor Ann Ferris accused the county of ignoring the harbour for years, "
        "which angered the council."
    )
    assert contexts(text) == [
        (
            "Ann Ferris",
            "accused the county of ignoring the harbour for years",
            # the verb the words begin with stays in the sentence, too
            "reported speech, the article's words: Mayor ____ accused …, which angered the "
            "council.",
        )
    ]


def test_a_date_line_taken_out_leaves_no_comma_before_its_dash() -> None:
    text = (
        "The fleet is old.\n\nWASHINGTON, April 21 -- Secretary of Energy Ann Ferris today "
        "said the fleet would change."
    )
    assert contexts(text)[0][2] == (
        "reported speech, the article's words: WASHINGTON -- Secretary of Energy ____ today said …."
    )


# --------------------------------------------------------------- the title card


def _date_prompts(title: str) -> list[tuple[str | None, str]]:
    text = f"{title}\n\nTuesday, June 19, 2018\n\nThe town won the 2018 Harbour Cup on a late goal."
    deck = draft_deck(extract(text), deck_id="d")
    return [(e.prompt, str(e.date)) for e in deck.entries if isinstance(e, DateEntry)]


def test_the_title_card_leaves_out_a_year_a_date_card_asks() -> None:
    assert _date_prompts("Harbour Cup 2018 day five: the town wins") == [
        ("When was “Harbour Cup day five: the town wins” published?", "2018-06-19"),
        ("When? The town won the ____ Harbour Cup on a late goal.", "2018"),
    ]
    assert _date_prompts("Harbour Cup (2018): the town wins at home")[0][0] == (
        "When was “Harbour Cup: the town wins at home” published?"
    )


def _title_card(title: str, body: str) -> str | None:
    deck = draft_deck(extract(f"{title}\n\nTuesday, June 19, 2018\n\n{body}"), deck_id="d")
    return next(e.prompt for e in deck.entries if isinstance(e, DateEntry))


def test_years_listed_or_spanned_go_together_and_a_month_with_its_year() -> None:
    body = "Harbour trade grew in 2016 and fell in 2017."
    assert _title_card("Harbour Trade -- Selected Ports, 2016 and 2017", body) == (
        "When was “Harbour Trade -- Selected Ports” published?"
    )
    assert _title_card("Harbour Trade (2016-2017): Selected Ports", body) == (
        "When was “Harbour Trade: Selected Ports” published?"
    )
    assert _title_card("The Mayor's January 2017 Trade Memo", body) == (
        "When was “The Mayor's Trade Memo” published?"
    )


def test_a_year_after_a_preposition_is_masked_not_dropped() -> None:
    assert _title_card("Harbour trade in 2017", "Harbour trade fell in 2017.") == (
        "When was “Harbour trade in …” published?"
    )


def test_a_year_of_the_title_no_card_asks_stays() -> None:
    assert _date_prompts("The harbour in 1961, remembered")[0] == (
        "When was “The harbour in 1961, remembered” published?",
        "2018-06-19",
    )
