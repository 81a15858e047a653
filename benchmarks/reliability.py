"""kill -9 figures for more rounds than the test suite runs (never fails on time).

.venv/bin/python benchmarks/reliability.py [ROUNDS] [SEED]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.core.store.killrounds import kill_rounds


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20260302
    with tempfile.TemporaryDirectory(prefix="studyapp-kill9-") as folder:
        figures = kill_rounds(Path(folder), rounds, seed)
    print(f"kill -9, {rounds} rounds (seed {seed}): {figures}")
    sys.exit(0 if figures.lost == 0 and figures.unreadable_opens == 0 else 1)


if __name__ == "__main__":
    main()
