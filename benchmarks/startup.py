"""Launch to the first painted home screen, beside a bare Textual hello-world app.

    python benchmarks/startup.py [--quick | --cards N [--reviews M]] [--runs 7] [--keep DIR]

How "first paint" is measured, honestly: each app is a real subprocess on a
real pseudo-terminal (``pty.openpty``, 120x36, ``TERM=xterm-256color``), as a
learner's terminal would run it. The clock starts just before the process is
spawned and stops when the terminal receives the bytes of the first frame
that shows the screen's content: ``Hello, world!`` for the bare app, and the
home screen's summary line (``N entries ... in N decks``: the deck list is there)
for studyapp. For studyapp a second time is taken too, when today's counts are on
the terminal (``Today: N due``): the home screen paints its decks first and
counts them just after (with 200,000 cards, a tenth of a second or more); before
issue 18 both came in one frame. Then ``ctrl+q`` is sent and the process is left
to quit; quitting is not timed. No hook in the app is needed: what is measured is
what reaches the terminal.

Both run as an installed app does, with bytecode cached (pip compiles it on
install; here it goes to a temporary ``PYTHONPYCACHEPREFIX``, filled by the
warm-up round, even where ``PYTHONDONTWRITEBYTECODE`` is set).

Apps launched: the bare app is ``python hello.py`` (a ``Label`` in an
``App``); studyapp is the installed ``studyapp`` console script. Four cases,
interleaved round by round so the noise of the machine falls on all alike:

* bare Textual hello world;
* for reference, a Textual app showing what the home screen shows (a title
  line, a summary line, the deck list's heading line and an OptionList with one
  row, a line of the home screen's keys) and nothing else: the part of
  studyapp's start that is Textual's own;
* studyapp with the bundled decks (an empty progress folder at first);
* studyapp with 50,000 cards and 500,000 past reviews (``engine.py``'s
  workload; the progress folder is restored before every run, so each start
  replays the same 200-answer journal). ``--cards 200000`` makes it 200,000
  cards (and ten past reviews a card unless ``--reviews`` says otherwise);
  ``--keep DIR`` keeps the workload in DIR and reuses it on the next run with
  the same sizes (as ``engine.py --keep``).

One warm-up round first (compiles bytecode, fills the deck cache and the page
cache, as any earlier start would have). Medians over ``--runs`` (>= 7).
Prints figures; never fails on time.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine import DECK_CAP_ENV, pct, reusable_workload  # benchmarks/: run as a script

TARGET_BUNDLED = 1.25
TARGET_LARGE = 2.0
COLUMNS, ROWS = 120, 36
TIMEOUT = 60.0
QUIT_TIMEOUT = 30.0
"""Seconds left to quit once timed (not timed: killed after it)."""
WARM_UP_TIMEOUT = 900.0
"""The warm-up fills the deck cache: 200,000 cards read from YAML take a minute or more."""

HELLO = """\
from textual.app import App, ComposeResult
from textual.widgets import Label


class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Hello, world!")


if __name__ == "__main__":
    Hello().run()
"""

WIDGETS = """\
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static


class Home(Screen[None]):
    BINDINGS = [(key, "bell", name) for key, name in [
        ("s", "Study"), ("a", "Study all"), ("q", "Quiz"), ("b", "Browse"),
        ("t", "Stats"), ("comma", "Settings"), ("question_mark", "Help"),
    ]]

    def compose(self) -> ComposeResult:
        yield Static("studyapp")
        yield Static(id="summary")
        yield Static("Deck    New  Learn  Due  Mastered   Last studied")
        yield OptionList("A deck  20   0      0    0% of 122  never")
        yield Static(" s Study  a Study all  q Quiz  b Browse  t Stats  , Settings  ? Help")

    def on_mount(self) -> None:
        self.query_one("#summary", Static).update("Today: 0 due")
        self.query_one(OptionList).focus()


class Widgets(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Home())


if __name__ == "__main__":
    Widgets().run()
"""


@dataclass
class Case:
    name: str
    command: list[str]
    marker: bytes
    env: dict[str, str]
    cwd: Path
    restore: tuple[Path, Path] | None = None
    """(pristine, live): copy pristine over live before each run."""
    times: list[float] = field(default_factory=list)
    then: bytes | None = None
    """A second marker, timed too (studyapp: home's counts)."""
    then_times: list[float] = field(default_factory=list)


PAINTED = b"entries"
"""Home's summary line ("102 entries ... in 1 deck"), with the deck list: the first
frame of home."""
COUNTED = b"Today:"
"""Home's summary with today's counts (a frame after the first, since issue 18)."""


def studyapp_case(
    name: str, env: dict[str, str], cwd: Path, restore: tuple[Path, Path] | None = None
) -> Case:
    """studyapp launched, timed to home painted and to its counts shown."""
    return Case(name, studyapp_command(), PAINTED, env, cwd, restore, then=COUNTED)


def launch(case: Case, timeout: float = TIMEOUT) -> float:
    """Seconds from spawn to the marker reaching the terminal (and, if the case has a
    second marker, to that one: appended to ``case.then_times``)."""
    if case.restore is not None:
        pristine, live = case.restore
        shutil.rmtree(live, ignore_errors=True)
        shutil.copytree(pristine, live)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        case.command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=case.env,
        cwd=case.cwd,
        start_new_session=True,
    )
    os.close(slave)
    seen = seen_then = b""
    painted: float | None = None
    counted: float | None = None
    quit_sent = False
    deadline = start + timeout
    try:
        while True:
            now = time.perf_counter()
            if quit_sent and now > deadline:  # (quitting waits for the work begun after
                os.killpg(process.pid, signal.SIGKILL)  # the first frame: not timed)
                break
            if now > deadline:
                raise RuntimeError(f"{case.name}: no paint within {timeout:.0f} s: {seen[-400:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            if painted is None:
                seen = seen[-len(case.marker) :] + chunk
                if case.marker in seen:
                    painted = time.perf_counter()
            if case.then is not None and counted is None:
                seen_then = seen_then[-len(case.then) :] + chunk
                if case.then in seen_then:
                    counted = time.perf_counter()
            if painted is not None and not quit_sent and (case.then is None or counted):
                os.write(master, b"\x11")  # ctrl+q
                quit_sent = True
                deadline = time.perf_counter() + QUIT_TIMEOUT
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    if painted is None or (case.then is not None and counted is None):
        raise RuntimeError(f"{case.name}: exited ({process.returncode}) before painting")
    if counted is not None:
        case.then_times.append(counted - start)
    return painted - start


def _base_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("STUDYAPP_", "TEXTUAL"))
        and k not in ("NO_COLOR", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        COLUMNS=str(COLUMNS),
        LINES=str(ROWS),
        STUDYAPP_CONFIG=str(home / "config"),
        STUDYAPP_CACHE=str(home / "cache"),
        # Bytecode cached, as in an installed app (pip compiles on install); kept
        # out of the checkout. Every case shares it.
        PYTHONPYCACHEPREFIX=str(home.parent / "pycache"),
    )
    return env


def studyapp_command() -> list[str]:
    script = Path(sys.executable).parent / "studyapp"
    return [str(script)] if script.exists() else [sys.executable, "-m", "studyapp"]


def paired_ratio(case: Case, bare: Case, *, then: bool = False) -> float:
    """The median of per-round ratios. The machine's speed drifts over a run (other
    tenants, CPU frequency); the cases of one round run back to back, so a ratio
    within a round is less disturbed by that drift than a ratio of two medians.
    ``then``: the case's second marker's times (see :attr:`Case.then`)."""
    times = case.then_times if then else case.times
    return statistics.median(t / b for t, b in zip(times, bare.times, strict=True))


def run(args: argparse.Namespace) -> int:
    runs = args.runs or (3 if args.quick else 9)
    n_cards = 5_000 if args.quick and not args.cards else (args.cards or 50_000)
    reviews = args.reviews or 10 * n_cards
    root = Path(tempfile.mkdtemp(prefix="studyapp-startup-"))
    try:
        keep = Path(args.keep) if args.keep else root / "large"
        keep.mkdir(parents=True, exist_ok=True)
        return _run(root, keep, runs, n_cards, reviews, args.quick)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run(root: Path, large: Path, runs: int, n_cards: int, reviews: int, quick: bool) -> int:
    hello = root / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    widgets = root / "widgets.py"
    widgets.write_text(WIDGETS, encoding="utf-8")
    empty = root / "cwd"  # no ./decks here: studyapp falls back to its bundled decks
    empty.mkdir()
    per_deck = max(1, n_cards // 5)
    workload, _ = reusable_workload(large, per_deck=per_deck, reviews=reviews)
    large_live = root / "progress-live"

    bare_env = _base_env(root / "bare")
    bundled_env = _base_env(root / "bundled") | {"STUDYAPP_PROGRESS": str(root / "bundled-p")}
    large_env = (
        _base_env(root / "large-home")
        | DECK_CAP_ENV
        | {"STUDYAPP_PROGRESS": str(large_live), "STUDYAPP_DECKS": str(workload.decks)}
    )
    n_large = 5 * per_deck
    cases = [
        Case(
            "bare Textual hello world",
            [sys.executable, str(hello)],
            b"Hello, world!",
            bare_env,
            empty,
        ),
        Case(
            "reference: home's widgets, no studyapp",
            [sys.executable, str(widgets)],
            b"Today:",
            bare_env,
            empty,
        ),
        studyapp_case("studyapp, bundled decks", bundled_env, empty),
        studyapp_case(
            f"studyapp, {n_large:,} cards + {reviews:,} reviews",
            large_env,
            empty,
            restore=(workload.progress, large_live),
        ),
    ]
    for case in cases:  # warm-up: bytecode, deck cache, page cache
        launch(case, WARM_UP_TIMEOUT)
        case.then_times.clear()
    for round_ in range(runs):
        order = cases if round_ % 2 == 0 else cases[::-1]
        for case in order:
            case.times.append(launch(case))

    import textual

    print(
        f"launch to first painted screen, real subprocesses on a {COLUMNS}x{ROWS} pty; "
        f"median of {runs} runs (after 1 warm-up)"
    )
    print(
        f"python {sys.version.split()[0]}, textual {textual.__version__}, "
        f"{os.cpu_count()} cpus, {time.strftime('%Y-%m-%d')}" + ("  [--quick]" if quick else "")
    )
    bare = statistics.median(cases[0].times)
    for case in cases:
        med = statistics.median(case.times)
        print(
            f"  {case.name:42s} median {med * 1000:7.0f} ms"
            f"   p90 {pct(case.times, 90) * 1000:7.0f} ms"
            f"   min {min(case.times) * 1000:7.0f} ms   x{med / bare:4.2f}"
            f"   paired x{paired_ratio(case, cases[0]):4.2f}"
        )
        if case.then_times:
            later = statistics.median(case.then_times)
            print(
                f"  {'  its counts shown':42s} median {later * 1000:7.0f} ms"
                f"   p90 {pct(case.then_times, 90) * 1000:7.0f} ms"
                f"   min {min(case.then_times) * 1000:7.0f} ms   x{later / bare:4.2f}"
                f"   paired x{paired_ratio(case, cases[0], then=True):4.2f}"
            )
    print(
        "  (x: ratio of the medians; paired x: median over rounds of this case's time over"
        " the bare app's in the same round)"
    )
    ratio_bundled = statistics.median(cases[2].times) / bare
    ratio_large = statistics.median(cases[3].times) / bare
    print(
        f"  verdict: bundled decks <= {TARGET_BUNDLED}x bare: "
        f"{'meets' if ratio_bundled <= TARGET_BUNDLED else 'misses'} (x{ratio_bundled:.2f};"
        f" paired x{paired_ratio(cases[2], cases[0]):.2f})"
    )
    print(
        f"  verdict: {n_large:,} cards + {reviews:,} reviews <= {TARGET_LARGE}x bare: "
        f"{'meets' if ratio_large <= TARGET_LARGE else 'misses'} (x{ratio_large:.2f};"
        f" paired x{paired_ratio(cases[3], cases[0]):.2f})"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 cards, 3 runs")
    parser.add_argument("--runs", type=int, default=0, help="runs per case (default 9)")
    parser.add_argument("--cards", type=int, default=0, help="the large workload's cards")
    parser.add_argument("--reviews", type=int, default=0, help="its past reviews (10 a card)")
    parser.add_argument("--keep", metavar="DIR", help="keep the large workload in DIR, reuse it")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
