"""``studyapp import``: CSV, TSV and Anki text exports; HTML made safe; bad rows reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.cli.tools import main
from studyapp.core.authoring.importer import (
    ImportFileError,
    clean_tag,
    html_to_text,
    import_file,
    import_text,
)
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import ClozeEntry, QaEntry
from studyapp.core.decks.textsafety import find_unsafe
from studyapp.core.decks.writer import dump_deck

ANKI_EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
    "a1B2c3\tBasic\tKorea\tWho was first?<br>(2025)\t<b>Donald&nbsp;Trump</b>\tcalls people::lee\n"
    "d4E5f6\tCloze\tKorea\tThe {{c1::IP4}} has {{c2::four::number}} members\t"
    "Japan, South Korea, Australia, NZ\tterms\n"
)


def qa(entry: object) -> QaEntry:
    assert isinstance(entry, QaEntry)
    return entry


def test_anki_text_export() -> None:
    result = import_text(ANKI_EXPORT, "notes.txt", deck_id="korea")
    first, second = result.deck.entries
    first = qa(first)
    assert (first.prompt, first.answer) == ("Who was first?\n(2025)", "Donald Trump")
    assert first.tags == ["calls", "people/lee"]
    assert isinstance(second, ClozeEntry)
    assert second.text == "The {{IP4}} has {{four}} members"
    assert second.explanation == "Japan, South Korea, Australia, NZ"
    assert result.problems == [] and result.html and result.separator == "\t"


def test_csv_with_header_and_quoted_newlines() -> None:
    text = (
        "Front,Back,Tags,Source\n"
        '"Capital of\nFrance?",Paris,geo,Paris is the capital.\n'
        ",missing front,,\n"
        "What is 1+1?,2,math,\n"
    )
    result = import_text(text, "cards.csv")
    prompts = [qa(e).prompt for e in result.deck.entries]
    assert prompts == ["Capital of\nFrance?", "What is 1+1?"]
    assert qa(result.deck.entries[0]).source == "Paris is the capital."
    (problem,) = result.problems
    assert (
        str(problem) == "cards.csv:4:1: the front (question) is empty after cleaning; row skipped"
    )


def test_tsv_without_header_and_columns_header() -> None:
    result = import_text("one\tuno\ntwo\tdos\textra note\n", "words.tsv")
    assert [(qa(e).prompt, qa(e).answer) for e in result.deck.entries] == [
        ("one", "uno"),
        ("two", "dos"),
    ]
    assert result.deck.entries[1].explanation == "extra note"
    text = "#separator:semicolon\n#columns:Answer;Question\nuno;one\n"
    (entry,) = import_text(text, "x.txt").deck.entries
    assert (qa(entry).prompt, qa(entry).answer) == ("one", "uno")


def test_html_is_reduced_to_safe_text() -> None:
    html = (
        "<div>Line <b>one</b></div><script>alert('x')</script><style>b{}</style>"
        "<ul><li>a</li><li>b &amp; c</li></ul><img src=x onerror=alert(1) alt='map'>"
        "[sound:x.mp3]&lt;tag&gt;\x1b[31m\u202e"
    )
    text = html_to_text(html)
    assert text == "Line one\n- a\n- b & c\n[image: map]<tag>[31m"
    assert find_unsafe(text) is None


def test_tags_are_made_valid() -> None:
    assert clean_tag("Korea::History") == "Korea/History"
    assert clean_tag("--weird tag!") == "weird-tag"
    assert clean_tag("!!!") is None


def test_bad_rows_are_reported_with_their_line() -> None:
    text = 'q1,a1\nonly-one-field\n"bad"quote,x\nq2,a2\n,\n'
    result = import_text(text, "c.csv")
    assert [qa(e).prompt for e in result.deck.entries] == ["q1", "q2"]
    assert [(p.line, p.message.split(";")[0]) for p in result.problems] == [
        (2, "expected at least 2 columns (front and back), found 1"),
        (3, "cannot read this row: ',' expected after '\"'"),
    ]


def test_cloze_without_deletions_is_a_bad_row() -> None:
    text = "#notetype:Cloze\n#separator:tab\nno deletion here\textra\nA {{c1::b}}\t\n"
    result = import_text(text, "c.txt")
    assert [p.line for p in result.problems] == [3]
    assert isinstance(result.deck.entries[0], ClozeEntry)


def test_nothing_importable_is_an_error() -> None:
    with pytest.raises(ImportFileError) as info:
        import_text("", "empty.csv")
    # the file as a whole (line 0): it has no first line for the problem to be on
    assert str(info.value) == "empty.csv: the file has no cards to import"
    assert info.value.problems[0].line == 0
    with pytest.raises(ImportFileError, match=r"x\.csv: 'Bad Id' is not a valid deck id"):
        import_text("a,b\n", "x.csv", deck_id="Bad Id")


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "cards.csv"
    bad.write_bytes(b"a,b\nc,\xff\n")
    with pytest.raises(ImportFileError, match=r"cards.csv:2:3: invalid UTF-8"):
        import_file(bad, display="cards.csv")


def test_ids_are_stable_and_unique() -> None:
    text = "Same?,1\nSame?,2\n"
    ids = [e.id for e in import_text(text, "x.csv").deck.entries]
    assert ids == ["same", "same-2"]
    assert ids == [e.id for e in import_text(text, "x.csv").deck.entries]


def test_cli_import_writes_a_valid_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "My Cards.txt"
    source.write_text(ANKI_EXPORT, encoding="utf-8")
    target = tmp_path / "mine.yaml"
    out = io.StringIO()
    assert main(["import", str(source), "-o", str(target)], out) == 0
    deck = load_deck(target)
    assert deck.id == "mine" and len(deck.entries) == 2
    assert "wrote" in out.getvalue()
    out = io.StringIO()
    assert main(["import", str(source), "-o", str(target)], out) == 1
    assert out.getvalue() == ""  # a slip in the command: said on stderr
    assert "already exists" in capsys.readouterr().err
    out = io.StringIO()
    assert main(["import", str(tmp_path / "none.csv"), "-o", str(tmp_path / "n.yaml")], out) == 1
    assert out.getvalue() == ""
    assert "none.csv: no such file or folder" in capsys.readouterr().err


PIECES = [
    *"ab ,;\t|\n\r\"'#:{}<>&/=c1",
    *("{{c1::", "}}", "<br>", "&amp;", "\x1b", "\u202e", "\x00", "\u2028", "\ufeff"),
    *("#separator:", "#html:true", "#tags column:", "#columns:", "\u00e9", "\U0001f600"),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.sampled_from(["x.csv", "x.tsv", "x.txt"]),
)
def test_import_never_raises_anything_but_its_own_error(text: str, name: str) -> None:
    try:
        result = import_text(text, name)
    except ImportFileError as error:
        for p in error.problems:  # at a row, or the file as a whole (nothing to import)
            assert p.file == name
            assert p.line >= 1 or p.message == "the file has no cards to import"
        return
    assert parse_deck(dump_deck(result.deck), "out.yaml") == result.deck
