"""The year of a date that omits it, across paragraphs: the story's, not the last one named.

A history essay without a date line (the Gulf War walk-through) summed up its war in a
", which began on January 16, 1991, and ended on February 28, 1991" clause, then went
back to its story: "On August 28" and "By October 30" are 1990, and "February 24",
after October 30, is 1991.
"""

from __future__ import annotations

from studyapp.core.authoring.extract.extraction import extract

GULF = (
    "The Gulf War\n\n"
    "But on August 2, 1990, Iraq invaded Kuwait. The invasion led to a war, which began on "
    "January 16, 1991, and ended on February 28, 1991.\n\n"
    "On August 28, Iraq declared Kuwait its province.\n\n"
    "By October 30, the administration decided to act.\n\n"
    "A land campaign began on February 24 and lasted four days. On March 2, the council met.\n"
)


def _dates(text: str) -> dict[str, str]:
    return {d.text: str(d.date) for d in extract(text).dates}


def test_dates_told_in_a_which_clause_do_not_move_the_story_year() -> None:
    dates = _dates(GULF)
    assert dates["August 28"] == "1990-08-28"
    assert dates["October 30"] == "1990-10-30"


def test_a_story_moves_on_to_the_next_year() -> None:
    assert _dates(GULF)["February 24"] == "1991-02-24"
    text = (
        "T\n\nOn August 2, 1990, Iraq invaded Kuwait.\n\n"
        "By October 30, the administration decided to act.\n\n"
        "A land campaign began on February 24 and lasted four days. On March 2, the "
        "council met.\n"
    )
    dates = _dates(text)
    assert (dates["October 30"], dates["February 24"]) == ("1990-10-30", "1991-02-24")
    assert dates["March 2"] == "1991-03-02"


def test_a_look_back_keeps_the_story_year() -> None:
    text = "T\n\nOn June 5, 1967, war began.\n\nIn May, tensions rose sharply.\n"
    assert _dates(text)["May"] == "1967-05"
    text = "T\n\nOn May 5, 1982, talks failed.\n\nIn late May, Reagan called Thatcher.\n"
    assert _dates(text)["May"] == "1982-05"
