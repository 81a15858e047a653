"""Finding leaks and ``lint`` at scale, before and after, in one run (issue 18).

    python benchmarks/leaks_scale.py [--sizes 2500,5000,10000,50000] [--runs 3]
        [--decks generated,article,vocabulary] [--baseline-ref HEAD | --baseline DIR]
        [--baseline-max 10000] [--no-lint] [--per-check]

For each deck and size it prints ``find_leaks`` (what the card maker runs on a
deck's first open) and ``lint_text`` (the whole of ``studyapp lint`` in-process),
CPU and wall seconds, the median of ``--runs`` fresh processes, and the number of
leaks found; with ``--per-check``, each lint check's CPU seconds beneath. With a
baseline the same is run on the older code side by side, and the leak lists are
compared: they must be equal.

The decks:

* ``generated``: the deck of ``benchmarks/deck_tools.py`` (a 4,000-word made-up
  vocabulary: at 50,000 entries every word of every text is some entry's answer);
* ``article``: sentences made from the article corpus (``tests/fixtures/articles``)
  by a word chain, drafted as an author would: cloze on a name, the year of an event,
  "who or what" questions; the sentence is the source, another the explanation;
* ``vocabulary``: a word list: a made-up word asked, a common English word its
  answer (many entries share one), a sentence of the corpus as the example, and now
  and then "see also" another entry's word.

The baseline is a copy of the working tree's ``src`` whose leak and lint modules
are taken from ``--baseline-ref`` (``git show``; nothing in the repository
changes), or any ``src`` folder given as ``--baseline``. Prints figures; never
fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "articles"
OWNED = (
    "src/studyapp/core/decks/leaks.py",
    "src/studyapp/core/decks/giveaway.py",
    "src/studyapp/core/quiz/exam_leaks.py",
)
LINT_DIR = "src/studyapp/core/authoring/lint"


# ------------------------------------------------------------------- the decks


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/article.txt")))
    found = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", " ".join(text.split()))
    return [s for s in found if 6 <= len(s.split()) <= 45]


def _chain(sentences: list[str]) -> dict[tuple[str, str], list[str]]:
    chain: dict[tuple[str, str], list[str]] = {}
    for sentence in sentences:
        words = ["", "", *sentence.split(), ""]
        for a, b, c in zip(words, words[1:], words[2:], strict=False):
            chain.setdefault((a, b), []).append(c)
    return chain


def _made_sentence(chain: dict[tuple[str, str], list[str]], rng: random.Random) -> str:
    words: list[str] = []
    a, b = "", ""
    while len(words) < 40:
        c = rng.choice(chain[(a, b)])
        if not c:
            break
        words.append(c)
        a, b = b, c
    return " ".join(words)


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def _deck_text(deck_id: str, entries: list[dict[str, object]]) -> str:
    lines = [f"id: {deck_id}", f"title: {deck_id}", "entries:"]
    for entry in entries:
        lead = "  - "
        for key, value in entry.items():
            shown = value if isinstance(value, int | float) else _yaml(str(value))
            if key == "date":
                shown = str(value)
            lines.append(f"{lead}{key}: {shown}")
            lead = "    "
    return "\n".join(lines) + "\n"


_NAME = re.compile(r"(?<=\s)(?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*")
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-2]\d)\b")


def article_deck(n: int, seed: int = 18) -> str:
    """``n`` entries drafted from sentences the corpus could have held, 100 per article:
    each article names its own people and places (the corpus's names, respelled per
    article), so entries leak within an article and seldom across."""
    rng = random.Random(seed)
    sentences = _sentences()
    chain = _chain(sentences)
    counts = Counter(w for s in sentences for w in re.findall(r"\b[a-z]+\b", s))
    lower = {w for w, _count in counts.most_common(300)}  # "The", "In": not names
    syllables = ["ka", "lo", "mi", "ren", "su", "ta", "vo", "zel", "ni", "par"]
    entries: list[dict[str, object]] = []
    names: dict[str, str] = {}
    while len(entries) < n:
        if len(entries) % 100 == 0:
            names = {}  # a new article
        sentence = _made_sentence(chain, rng)
        if len(sentence.split()) < 6 or "{" in sentence or "}" in sentence:
            continue
        sentence = _respell(sentence, names, lower, syllables, rng)
        entries.append(_draft(f"a{len(entries):06d}", sentence, rng))
        if rng.random() < 0.3:
            entries[-1]["explanation"] = _respell(
                _made_sentence(chain, rng), names, lower, syllables, rng
            )
        if not entries[-1].get("kind"):
            entries.pop()
    return _deck_text(f"article-{n}", entries)


def _respell(
    sentence: str, names: dict[str, str], lower: set[str], syllables: list[str], rng: random.Random
) -> str:
    def name(m: re.Match[str]) -> str:
        word = m.group()
        if word.lower() in lower:
            return word  # a common word starting a sentence
        if word not in names:
            names[word] = word + "".join(rng.choice(syllables) for _ in range(2))
        return names[word]

    return re.sub(r"\b[A-Z][a-z]+\b", name, sentence)


def _draft(entry_id: str, sentence: str, rng: random.Random) -> dict[str, object]:
    """An entry an author would write from ``sentence`` (no kind: none fits)."""
    entry: dict[str, object] = {"id": entry_id}
    year = _YEAR.search(sentence)
    names = [m for m in _NAME.finditer(sentence) if len(m.group()) >= 4]
    if year and rng.random() < 0.6:
        event = (sentence[: year.start()] + "…" + sentence[year.end() :]).strip()
        entry |= {"kind": "date", "event": event, "date": year.group()}
    elif names and rng.random() < 0.3:
        name = rng.choice(names)
        prompt = sentence[: name.start()] + "which name" + sentence[name.end() :]
        entry |= {"kind": "qa", "prompt": f"In: {prompt.rstrip('.')}?", "answer": name.group()}
    elif names:
        name = rng.choice(names)
        text = sentence[: name.start()] + "{{" + name.group() + "}}" + sentence[name.end() :]
        entry |= {"kind": "cloze", "text": text}
    entry["source"] = sentence
    return entry


def vocabulary_deck(n: int, seed: int = 18) -> str:
    """``n`` words to learn: short answers many entries share, real example sentences."""
    rng = random.Random(seed)
    sentences = _sentences()
    common = sorted(
        {w.lower() for s in sentences for w in re.findall(r"[A-Za-z]{4,}", s)}
    )  # ~4,000 English words, drawn Zipf-like below
    syllables = ["ka", "lo", "mi", "ren", "su", "ta", "vo", "zel", "ni", "par", "qu", "ost"]
    asked: list[str] = []
    seen: set[str] = set()
    while len(asked) < n:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))
        if word not in seen:
            seen.add(word)
            asked.append(word)
    entries: list[dict[str, object]] = []
    for k, word in enumerate(asked):
        answer = common[int(len(common) ** rng.random()) - 1]
        entry: dict[str, object] = {
            "id": f"v{k:06d}",
            "kind": "qa",
            "prompt": f"What does {word} mean?",
            "answer": answer,
            "explanation": rng.choice(sentences),
        }
        if rng.random() < 0.05 and k:
            entry["explanation"] = f"{entry['explanation']} See also {rng.choice(asked[:k])}."
        entries.append(entry)
    return _deck_text(f"vocabulary-{n}", entries)


def generated_deck(n: int) -> str:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from deck_tools import generate

    return str(generate(n))


DECKS = {"generated": generated_deck, "article": article_deck, "vocabulary": vocabulary_deck}


# ------------------------------------------------------------------ measuring

_CHILD = r"""
import json, sys, time, os
from studyapp.core.decks.loader import limits_from_env, parse_deck
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.authoring.lint.runner import lint_text
text = open(sys.argv[1], encoding="utf-8").read()
deck = parse_deck(text, "deck.yaml", limits=limits_from_env())
out = {}
cpu, wall = time.process_time(), time.perf_counter()
leaks = find_leaks(deck.entries)
out["find_leaks"] = (time.process_time() - cpu, time.perf_counter() - wall)
out["leaks"] = [[x.giver, x.field, x.taker, x.answer, x.item] for x in leaks]
if sys.argv[2] == "lint":
    from studyapp.core.authoring.lint import runner
    checks = {}
    def timed(name, check):
        def run(lint, deck):
            cpu = time.process_time()
            try:
                return check(lint, deck)
            finally:
                checks[name] = checks.get(name, 0.0) + time.process_time() - cpu
        return run
    for name in [n for n in vars(runner) if n.startswith("check_")]:
        setattr(runner, name, timed(name, getattr(runner, name)))
    cpu, wall = time.process_time(), time.perf_counter()
    report = lint_text(text, "deck.yaml")
    out["lint"] = (time.process_time() - cpu, time.perf_counter() - wall)
    out["checks"] = checks
    out["findings"] = [str(f) for f in report.findings]
print(json.dumps(out))
"""


def measure(src: Path, deck: Path, lint: bool) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(src), STUDYAPP_MAX_DECK_MB="200")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(deck), "lint" if lint else "leaks"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {deck.name} failed:\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def make_baseline(ref: str, into: Path) -> Path:
    """The working tree's src with the leak and lint modules as they are at ``ref``."""
    src = into / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", ref, LINT_DIR],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    shutil.rmtree(into / LINT_DIR)
    (into / LINT_DIR).mkdir()
    for path in [*OWNED, *listed]:
        shown = subprocess.run(
            ["git", "show", f"{ref}:{path}"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        (into / path).write_bytes(shown)
    return src


def _cell(runs: list[dict[str, object]], key: str) -> str:
    if not runs or key not in runs[0]:
        return f"{'-':>17s}"
    pairs = [run[key] for run in runs]
    cpu = statistics.median(float(p[0]) for p in pairs)  # type: ignore[index]
    wall = statistics.median(float(p[1]) for p in pairs)  # type: ignore[index]
    return f"{cpu:7.2f} /{wall:6.2f} s"


def _checks(runs: list[dict[str, object]]) -> str:
    """Each lint check's CPU seconds (median of runs), the slowest first; the rest of
    ``lint`` (reading the YAML, validating the model) is what they leave of its total."""
    names = {name for run in runs for name in run["checks"]}  # type: ignore[attr-defined]
    cpu = {
        name: statistics.median(float(run["checks"].get(name, 0.0)) for run in runs)  # type: ignore[attr-defined]
        for name in names
    }
    total = statistics.median(float(run["lint"][0]) for run in runs)  # type: ignore[index]
    shown = [
        f"{n.removeprefix('check_')} {s:.2f}"
        for n, s in sorted(cpu.items(), key=lambda x: -x[1])
        if s >= 0.01
    ]
    return ", ".join([*shown, f"other {total - sum(cpu.values()):.2f}"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000,50000")
    parser.add_argument("--decks", default="generated,article,vocabulary")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", type=Path, default=None, help="an older src folder")
    parser.add_argument("--baseline-ref", default=None, help="a git ref for the leak/lint code")
    parser.add_argument("--baseline-max", type=int, default=10_000, help="largest size it runs")
    parser.add_argument("--no-lint", action="store_true", help="find_leaks only")
    parser.add_argument(
        "--per-check", action="store_true", help="also each lint check's CPU seconds"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = args.baseline
        if args.baseline_ref:
            base = make_baseline(args.baseline_ref, folder / "baseline")
        trees = [("now", ROOT / "src")] + ([("before", base)] if base else [])
        print("CPU / wall seconds, median of runs; leaks = what find_leaks returns")
        print(f"{'deck':10s} {'entries':>8s} {'code':6s} {'find_leaks':>17s} {'lint':>17s} leaks")
        for name in args.decks.split(","):
            for n in sizes:
                deck = folder / f"{name}-{n}.yaml"
                deck.write_text(DECKS[name](n), encoding="utf-8")
                seen: dict[str, object] = {}
                for label, src in trees:
                    if label == "before" and n > args.baseline_max:
                        continue
                    runs = [
                        measure(src, deck, not args.no_lint)
                        for _ in range(args.runs if n <= 10_000 else 1)
                    ]
                    seen[label] = (runs[0]["leaks"], runs[0].get("findings"))
                    found = len(runs[0]["leaks"])  # type: ignore[arg-type]
                    print(
                        f"{name:10s} {n:8,d} {label:6s} {_cell(runs, 'find_leaks')} "
                        f"{_cell(runs, 'lint')} {found:,d}",
                        flush=True,
                    )
                    if args.per_check and "checks" in runs[0]:
                        print(f"{'':19s} {_checks(runs)}", flush=True)
                if len(seen) == 2:
                    same_leaks = seen["now"][0] == seen["before"][0]  # type: ignore[index]
                    same_lint = seen["now"][1] == seen["before"][1]  # type: ignore[index]
                    print(f"{'':19s} same leaks: {same_leaks}; same lint findings: {same_lint}")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s in all)")
    sys.exit(code)
