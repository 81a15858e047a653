"""The hardened loader: limits, scalar typing, positions and what a valid deck becomes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.decks.loader import Limits, load_deck, parse_deck
from studyapp.core.decks.model import DateEntry, FigureEntry, PartialDate, QaEntry

GOOD = """\
id: demo
title: Demo deck
entries:
  - id: elected
    kind: date
    event: Lee Jae-myung is elected President of South Korea
    date: 2025-06-03
  - id: treaty
    kind: date
    event: The Treaty on Basic Relations is signed
    date: 1965
  - id: frame
    kind: date
    event: The US-ROK alliance is redefined as a global comprehensive strategic alliance
    date: 2023-04
  - id: share
    kind: figure
    measure: Share of conservatives who prioritise future-oriented cooperation
    value: 55.5
    unit: "%"
  - id: answer-no
    kind: qa
    prompt: Did Moon speak to Japan first?
    answer: no
  - id: year-text
    kind: qa
    prompt: In which year was GSOMIA concluded?
    answer: 2016
"""


def problems_of(text: str, limits: Limits | None = None) -> list[str]:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "d.yaml", limits=limits)
    return [str(p) for p in caught.value.problems]


def test_a_good_deck_means_what_the_author_meant() -> None:
    deck = parse_deck(GOOD, "d.yaml")
    elected, treaty, frame, share, answer_no, year = deck.entries
    assert isinstance(elected, DateEntry) and elected.date == PartialDate(2025, 6, 3)
    assert elected.date.precision == "day"
    assert isinstance(treaty, DateEntry) and treaty.date.precision == "year"
    assert isinstance(frame, DateEntry) and str(frame.date) == "2023-04"
    assert isinstance(share, FigureEntry) and share.value == 55.5 and share.unit == "%"
    assert isinstance(answer_no, QaEntry) and answer_no.answer == "no"  # not False
    assert isinstance(year, QaEntry) and year.answer == "2016"


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_deck(path).id == "demo"


@pytest.mark.parametrize("depth", [30, 495, 1000, 20_000])
def test_deep_flow_nesting_is_refused_with_a_message(depth: int) -> None:
    text = "id: x\ntitle: T\nentries: " + "[" * depth + "]" * depth + "\n"
    found = problems_of(text)
    assert len(found) == 1
    assert "nesting deeper than" in found[0]
    assert found[0].startswith("d.yaml:3:")


def test_deep_block_nesting_is_refused_with_a_message() -> None:
    lines = ["id: x", "title: T", "entries:"]
    lines += [" " * (2 * i + 2) + f"k{i}:" for i in range(600)]
    found = problems_of("\n".join(lines) + " end\n")
    assert len(found) == 1 and "nesting deeper than 24 levels" in found[0]


def test_node_count_is_capped_before_building_everything() -> None:
    text = "id: x\ntitle: T\nentries: [" + ", ".join("1" for _ in range(2000)) + "]\n"
    found = problems_of(text, Limits(max_nodes=500))
    assert len(found) == 1 and "more than 500 YAML nodes" in found[0]


def test_file_size_is_capped_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path, display="big.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (0, 0)  # the file as a whole, not its first line
    assert str(problem).startswith("big.yaml: the file is 2.0 MB; decks are capped at ")
    assert "capped at 2.0 MB" in problem.message and "STUDYAPP_MAX_DECK_MB" in problem.message


def test_the_size_cap_can_be_raised_by_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * (2 * 1024 * 1024) + "\n" + GOOD)
    monkeypatch.setenv("STUDYAPP_MAX_DECK_MB", "5")
    assert load_deck(path).id == "demo"


def test_billion_laughs_is_refused_without_expansion() -> None:
    text = (
        'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    )
    found = problems_of(text)
    assert any("anchors (&a)" in p for p in found)
    assert any("aliases (*a)" in p for p in found)


def test_all_problems_in_a_file_are_reported_in_line_order() -> None:
    text = GOOD.replace("kind: figure", "kind: figur").replace("answer: no", "answr: no")
    found = problems_of(text)
    assert len(found) >= 3
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)


def test_a_newline_inside_text_is_fine_but_a_tab_in_an_id_is_not() -> None:
    text = GOOD.replace(
        "    prompt: Did Moon speak to Japan first?",
        '    prompt: "Did Moon speak\\n\\tto Japan first?"',
    )
    assert parse_deck(text, "d.yaml").entries[4].prompt == "Did Moon speak\n\tto Japan first?"  # type: ignore[union-attr]
    assert "is not a valid id" in problems_of(GOOD.replace("id: demo", 'id: "de\\tmo"'))[0]


def test_timestamps_are_not_dates() -> None:
    found = problems_of(GOOD.replace("date: 2025-06-03", "date: 2025-06-03T10:00:00"))
    assert any("is not a date" in p for p in found)


def test_dates_can_be_written_as_text_or_numbers() -> None:
    for written, expected in [("'2025'", "2025"), ("2025-6", None), ('"2025-06-03"', "2025-06-03")]:
        text = GOOD.replace("date: 1965", f"date: {written}")
        if expected is None:
            assert any("is not a date" in p for p in problems_of(text))
        else:
            assert str(parse_deck(text, "d.yaml").entries[1].date) == expected  # type: ignore[union-attr]


def test_partial_dates_order_and_format() -> None:
    assert PartialDate.parse(dt.date(2025, 6, 3)).isoformat() == "2025-06-03"
    assert PartialDate.parse(2025) < PartialDate.parse("2025-06")
    with pytest.raises(ValueError):
        PartialDate.parse("2025-13")
