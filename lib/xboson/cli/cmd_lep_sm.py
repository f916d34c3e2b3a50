"""``xboson lep-sm [--json]``: tree-level SM sigma(e+e- -> nu nubar gamma) for each row of
Chiang Table II (Eq. 12 with Eqs. A12-A16 and the Table II cuts), next to the paper's value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .main import add_json_flag

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lep-sm", help="SM e+e- -> nu nubar gamma per Chiang Table II row (pb)")
    p.add_argument("--fast", action="store_true", help="1%% accuracy, no cached tables")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> list[dict[str, str | float]]:
    from ..lep import table2, xsec
    from ..units import pb

    ours = xsec.sigma_sm_fast() if args.fast else xsec.sigma_sm()
    out = []
    for row, val in zip(table2.rows(), ours):
        out.append({"experiment": row.experiment, "reference": row.reference, "sqrt_s": row.sqrt_s,
                    "cuts": row.cuts_printed, "paper_sigma_sm": round(row.sigma_sm / pb, 6),
                    "our_sigma_sm": round(float(val) / pb, 4),
                    "ratio": round(float(val) / row.sigma_sm, 4)})
    return out
