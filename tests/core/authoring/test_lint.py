"""``studyapp lint``: each rule on a deck that breaks it, positions, exit codes, --fix."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.lint.rules import RULES
from studyapp.core.authoring.lint.runner import lint_file, lint_text
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import DateEntry, FigureEntry
from studyapp.core.quiz.answers.judge import check_entry
from studyapp.core.quiz.answers.verdict import Outcome
from tests.conftest import REPO

BUNDLED = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


def deck(entries: str) -> str:
    return f"id: t\ntitle: T\nentries:\n{entries}"


def rules(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.col, f.path) for f in lint_text(text, "d.yaml").findings]


def test_bundled_deck_is_clean() -> None:
    """Clean but for leaks (L001): an article's sentences name each other's answers, and
    the queue keeps such entries on different days (the sources are verbatim, so each
    is an info, not a warning the author cannot act on)."""
    report = lint_file(BUNDLED)
    assert [f for f in report.findings if f.rule != "L001"] == []
    assert (report.errors, report.warnings) == (0, 0) and report.infos > 0
    assert {f.path.rsplit(".", 1)[1] for f in report.findings} == {"source"}


def test_leaks_name_both_entries() -> None:
    """The issue's three: "Kan Naoto (2010)", "Camp David (August 2023)", "56.2% history".

    The bundled deck's explanations no longer give them (issue 22); its verbatim sources
    still do, and are reported as such."""
    findings = lint_file(BUNDLED).findings
    found = {(f.path, f.message.split("'")[1]) for f in findings}
    assert ("entries[7].source", "date-kan-statement") in found  # Murayama's source
    assert ("entries[14].source", "date-camp-david-principles") in found
    assert [f.path for f in findings if f.path.endswith(".explanation")] == []
    text = deck(
        "  - {id: hist, kind: figure, measure: Share of progressives choosing history issues,"
        " value: 56.2, unit: '%'}\n"
        "  - {id: coop, kind: figure, measure: Share of progressives choosing cooperation,"
        " value: 26.8, unit: '%', explanation: 'Progressives: 56.2% history issues.'}\n"
    )
    (finding,) = lint_text(text, "d.yaml").findings
    assert str(finding) == (
        "d.yaml:5:120: entries[1].explanation: warning L001 leak: gives away the answer of "
        "entry 'hist' ('56.2%', an answer the checker accepts): the queue keeps 'coop' and "
        "'hist' on different days; reword the explanation"
    )


def test_every_date_or_figure_leak_is_an_answer_the_checker_accepts() -> None:
    """The textual rule of decks.leaks agrees with the answer parsers of quiz.answers."""
    bundled = parse_deck(BUNDLED.read_text(encoding="utf-8"), "deck.yaml")
    by_id = {e.id: e for e in bundled.entries}
    checked = 0
    for leak in find_leaks(bundled.entries):
        taker = by_id[leak.taker]
        if isinstance(taker, DateEntry | FigureEntry):
            verdict = check_entry(taker, leak.answer)
            day_without_year = isinstance(taker, DateEntry) and taker.date.day is not None
            assert verdict.outcome is Outcome.CORRECT or day_without_year, leak
            checked += 1
    assert checked >= 20


SOURCED = "  - {id: z, kind: qa, prompt: Capital of Peru?, answer: Lima, source: Lima is.}\n"


def test_no_source_is_a_warning() -> None:
    text = deck(
        "  - id: a\n    kind: qa\n    prompt: Capital of France?\n    answer: Paris\n" + SOURCED
    )
    (finding,) = lint_text(text, "d.yaml").findings
    assert str(finding) == (
        "d.yaml:4:5: entries[0]: warning S001 no-source: entry 'a' has no source: add the "
        "verbatim sentence(s) it was built from (shown after a wrong answer)"
    )


def test_a_deck_without_any_source_is_not_told_each_entry_lacks_one() -> None:
    """A student's own deck: no document, no entry quoting one. No S001 at all."""
    own = deck(
        "  - {id: a, kind: qa, prompt: Capital of France?, answer: Paris}\n"
        "  - {id: b, kind: qa, prompt: Capital of Spain?, answer: Madrid}\n"
    )
    assert rules(own) == []
    with_document = own.replace("entries:", "document: {title: The atlas}\nentries:")
    assert [r[0] for r in rules(with_document)] == ["S001", "S001"]
    assert [r[0] for r in rules(own + SOURCED)] == ["S001", "S001"]  # some have one: keep it


def test_answer_missing_from_source() -> None:
    text = deck(
        "  - id: f\n    kind: figure\n    measure: Share who agreed\n    value: 55.5\n"
        "    unit: '%'\n    source: 5.55% agreed.\n"
        "  - id: d\n    kind: date\n    event: The treaty is signed\n    date: 1965-06-22\n"
        "    source: The treaty was signed on June 23, 1965.\n"
        "  - id: ok\n    kind: date\n    event: The election\n    date: 2025-06-03\n"
        "    source: Following his election on June 3, he spoke.\n"
        "  - id: word\n    kind: figure\n    measure: Which anniversary\n    value: 60\n"
        "    source: It is the sixtieth anniversary.\n"
        "  - id: q\n    kind: quote\n    quote: We will win\n    speaker: Kim\n"
        "    source: Kim said “we shall win”.\n"
    )
    assert rules(text) == [
        ("S002", 7, 12, "entries[0].value"),
        ("S002", 13, 11, "entries[1].date"),
        ("S003", 27, 12, "entries[4].quote"),
    ]


def test_prompt_gives_the_answer_away() -> None:
    text = deck(
        "  - id: qa\n    kind: qa\n    prompt: Was Donald Trump the first call?\n"
        "    answer: Donald Trump\n    source: s\n"
        "  - id: d\n    kind: date\n    event: The 1965 treaty is signed\n    date: 1965\n"
        "    source: In 1965 it was signed.\n"
        "  - id: f\n    kind: figure\n    measure: Share (55.5%) who agreed\n    value: 55.5\n"
        "    source: 55.5% agreed.\n"
        "  - id: scale\n    kind: figure\n    measure: Position (1 = first, 2 = second)\n"
        "    value: 2\n    source: He came second.\n"
        "  - id: q\n    kind: quote\n    quote: I am Lee\n    speaker: Lee Jae-myung\n"
        "    speaker_aliases: [Lee]\n    source: I am Lee, he said.\n"
        "  - id: c\n    kind: cloze\n    text: The {{IP4}} grouping has four IP4 members.\n"
        "    source: s\n"
    )
    found = [r for r in rules(text) if r[0] == "G001"]
    assert [r[3] for r in found] == [
        "entries[0].prompt",
        "entries[1].event",
        "entries[2].measure",
        "entries[4].quote",
        "entries[5].text",
    ]


def test_duplicate_and_near_duplicate_prompts() -> None:
    text = deck(
        "  - {id: a, kind: qa, prompt: What is the capital of France?, answer: Paris, source: s}\n"
        "  - {id: b, kind: qa, prompt: 'What is the capital of France', answer: Lyon, source: s}\n"
        "  - {id: c, kind: qa, prompt: What is the capitol of France?, answer: Paris, source: s}\n"
        "  - {id: d, kind: qa, prompt: What is the capital of Spain?, answer: Madrid, source: s}\n"
    )
    found = [(r, p) for r, _l, _c, p in rules(text)]
    assert found == [("D001", "entries[1].prompt"), ("D002", "entries[2].prompt")]


def test_a_question_near_many_earlier_ones_is_one_finding_naming_three() -> None:
    """One D002 an entry, not one a pair: a word list of one-letter-apart prompts would
    otherwise report the square of its size."""
    spellings = ["capital", "capitol", "capitel", "capitul", "capitil", "capitql"]
    text = deck(
        "".join(
            f"  - {{id: w{n}, kind: qa, prompt: 'What is the {word} of France?', "
            f"answer: x{n}, source: s}}\n"
            for n, word in enumerate(spellings)
        )
    )
    near = [f for f in lint_text(text, "d.yaml").findings if f.rule == "D002"]
    last = [f for f in near if f.path == "entries[5].prompt"]
    assert len(near) == len({f.path for f in near}) == 5 and len(last) == 1
    message = last[0].message
    assert message.startswith("nearly the same question as entries[0] ('w0', line ")
    assert "entries[2] ('w2'" in message and "'w3'" not in message
    assert message.endswith(" and 2 more; make the difference clear or merge them")
    (two,) = [f.message for f in near if f.path == "entries[2].prompt"]
    assert "entries[0] ('w0', line 4) and entries[1] ('w1', line 5);" in two


def test_near_duplicates_that_differ_in_meaning_are_fine() -> None:
    text = deck(
        "  - {id: a, kind: qa, prompt: What share of conservatives agreed?, answer: '41%', "
        "source: 41% and 17%}\n"
        "  - {id: b, kind: qa, prompt: What share of progressives agreed?, answer: '17%', "
        "source: 41% and 17%}\n"
    )
    assert rules(text) == []


def test_choice_options() -> None:
    text = deck(
        "  - id: a\n    kind: choice\n    prompt: Which country?\n    answer: the United States\n"
        "    distractors: [United States, Canada, Kanada]\n    source: s\n"
        "  - id: b\n    kind: choice\n    prompt: How many?\n    answer: 55.5%\n"
        "    distractors: [55.5 percent, 44.5%, Cheese, Cheeses]\n    source: s\n"
        "  - id: c\n    kind: choice\n    prompt: Who?\n    answer: Donald Trump\n"
        "    distractors: [Donald Trumpp]\n    source: s\n"
    )
    found = [(r, p) for r, _l, _c, p in rules(text)]
    same = deck(
        "  - id: e\n    kind: choice\n    prompt: Which city?\n    answer: Seoul\n"
        "    distractors: [seoul]\n    source: s\n"
    )
    found += [(r, p) for r, _l, _c, p in rules(same)]
    assert ("O001", "entries[0].distractors[0]") in found
    assert ("O001", "entries[1].distractors[0]") in found
    assert ("O002", "entries[2].distractors[0]") in found
    assert ("O001", "entries[0].distractors") in found  # the model's own check, as a rule
    assert all(p != "entries[0].distractors[1]" for _r, p in found)


def test_cloze_without_blank_and_invalid_decks() -> None:
    text = deck("  - id: c\n    kind: cloze\n    text: No blank here.\n    source: s\n")
    assert rules(text) == [("C001", 6, 11, "entries[0].text")]
    assert rules("id: t\ntitle: [unclosed\n") == [("E000", 3, 1, "")]
    assert rules(deck("  - id: a\n    kind: dat\n")) == [("E000", 5, 11, "entries[0].kind")]


def test_speaker_spelled_two_ways() -> None:
    text = deck(
        "  - {id: a, kind: quote, quote: One thing, speaker: Lee Jae-myung, source: One thing}\n"
        "  - {id: b, kind: quote, quote: Two things, speaker: Lee Jae Myung, source: Two things}\n"
        "  - {id: c, kind: quote, quote: Three, speaker: Lee, source: Three}\n"
        "  - {id: d, kind: quote, quote: Four, speaker: Moon Jae-in, speaker_aliases: [Moon],"
        " source: Four}\n"
        "  - {id: e, kind: quote, quote: Five, speaker: Moon, source: Five}\n"
        "  - {id: f, kind: quote, quote: Six, speaker: Ishiba and Lee Jae-myung, source: Six}\n"
    )
    found = [(r, p) for r, _l, _c, p in rules(text)]
    assert found == [("N001", "entries[1].speaker"), ("N001", "entries[2].speaker")]


def test_missing_and_duplicate_ids() -> None:
    text = deck(
        "  - {kind: qa, prompt: Capital of France?, answer: Paris, source: Paris}\n"
        "  - {id: x, kind: qa, prompt: One?, answer: '1', source: '1'}\n"
        "  - {id: x, kind: qa, prompt: Two?, answer: '2', source: '2'}\n"
    )
    report = lint_text(text, "d.yaml")
    assert [(f.rule, f.line, f.fixable) for f in report.findings] == [
        ("I001", 4, True),
        ("I002", 6, False),
    ]
    assert "add `id: capital-of-france`" in report.findings[0].message


def test_fix_adds_ids_keeping_comments_and_layout(tmp_path: Path) -> None:
    original = (
        "# My deck: keep this comment\n"
        "id: t   # and this one\n"
        "title: T\n"
        "entries:\n"
        "  # the first entry\n"
        "  - kind: qa\n"
        "    prompt: >-\n"
        "      What is the capital\n"
        "      of France?\n"
        "    answer: Paris     # trailing\n"
        "    source: 'Paris is the capital.'\n"
        "\n"
        "  - {kind: cloze, text: 'The {{Seine}} flows.', source: The Seine flows.}\n"
    )
    path = tmp_path / "d.yaml"
    path.write_text(original, encoding="utf-8")
    out = io.StringIO()
    assert main(["lint", "--fix", str(path)], out) == 0
    fixed = path.read_text(encoding="utf-8")
    assert fixed == original.replace(
        "  - kind: qa\n", "  - id: what-is-the-capital-of-france\n    kind: qa\n"
    ).replace("{kind: cloze", "{id: the-seine-flows, kind: cloze")
    parse_deck(fixed, "d.yaml")
    assert "fixed (added missing ids)" in out.getvalue()


def test_cli_exit_status_strict_ignore_and_json(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(deck("  - {id: a, kind: qa, prompt: Q?, answer: A}\n" + SOURCED), "utf-8")
    out = io.StringIO()
    assert main(["lint", str(path)], out) == 0
    assert out.getvalue().endswith("0 errors, 1 warning in 1 file\n")
    assert main(["lint", "--strict", str(path)], io.StringIO()) == 1
    assert main(["lint", "--strict", "--ignore", "S001", str(path)], io.StringIO()) == 0
    out = io.StringIO()
    assert main(["lint", "--format", "json", "--strict", str(path)], out) == 1
    report = json.loads(out.getvalue())
    assert report["ok"] is False and report["warnings"] == 1
    (finding,) = report["files"][0]["findings"]
    assert finding["rule"] == "S001" and finding["name"] == "no-source"
    assert finding["line"] == 4 and finding["severity"] == "warning"
    out = io.StringIO()
    assert main(["lint", "--ignore", "X999", str(path)], out) == 1
    assert out.getvalue() == ""  # a slip in the command: on stderr (tests/cli/test_command_slips)


def test_cli_errors_fail_and_missing_files_are_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(deck("  - {id: a, kind: cloze, text: none, source: none}\n"), encoding="utf-8")
    out = io.StringIO()
    assert main(["lint", str(bad)], out) == 1
    assert "error C001 cloze-no-blank" in out.getvalue()
    out = io.StringIO()
    assert main(["lint", str(bad), str(tmp_path / "nope.yaml")], out) == 1
    assert out.getvalue() == ""  # (nothing linted: the command has a slip)
    missing = tmp_path / "nope.yaml"
    assert capsys.readouterr().err == f"studyapp: {missing}: no such file or folder\n"


def test_cli_counts_infos_in_one_line_and_lists_them_when_verbose(tmp_path: Path) -> None:
    """A verbatim source naming another entry's answer is an info: not a warning, never a
    failure (--strict too), one line at the end; --verbose and JSON give each one."""
    path = tmp_path / "d.yaml"
    path.write_text(deck(LEAKY_SOURCE), "utf-8")
    out = io.StringIO()
    assert main(["lint", "--strict", str(path)], out) == 0
    assert out.getvalue() == (
        "0 errors, 0 warnings in 1 file\n"
        "info: 1 source shows other entries' answers (L001): verbatim text, nothing to "
        "reword; the study queue spaces those entries apart (--verbose lists them)\n"
    )
    out = io.StringIO()
    assert main(["lint", "-v", str(path)], out) == 0
    (listed, total, summary) = out.getvalue().splitlines()
    assert listed.startswith(f"{path}:") and ": entries[1].source: info L001 leak: " in listed
    assert listed.endswith("(a source is verbatim: nothing to reword)")
    assert total == "0 errors, 0 warnings in 1 file" and summary.endswith("(listed above)")
    out = io.StringIO()
    assert main(["lint", "--ignore", "L001", str(path)], out) == 0
    assert out.getvalue() == "0 errors, 0 warnings in 1 file\n"
    out = io.StringIO()
    assert main(["lint", "--format", "json", "--strict", str(path)], out) == 0
    report = json.loads(out.getvalue())
    assert (report["ok"], report["errors"], report["warnings"], report["infos"]) == (
        True,
        0,
        0,
        1,
    )
    (finding,) = report["files"][0]["findings"]
    assert (finding["rule"], finding["severity"]) == ("L001", "info")


def test_an_explanation_leak_beside_a_source_one_is_the_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    met = (
        "  - id: met\n    kind: date\n    event: Lee and Ishiba meet at the G7\n"
        "    date: 2025-06-17\n    source: Lee and Ishiba met at the G7 on June 17, 2025.\n"
        "    explanation: Lee was elected President on June 3, 2025, and met Ishiba two weeks "
        "later.\n"
    )
    path.write_text(deck(LEAKY_SOURCE + met), "utf-8")
    out = io.StringIO()
    assert main(["lint", "--strict", str(path)], out) == 1
    shown = out.getvalue().splitlines()
    assert [line.split(": ")[1] for line in shown[:-2]] == ["entries[2].explanation"]
    assert shown[-2] == "0 errors, 1 warning in 1 file (--strict: warnings fail)"
    assert shown[-1].startswith("info: 1 source shows other entries' answers (L001)")


LEAKY_SOURCE = (
    "  - id: elected\n    kind: date\n    event: Lee Jae-myung is elected President\n"
    "    date: 2025-06-03\n    source: Lee Jae-myung was elected President on June 3, 2025.\n"
    "  - id: calls\n    kind: date\n    event: Lee's introductory call to Ishiba\n"
    "    date: 2025-06-09\n"
    "    source: Elected on June 3, 2025, Lee called Ishiba on June 9, 2025.\n"
)


def test_every_rule_is_documented() -> None:
    for code, rule in RULES.items():
        assert rule.code == code and rule.severity in ("error", "warning") and rule.summary


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "id: [", "\x00"])
def test_lint_never_raises(text: str) -> None:
    report = lint_text(text, "x.yaml")
    assert all(f.rule == "E000" for f in report.findings)


def test_an_exam_spec_named_with_the_decks_is_not_linted_as_a_deck(tmp_path: Path) -> None:
    """`studyapp lint decks/*.yaml` names the exam specs too: they are not decks (every
    field would be "unknown"), so lint says so and leaves them to validate."""
    exam = tmp_path / "week.exam.yaml"
    exam.write_text("id: week\ntitle: Week\ndecks: [t]\nquestions: 3\n")
    deck_file = tmp_path / "t.yaml"
    deck_file.write_text(
        deck(
            "  - id: a\n    kind: qa\n    prompt: What is the capital of France?\n"
            "    answer: Paris\n    source: Paris is the capital of France.\n"
        )
    )
    out = io.StringIO()
    code = main(["lint", str(deck_file), str(exam)], out=out)
    text = out.getvalue()
    assert code == 0, text
    assert "week.exam.yaml: an exam spec, not a deck: not linted" in text
    assert "unknown field" not in text
    assert text.rstrip().endswith("0 errors, 0 warnings in 1 file")


def test_an_option_near_the_answer_is_named_for_what_it_is() -> None:
    """O002 says "a typo away" only of a typo: another form of the words is said so."""
    text = deck(
        "  - id: c\n    kind: choice\n    prompt: What is a principle of deterrence?\n"
        "    answer: preparing for the worst\n"
        "    distractors: [prepare for the worst, hoping for peace, trusting allies]\n"
    )
    found = [f.message for f in lint_text(text, "d.yaml").findings if f.rule == "O002"]
    assert found == [
        "option 'prepare for the worst' is another form of the words of the answer "
        "'preparing for the worst'; learners will think it is a trick"
    ]


def test_a_finding_about_the_whole_file_names_the_file_alone() -> None:
    """Line 0 is the whole file (a file over the size cap): 'big.yaml: error E000 ...',
    never a false 'big.yaml:0:0'."""
    from studyapp.core.authoring.lint.rules import Finding

    whole = Finding("big.yaml", 0, 0, "", "E000", "the file is 3.0 MB", "error")
    assert str(whole).startswith("big.yaml: error E000 ")
    placed = Finding("big.yaml", 5, 3, "entries[0]", "E000", "bad", "error")
    assert str(placed).startswith("big.yaml:5:3: entries[0]: error E000 ")


def test_an_empty_deck_is_a_finding_of_the_whole_file() -> None:
    """Before: 'e.yaml:1:1: error E000 ...: the file is empty', a line it does not have."""
    (finding,) = lint_text("", "e.yaml").findings
    assert (finding.line, finding.col) == (0, 0)
    assert str(finding).startswith("e.yaml: error E000 ")
