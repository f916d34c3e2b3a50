"""``xboson recast --model FILE.yaml|NAME --m-x GEV[,GEV...] [--gamma-x GEV] [--json] [--plot FILE]``:
upper limits on a model's overall coupling from every constraint of both papers.

    xboson recast --model B-L --m-x 0.01,1 --json
    xboson recast --model my_model.yaml --m-x 0.05 --plot limits.svg
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .main import add_json_flag

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]

_EPILOG = """\
--model is a registered name (B-L, C, D, E, F, G, Lmu-Ltau, Lmu-Ltau-loop, dark-photon, L_ee, V_ee, ..., g_Le, g_Ve, ...;
Chiang's spellings Lee, gLe also work) or a YAML file (schema: python -m pydoc xboson.models.user).
One JSON row per (constraint, mass) with keys: constraint, m_x [GeV], coupling_upper (null unless
status is "limit" or "excluded"), applies, status ("limit", "unbounded", "excluded", "not-applicable"),
note, paper, limit_kind, allowed (allowed |g| intervals, where exact), reopens_above (beam dumps),
gamma_x (LEP), model, coupling (the name of the model's overall coupling), model_note.
--gamma-x is the X total width used by LEP (default: Chiang's Fig. 3 choice). Masses 1e-4 to 100 GeV.
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    p = sub.add_parser("recast", help="limits on any model's coupling from both papers' constraints",
                       epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True, help="registered model name or YAML model file")
    p.add_argument("--m-x", required=True, help="X mass(es) [GeV], comma-separated, e.g. 0.01,0.1,1")
    p.add_argument("--gamma-x", type=float, default=None, help="X total width [GeV] for LEP")
    p.add_argument("--constraint", default=None, help="only these constraints (comma-separated)")
    p.add_argument("--plot", default=None, metavar="FILE.png|svg", help="draw the limits against m_X")
    add_json_flag(p)
    p.set_defaults(func=run)


def _option(name: str, value):
    """An option's text; argparse hands ``--opt=--`` over as an empty list: our input error."""
    from ..errors import InputError

    if value is not None and not isinstance(value, str):
        raise InputError(f"{name}: needs a value (got an empty one)")
    return value


def _masses(text: str) -> list[float]:
    from ..errors import InputError

    text = _option("--m-x", text)
    try:
        return [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise InputError(f"m_x must be comma-separated numbers in GeV (got {text!r})") from None


def run(args: argparse.Namespace) -> list[dict]:
    from pathlib import Path

    from ..errors import InputError
    from ..recasting import recast

    plot = None
    for name in ("model", "plot", "constraint"):
        _option(f"--{name}", getattr(args, name))
    if args.plot is not None:
        plot = Path(args.plot)
        if plot.suffix.lower() not in (".png", ".svg"):
            raise InputError(f"plot must end in .png or .svg (got {args.plot!r})")
        if not plot.parent.is_dir():
            raise InputError(f"plot: no such directory {str(plot.parent)!r}")
    wanted = None if args.constraint is None else [c.strip() for c in args.constraint.split(",") if c.strip()]
    result = recast(args.model, _masses(args.m_x), args.gamma_x, constraints=wanted)
    if plot is not None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        from ..recast_plot import draw_limits

        fig, ax = plt.subplots(figsize=(7, 4.5))
        draw_limits(ax, result)
        fig.tight_layout()
        fig.savefig(plot)
        plt.close(fig)
    return result.rows()
