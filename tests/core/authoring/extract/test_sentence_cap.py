"""A run of text without a sentence break is cut into readable sentences, so that
``extract`` stays linear in the text (a 50,000-character line took over 100 s)."""

from __future__ import annotations

import random
import time

from studyapp.core.authoring.extract.dateline import find_dateline
from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.people import People
from studyapp.core.authoring.extract.sentences import MAX_SENTENCE, PIECE, sentences

_WORDS = '"leave 28,500 Lee said 3, 2025 president 55.5% that June soon," troops would on the of'


def _one_line(chars: int, seed: int = 7) -> str:
    """Words of the prober's repro, drawn at random, with no sentence break."""
    rng = random.Random(seed)
    words = _WORDS.split()
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(rng.choice(words))
        size += len(out[-1]) + 1
    return " ".join(out)


def test_a_long_run_is_cut_into_pieces_that_cover_it() -> None:
    text = "Intro.\n" + _one_line(10_000)
    found = sentences(text)
    assert found[0].text == "Intro."
    assert all(len(s.text) <= PIECE for s in found)
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in found)
    assert all(s.line == 2 for s in found[1:])
    assert " ".join(s.text for s in found[1:]).split() == text.split("\n")[1].split()


def test_a_cut_falls_after_a_clause_mark_and_never_inside_a_word() -> None:
    clause = "the committee met again in the spring and the summer of that year; "
    text = clause * 40  # no sentence break, a clause mark every 69 characters
    pieces = sentences(text)
    assert len(pieces) > 1
    assert all(p.text.endswith(";") for p in pieces[:-1])
    word = "x" * (MAX_SENTENCE + PIECE)  # one unbroken word: cut at the cap
    assert (
        [len(p.text) for p in sentences(word)]
        == [PIECE] * (MAX_SENTENCE // PIECE + 1) + [(MAX_SENTENCE + PIECE) % PIECE]
        if (MAX_SENTENCE + PIECE) % PIECE
        else [PIECE] * ((MAX_SENTENCE + PIECE) // PIECE)
    )


def test_sentences_up_to_the_cap_are_untouched() -> None:
    long = "Officials said " + "that the talks went on, " * 23 + "and ended."
    assert len(long) <= MAX_SENTENCE
    assert [s.text for s in sentences(f"{long} Then they left.")] == [long, "Then they left."]


def test_every_drafted_source_of_a_giant_line_is_a_readable_sentence() -> None:
    deck = draft_deck(extract(_one_line(20_000)), deck_id="giant")
    assert deck.entries
    # (a quotation may run over two pieces, as it runs over sentences in prose)
    assert all(len(e.source or "") <= (2 if e.kind == "quote" else 1) * PIECE for e in deck.entries)
    assert any(e.kind != "quote" for e in deck.entries)


def test_people_of_one_giant_line_are_found_in_linear_time() -> None:
    small, big = _one_line(50_000), _one_line(400_000)
    start = time.perf_counter()
    People(small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    People(big)
    big_time = time.perf_counter() - start
    # 8 times the text: well under 30 times the time (it was ~60 times: a scan to the
    # end of the line per name)
    assert big_time < 30 * max(small_time, 0.01)


def test_extract_of_a_50000_character_line_is_quick() -> None:
    text = _one_line(50_000)
    start = time.perf_counter()
    calls: list[tuple[int, int]] = []
    draft_deck(extract(text, progress=lambda done, total: calls.append((done, total))), deck_id="x")
    assert time.perf_counter() - start < 40  # was over 100 s
    assert calls[-1][0] == calls[-1][1] > 50  # the progress bar moves: many sentences


def test_the_date_line_of_a_giant_first_line_is_read_from_its_first_words() -> None:
    body = _one_line(400_000)
    start = time.perf_counter()
    assert find_dateline(body) is None
    lead = find_dateline(f"WASHINGTON, April 6, 1993 — {body}")
    assert time.perf_counter() - start < 10  # it read the whole line per date: minutes
    assert lead is not None and lead.date.isoformat() == "1993-04-06"


def test_a_long_quotation_with_its_speaker_keeps_it() -> None:
    """A quoted paragraph of several sentences and its "Dr. Connor said" (about 800
    characters, as in the corpus's NIH text) is prose, not a run to cut: cut, the
    quotation lost its speaker."""
    from studyapp.core.authoring.extract.extraction import extract

    said = "We think the level rose because we raised the fat in the diet by a lot"
    quote = "; ".join([said] * 10)
    text = f'Fat and the heart\n\n"{quote}," Dr. William Connor said.\n'
    assert 700 < len(text) < MAX_SENTENCE
    (found,) = extract(text).quotes
    assert found.speaker is not None and "Connor" in found.speaker
