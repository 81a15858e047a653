"""Verdicts: grades and the round trip through a dict."""

from __future__ import annotations

from studyapp.core.quiz.answers.text import check_text
from studyapp.core.quiz.answers.verdict import Verdict


def test_verdict_round_trip() -> None:
    verdict = check_text("Canda", "Canada")
    again = Verdict.from_dict(verdict.to_dict())
    assert again == verdict
    assert verdict.grade == 2 and not verdict.correct
