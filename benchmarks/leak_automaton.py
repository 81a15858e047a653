"""The leak check's phrase matching in an Aho-Corasick automaton, measured (issue 18).

    python benchmarks/leak_automaton.py [--entries 50000] [--runs 3]
                                        [--shapes generated,article]

An experiment, not the product: needs ``pyahocorasick`` (not a dependency of the project),
so run it from a separate venv that has it and the project's dependencies, e.g.::

    python3 -m venv /tmp/aho && /tmp/aho/bin/pip install pyahocorasick -e .
    /tmp/aho/bin/python benchmarks/leak_automaton.py

The children import ``src`` of this working tree whatever the venv holds.

For each deck shape (``generated``: ``deck_tools.generate``; ``article`` and ``vocabulary``:
``leaks_scale``'s) the deck is read with the project's reader, then, each run in
a fresh process, back to back so that all meet the same load, the leak check is timed:

* ``today``: ``LeakScan(entries)`` (the deck's texts in words, their subjects, the answer
  index) and ``LeakScan.leaks(0, n)`` (the scan of every text), as ``find_leaks`` runs them;
* ``automaton``: the same, but an answer index whose ``_phrases`` (the text answers a text's
  words hold) asks one automaton over every text answer (its words between spaces) instead
  of a set operation per answer length; dates, figures, quotations and the concern filters
  are today's code. The automaton's build time and size are printed;
* ``hybrid``: as ``automaton``, its one-word answers left to today's set operation (the
  text's words against them: one C call, and most answers held are one word).

A last child splits today's build into its steps (the texts in words, ``subjects``, the
answer index); scans with each variant's ``_phrases`` (timed within the scan) and with one
doing nothing (the floor no phrase matcher can go under); and times the matching alone (the
answers each text holds, found; the concern filters left out) for each. Prints medians of
``--runs``, the ratios, and whether each leak list is today's (the first differences if
not). Machines here are noisy (2 cores, shared): medians; never fails on time.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import operator
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

VARIANTS = ("today", "automaton", "hybrid")
LEAST = {"automaton": 1, "hybrid": 2}
"""The fewest words of an answer each automaton holds: ``hybrid`` leaves one-word answers to
today's set operation."""


def _deck(shape: str, entries: int) -> str:
    if shape == "generated":
        from deck_tools import generate

        return str(generate(entries))
    from leaks_scale import article_deck, vocabulary_deck

    return (article_deck if shape == "article" else vocabulary_deck)(entries)


# ------------------------------------------- the experiment (in the children only)


def _automaton_index(least: int = 1) -> Any:
    """EXPERIMENT: ``AnswerIndex`` with ``_phrases`` answered by an Aho-Corasick automaton.

    Made in a child only (it imports ``ahocorasick`` and the project). The automaton holds
    each text answer of ``least`` words or more, its words joined and between spaces
    (" new york "); a text is read as its words joined the same way, so a match is whole
    words in order. One pass in C finds every such answer the text holds, of any length
    (``iter``: overlapping matches too). With ``least=2`` the one-word answers are found as
    today (one set operation: the text's words against them). Then as today: the answers
    whose cards ask nothing the text says are dropped in C, the rest go to
    ``_Takers.concerned``, length by length in the index's order, by first place.
    """
    import ahocorasick  # type: ignore[import-not-found]

    from studyapp.core.decks import giveaway
    from studyapp.core.decks.giveaway import AnswerIndex

    second = operator.itemgetter(1)

    class AutomatonIndex(AnswerIndex):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            rss, start = _rss(), time.perf_counter()
            automaton = ahocorasick.Automaton()
            self.patterns: list[str] = []
            self.grams: list[tuple[int, Any]] = []
            """Answer number -> its size and key in ``by_length[size]`` (a word, or words)."""
            self.asked_of_number: list[set[str]] = []
            self.blank_numbers: set[int] = set()
            for words, takers in self.phrases.items():
                if len(words) < least:
                    continue
                number = len(self.patterns)
                self.patterns.append(" " + " ".join(words) + " ")
                automaton.add_word(self.patterns[-1], number)
                self.grams.append((len(words), words[0] if len(words) == 1 else words))
                self.asked_of_number.append(takers.words)
                if takers.blank:
                    self.blank_numbers.add(number)
            automaton.make_automaton()
            self.asked_any: set[str] = set().union(*self.asked_of_number)
            self.automaton = automaton if self.patterns else None
            self.one_word = least > 1 and 1 in self.by_length
            AutomatonIndex.built = (
                time.perf_counter() - start,
                _rss() - rss,
                int(automaton.get_stats()["total_size"]),
            )

        built: tuple[float, int, int] = (0.0, 0, 0)

        def _phrases(
            self,
            text: str,
            words: list[str],
            about: set[str],
            blank: bool,
            skip: frozenset[str],
            found: dict[str, str],
        ) -> None:
            by_size: dict[int, list[tuple[int, list[str]]]] = {}
            if self.one_word and not (
                about.isdisjoint(self.asked_by_length[1]) and not (blank and self.blank_answers[1])
            ):  # today's code for the one-word answers
                table = self.by_length[1]
                held_words = table.keys() & words
                if held_words:
                    answers_held = list(held_words)
                    asked = map(self.asked_of[1].__getitem__, answers_held)
                    close = itertools.compress(
                        answers_held, map(operator.not_, map(about.isdisjoint, asked))
                    )
                    near_words = set(close)
                    if blank:
                        near_words |= held_words & self.blank_answers[1]
                    for word in near_words:
                        concerned = table[word].concerned(about, blank, skip)
                        if concerned:
                            by_size.setdefault(1, []).append((words.index(word), concerned))
            if self.automaton is not None and not (
                about.isdisjoint(self.asked_any) and not (blank and self.blank_numbers)
            ):  # as today, a text that names nothing the automaton's answers ask is not read
                folded = " " + " ".join(words) + " "
                held = set(map(second, self.automaton.iter(folded)))  # every answer held, in C
                answers = list(held)
                apart = map(about.isdisjoint, map(self.asked_of_number.__getitem__, answers))
                near = set(itertools.compress(answers, map(operator.not_, apart)))
                if blank:
                    near |= held & self.blank_numbers
                for number in near:
                    size, gram = self.grams[number]
                    concerned = self.by_length[size][gram].concerned(about, blank, skip)
                    if concerned:  # its first place: the words before its first match
                        at = folded.count(" ", 0, folded.find(self.patterns[number]) + 1) - 1
                        by_size.setdefault(size, []).append((at, concerned))
            if not by_size:
                return
            places: list[tuple[int, int]] = []
            spans: Iterator[re.Match[str]] | None = None
            for size in self.lengths:  # from here on, today's code
                for i, concerned in sorted(by_size.get(size, ())):
                    new = [e for e in concerned if e not in found and e not in skip]
                    if new:
                        if spans is None:
                            spans = giveaway._WORD.finditer(text)
                        if len(places) < i + size:
                            places += [
                                m.span() for m in itertools.islice(spans, i + size - len(places))
                            ]
                        written = text[places[i][0] : places[i + size - 1][1]]
                        for entry_id in new:
                            found.setdefault(entry_id, written)

    return AutomatonIndex


def _rss() -> int:
    """This process's resident memory, in bytes (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _read(deck: str) -> Sequence[Any]:
    from studyapp.core.decks.loader import limits_from_env, parse_deck

    text = Path(deck).read_text(encoding="utf-8")
    entries: Sequence[Any] = parse_deck(text, "deck.yaml", limits=limits_from_env()).entries
    return entries


def _child(variant: str, deck: str, keep: str) -> dict[str, object]:
    """One run of one variant: the times, and the leaks (kept in ``keep`` if named)."""
    import msgspec

    from studyapp.core.base.gcpause import paused_gc
    from studyapp.core.decks import leaks as leaks_module

    entries = _read(deck)
    if variant == "parts":
        return _parts(entries)
    out: dict[str, object] = {}
    index: Any = None
    if variant != "today":
        index = _automaton_index(LEAST[variant])
        leaks_module.AnswerIndex = index  # type: ignore[attr-defined]
    with paused_gc():  # as find_leaks
        start = time.perf_counter()
        scan = leaks_module.LeakScan(entries)
        built = time.perf_counter()
        found = scan.leaks(0, len(entries))
        done = time.perf_counter()
    out |= {"build": built - start, "scan": done - built, "total": done - start}
    if index is not None:
        out["automaton"] = index.built
    encoded = msgspec.json.encode(found)
    out["leaks"] = len(found)
    out["hash"] = hashlib.sha256(encoded).hexdigest()
    if keep:
        Path(keep).write_bytes(encoded)
    return out


def _parts(entries: Sequence[Any]) -> dict[str, object]:
    """Today's leak check step by step: what the texts in words and the index cost beside
    the scan; what ``_phrases`` costs within the scan, today's and the automatons', and its
    matching alone (the rest is the concern filters, the same in all); and the scan with
    ``_phrases`` doing nothing (the floor for any phrase matcher)."""
    from studyapp.core.base.gcpause import paused_gc
    from studyapp.core.decks import leaks as leaks_module
    from studyapp.core.decks.giveaway import AnswerIndex, subjects, words_of
    from studyapp.core.decks.leaks import LeakScan, asked_words, shown

    out: dict[str, object] = {}
    with paused_gc():
        start = time.perf_counter()
        scanned = [[(s, words_of(s[2])) for s in shown(entry)] for entry in entries]
        notes = {
            entry.id: [(s, words_of(s[2])) for s in leaks_module._notes(entry)] for entry in entries
        }
        read = time.perf_counter()
        questions = [asked_words(e, t) for e, t in zip(entries, scanned, strict=True)]
        texts = {k: [w for _, w in v] for k, v in notes.items()}
        about, asks = subjects(entries, texts, questions)
        subjected = time.perf_counter()
        AnswerIndex(entries, about, asks)
        indexed = time.perf_counter()
    out |= {
        "words_of": read - start,
        "subjects": subjected - read,
        "index": indexed - subjected,
        "texts": sum(map(len, scanned)) + sum(map(len, notes.values())),
    }
    all_words = [w for shown_words in scanned for _s, w in shown_words]
    all_words += [w for v in notes.values() for _s, w in v]
    del scanned, notes, texts
    with paused_gc():
        scan = LeakScan(entries)
        finder = scan._finder
        indexes = {
            v: _automaton_index(LEAST[v])(entries, finder.index.subjects, finder.asks)
            for v in LEAST
        }
        kept = list(scan._scanned)  # each scan lets its words go: put them back between scans
        spent = [0.0]
        for name in (*VARIANTS, "nothing"):
            index = indexes.get(name, indexes["automaton"])
            method = type(index)._phrases if name in LEAST else AnswerIndex._phrases

            def timed(*args: Any, method: Any = method, index: Any = index) -> None:
                begun = time.perf_counter()
                method(index, *args)
                spent[0] += time.perf_counter() - begun

            index._phrases = timed if name != "nothing" else (lambda *_args: None)
            finder.index, scan._scanned, spent[0] = index, list(kept), 0.0
            begun = time.perf_counter()
            scan.leaks(0, len(entries))
            out[f"scan_{name}"] = time.perf_counter() - begun
            out[f"phrases_{name}"] = spent[0]
            del index._phrases
        out |= _matching(indexes, all_words)
    return out


def _matching(indexes: dict[str, Any], texts: list[list[str]]) -> dict[str, float]:
    """The seconds that finding the text answers each text holds takes, nothing else: today's
    set operations (as ``AnswerIndex._phrases`` makes them, its skip of an answer length
    whose cards the text names nothing of left out) and each automaton's."""
    index = indexes["automaton"]
    held = dict.fromkeys(VARIANTS, 0)
    begun = time.perf_counter()
    for words in texts:
        pairs: list[tuple[str, str]] | None = None
        heads: set[tuple[str, ...]] | None = None
        for size in index.lengths:
            table = index.by_length[size]
            if size == 1:
                found = table.keys() & words
            else:
                if pairs is None:
                    pairs = list(itertools.pairwise(words))
                if size == 2:
                    found = table.keys() & pairs
                else:
                    if heads is None:
                        heads = index.long_heads.intersection(pairs)
                    begun_here = heads & index.heads[size]
                    if not begun_here:
                        continue
                    starts: dict[tuple[str, ...], int] = {}
                    for i in range(len(words) - size + 1):
                        if pairs[i] in begun_here:
                            starts.setdefault(tuple(words[i : i + size]), i)
                    found = table.keys() & starts.keys()
            held["today"] += len(found)
    out = {"match_today": time.perf_counter() - begun}
    second = operator.itemgetter(1)
    for name, least in LEAST.items():
        automaton, ones = indexes[name].automaton, index.by_length.get(1, {})
        begun = time.perf_counter()
        for words in texts:
            if least > 1:
                held[name] += len(ones.keys() & words)
            if automaton is not None:
                held[name] += len(set(map(second, automaton.iter(" " + " ".join(words) + " "))))
        out[f"match_{name}"] = time.perf_counter() - begun
    assert len(set(held.values())) == 1, held
    return out | {"held": held["today"]}


def _run(variant: str, deck: Path, keep: Path | None) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), STUDYAPP_MAX_DECK_MB="1000")
    done = subprocess.run(
        [sys.executable, __file__, "--child", variant, str(deck), str(keep or "")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {variant} child failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(run[key]) for run in runs)


def _differences(today: Path, other: Path) -> list[str]:
    """The first leaks only one of the two lists has (or holds at another place)."""
    a, b = json.loads(today.read_bytes()), json.loads(other.read_bytes())
    lines = [f"    today {len(a):,} leaks, other {len(b):,}"]
    for n, (x, y) in enumerate(itertools.zip_longest(a, b)):
        if x != y:
            lines.append(f"    #{n}: today {x} / other {y}")
            if len(lines) > 10:
                break
    return lines


def _shape(shape: str, entries: int, runs: int, folder: Path) -> None:
    deck = folder / f"{shape}.yaml"
    deck.write_text(_deck(shape, entries), encoding="utf-8")
    size = deck.stat().st_size / 1048576
    print(f"leak check of a {entries:,}-entry {shape} deck ({size:.1f} MB), {runs} runs")
    results: dict[str, list[dict[str, Any]]] = {v: [] for v in (*VARIANTS, "parts")}
    kept = {v: folder / f"{shape}-{v}.json" for v in VARIANTS}
    for run in range(runs):
        for variant in VARIANTS:
            results[variant].append(_run(variant, deck, kept[variant] if run == 0 else None))
        results["parts"].append(_run("parts", deck, None))
    print(f"  {'':10s} {'build':>7s} {'scan':>7s} {'total':>7s}  runs (total)")
    for variant in VARIANTS:
        got = results[variant]
        cells = " ".join(f"{_median(got, k):6.2f}s" for k in ("build", "scan", "total"))
        print(f"  {variant:10s} {cells}  {[round(float(r['total']), 2) for r in got]}")
    today = results["today"]
    for variant in LEAST:
        got = results[variant]
        built = [r["automaton"] for r in got]
        print(
            f"  {variant}/today: scan x{_median(got, 'scan') / _median(today, 'scan'):.2f},"
            f" total x{_median(got, 'total') / _median(today, 'total'):.2f}; automaton built in"
            f" {statistics.median(b[0] for b in built):.3f} s (within 'build'),"
            f" {statistics.median(b[1] for b in built) / 1048576:.1f} MB resident"
            f" ({statistics.median(b[2] for b in built) / 1048576:.1f} MB by its own count)"
        )
    parts = results["parts"]
    words_of, subjects, index = (_median(parts, k) for k in ("words_of", "subjects", "index"))
    print(
        f"  today's build: texts in words {words_of:.2f} s ({parts[0]['texts']:,} texts),"
        f" subjects {subjects:.2f} s, answer index {index:.2f} s"
    )
    scans = [
        f"{name} {_median(parts, 'scan_' + name):.2f} s"
        + (f" (_phrases {_median(parts, 'phrases_' + name):.2f} s)" if name != "nothing" else "")
        for name in (*VARIANTS, "nothing")
    ]
    print(f"  scans, _phrases timed: {', '.join(scans)}")
    matching = [f"{name} {_median(parts, 'match_' + name):.2f} s" for name in VARIANTS]
    print(f"  matching alone ({parts[0]['held']:,} answers held in all): {', '.join(matching)}")
    hashes = {v: {r["hash"] for r in results[v]} for v in VARIANTS}
    print(f"  leaks: {today[0]['leaks']:,}")
    for variant in LEAST:
        same = hashes["today"] == hashes[variant] and len(hashes["today"]) == 1
        print(f"  {variant}: leak list {'identical' if same else 'DIFFERS'} to today's")
        if not same:
            print("\n".join(_differences(kept["today"], kept[variant])))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        print(json.dumps(_child(*args[1:4])))
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default="generated,article")
    options = parser.parse_args(args)
    if importlib.util.find_spec("ahocorasick") is None:
        print("needs pyahocorasick: run from a venv that has it (see the docstring)")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        for shape in options.shapes.split(","):
            _shape(shape, options.entries, options.runs, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
