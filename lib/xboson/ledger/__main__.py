"""``python -m xboson.ledger --write-snapshot tests/ledger_status.json``: pin every row's status.

Run it only on purpose, when a row's status changes for a reason you can state in the commit
message (a better computation, a corrected reading); ``tests/test_ledger.py`` fails until then.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import status_snapshot


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m xboson.ledger", description=__doc__.splitlines()[0])
    ap.add_argument("--write-snapshot", metavar="FILE", required=True, type=Path,
                    help="write {id: status} of every ledger row to FILE (JSON)")
    args = ap.parse_args(argv)
    snap = status_snapshot()
    args.write_snapshot.write_text(json.dumps(snap, indent=1) + "\n")
    counts = {s: list(snap.values()).count(s) for s in sorted(set(snap.values()))}
    print(f"wrote {len(snap)} rows to {args.write_snapshot}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
