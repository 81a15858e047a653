"""``studyapp judge``: the learner's verdict from the command line, one answer or a batch."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.cli.judge import render_text
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import load_deck
from studyapp.core.quiz.answers.judge import check_card
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from tests.conftest import REPO

DECK = """\
id: judge-test
title: Judge test
entries:
  - id: capital
    kind: qa
    prompt: What is the capital of South Korea?
    answer: Seoul
  - id: capital-jp
    kind: qa
    prompt: What is the capital of Japan?
    answer: Tokyo
  - id: elected
    kind: date
    event: Lee Jae-myung is elected President of South Korea
    date: 2025-06-03
  - id: definition
    kind: qa
    prompt: What is a mitochondrion?
    answer: the part of a cell that makes most of its chemical energy
  - id: chosen
    kind: qa
    prompt: Name a noble gas.
    answer: neon
    check: self
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "judge-test.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_verdict_names_verdict_reason_and_grade(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["judge", str(deck_file), "capital", "Seol"], capsys)
    assert code == 0
    assert "card:     capital/answer" in out
    assert "verdict:  ≈ close" in out
    assert "expected: Seoul" in out
    assert "grade:    2 Hard" in out


def test_json_verdict_has_the_fields_courses_depend_on(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["judge", str(deck_file), "capital/answer", "seoul", "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["verdict"] == "correct"
    assert result["card"] == "capital/answer"
    assert result["answer"] == "seoul"
    assert result["grade"] == 3 and result["grade_name"] == "Good"
    assert result["expected"] == "Seoul"
    assert "reason" in result


def test_a_rival_answer_is_wrong_as_on_the_study_screen(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The verdict is the study screen's: check_card with the deck's AnswerKeyIndex."""
    code, out, _ = run(["judge", str(deck_file), "capital", "Tokyo", "--json"], capsys)
    deck = load_deck(deck_file)
    card = next(c for c in cards_for_deck(deck) if c.entry_id == "capital")
    expected = check_card(card, "Tokyo", AnswerKeyIndex(deck))
    result = json.loads(out)
    assert code == 0
    assert result["verdict"] == expected.outcome.value == "wrong"
    assert result["reason"] == expected.reason


def test_an_unreadable_date_is_a_retry_without_a_grade(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["judge", str(deck_file), "elected/when", "6/3/2025", "--json"], capsys)
    result = json.loads(out)
    assert code == 0
    assert result["verdict"] == "retry" and result["grade"] is None
    assert "write the month as a word" in result["reason"]


def test_long_and_chosen_self_graded_cards_say_self(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["judge", str(deck_file), "definition", "makes energy", "--json"], capsys)
    long = json.loads(out)
    assert long["verdict"] == "self" and long["reason"].startswith("Long answer")
    _, out, _ = run(["judge", str(deck_file), "chosen", "neon", "--json"], capsys)
    assert json.loads(out)["verdict"] == "self"
    _, out, _ = run(["judge", str(deck_file), "elected/what", "an election", "--json"], capsys)
    assert json.loads(out)["verdict"] == "self"


def test_an_entry_with_several_cards_needs_the_variant(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["judge", str(deck_file), "elected", "2025"], capsys)
    assert code == 2
    assert "elected/when" in err and "elected/what" in err


def test_an_unknown_card_names_the_decks_cards(
    deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["judge", str(deck_file), "nope/answer", "x"], capsys)
    assert code == 2 and out == ""
    assert "no card 'nope/answer'" in err
    assert "capital/answer" in err and "elected/when" in err


def test_an_unknown_deck_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYAPP_DECKS", str(REPO / "decks"))
    code, _, err = run(["judge", "no-such-deck", "a", "b"], capsys)
    assert code == 2
    assert "no-such-deck" in err and "lee-pragmatic-diplomacy" in err


def test_a_deck_id_is_found_by_discovery(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUDYAPP_DECKS", str(REPO / "decks"))
    code, out, _ = run(
        ["judge", "lee-pragmatic-diplomacy", "date-lee-elected/when", "3 June 2025", "--json"],
        capsys,
    )
    assert code == 0 and json.loads(out)["verdict"] == "correct"


def test_batch_writes_one_verdict_a_line_in_order_and_survives_bad_lines(
    deck_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps({"card": "capital/answer", "answer": "Seoul"}),
        "not json",
        json.dumps({"card": "capital", "answer": "Seol"}),
        "",
        json.dumps({"card": "missing/answer", "answer": "x"}),
        json.dumps(["a list"]),
        json.dumps({"card": "capital", "answer": 5}),
        json.dumps({"card": "elected/when", "answer": "June 3, 2025"}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, _ = run(["judge", str(deck_file), "--batch"], capsys)
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1  # some lines were errors (each still answered, in order)
    assert [r.get("verdict", "error") for r in results] == [
        "correct",
        "error",
        "close",
        "error",
        "error",
        "error",
        "correct",
    ]
    assert results[1]["line"] == 2 and "not JSON" in results[1]["error"]
    assert "no card 'missing/answer'" in results[3]["error"]


def test_batch_of_hundreds_is_one_start_up(
    deck_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [json.dumps({"card": "capital", "answer": f"Seoul{i % 3 or ''}"}) for i in range(300)]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers)))
    code, out, _ = run(["judge", str(deck_file), "--batch"], capsys)
    assert code == 0 and len(out.splitlines()) == 300


def test_render_text_says_nothing_is_graded_for_a_retry() -> None:
    text = render_text(
        {
            "card": "e/when",
            "answer": "6/3/2025",
            "verdict": "retry",
            "reason": "ambiguous",
            "grade": None,
            "grade_name": None,
            "expected": "3 June 2025",
        }
    )
    assert "written again" in text or "write it again" in text


BUNDLED_FAIR_ANSWERS = [
    # countries by any name inside a longer answer, in any order
    ("qa-moon-first-calls", "China and the USA", "correct"),
    ("qa-moon-first-calls", "China and the US", "correct"),
    ("qa-moon-first-calls", "China and America", "correct"),
    ("qa-moon-first-calls", "USA and China", "correct"),
    ("qa-moon-first-calls", "China and Japan", "wrong"),
    # the parts of a conjunction in any order, "both" optional
    ("qa-ishiba-g7-hope", "both global stability and regional security", "correct"),
    ("qa-ishiba-g7-hope", "global stability and regional security", "correct"),
    ("qa-ishiba-g7-hope", "regional security", "wrong"),
    # numbers in words, positions, misspellings; the unreadable is asked again
    ("fig-eai-nk-conservatives-security", "forty-one and a half percent", "correct"),
    ("fig-eai-nk-conservatives-security", "forty-one point five percent", "correct"),
    ("fig-eai-nk-conservatives-security", "fourty-one point five", "close"),
    ("fig-ishiba-call-position", "number two", "correct"),
    ("fig-ishiba-call-position", "second place", "correct"),
    ("fig-ishiba-call-position", "he was second", "correct"),
    ("fig-ishiba-call-position", "No. 2", "correct"),
    ("fig-ishiba-call-position", "third place", "wrong"),
    ("fig-ishiba-call-position", "banana", "retry"),
    # names with nationality, country, title and middle initial
    ("quote-lee-consistent-approach/who", "South Korean President Lee", "correct"),
    ("quote-moon-balanced-diplomacy/who", "President Moon Jae-in of South Korea", "correct"),
    ("quote-lee-consistent-approach/who", "President Moon Jae-in of South Korea", "wrong"),
    ("quote-lee-consistent-approach/who", "South Korean President Moon", "wrong"),
    ("quote-japan-pms-ukraine/who", "Japanese PMs", "correct"),
    ("qa-lee-first-call", "US President Trump", "correct"),
    ("qa-lee-first-call", "Donald J. Trump", "correct"),
    ("qa-lee-first-call", "President Donald Trump", "correct"),
    ("qa-lee-first-call", "the US president", "correct"),
]


def test_fair_answers_on_the_bundled_deck(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answers a QA tester found marked unfairly on the bundled deck, through the CLI."""
    lines = [
        json.dumps({"card": card, "answer": answer}) for card, answer, _ in BUNDLED_FAIR_ANSWERS
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    deck = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
    code, out, _ = run(["judge", str(deck), "--batch"], capsys)
    assert code == 0
    got = [
        (c, a, json.loads(line).get("verdict"))
        for (c, a, _), line in zip(BUNDLED_FAIR_ANSWERS, out.splitlines(), strict=True)
    ]
    assert got == BUNDLED_FAIR_ANSWERS
