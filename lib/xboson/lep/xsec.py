"""Cross sections of e+e- -> nu nubar gamma per Chiang Table II row: SM and X as a quadratic form.

Chiang Eq. (12) with the squared amplitudes (A12)-(A16) (:mod:`xboson.lep.amplitudes`). The
flavour-summed |M|^2 is, exactly (:func:`xboson.lep.amplitudes.kernels`),

    sum_j (|G_L^jj|^2 KL + |G_R^jj|^2 KR) + Re(conj(G_L^ee) KB) + KP + 2 sum_{j<l} (...)

with G_C^{ll'} = delta z_C(s') + C_ll' h(s') / g^2 and h = 1/(s' - m_X^2 + i Gamma_X m_X).
Everything that depends on the photon and neutrino *angles* (and on the cuts) sits in the
kernels; m_X and Gamma_X enter only through h(s'). So, per row, we tabulate once

    k(x) = 1/(8 (4 pi)^4) x int dy dOmega*  {KL, KR, KB, KP}      (x = 2E_gamma/sqrt(s) = 1 - s'/s)

at Chebyshev nodes on a few smooth pieces of the x acceptance (pieces end at the kinks of the
cut boundary; at an x_T threshold with |y| from 0 the variable u = sqrt(x - x_T) is used).
Then for any pole (m^2, gamma = m Gamma) the integrals int k |h|^2 dx and int k h dx are done
with a first-order *resonance subtraction*:

    int k w = k(s0) int w + k'(s0) int (s'-s0) w + int [k - k(s0) - k'(s0)(s'-s0)] w,

s0 = m^2 clipped to the piece, the first two integrals in closed form (arctan, log) and the
smooth remainder by Fejer quadrature on the same nodes. For a narrow X this is the narrow-width
treatment (the k(m^2) pi/(m Gamma) term, on-shell gamma + X with X -> nu nubar) with its
corrections; it is exact for any width up to the quadrature of a smooth remainder. The same
machinery integrates the Z resonance of the SM.

The tables are cached on disk (:mod:`xboson.lep.cache`), keyed by a hash of the code, the
cuts, the constants and the resolution, so they can never be stale; without a cache the
default resolution takes a few seconds for all 39 rows.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .. import couplings
from ..constants import COS2_W, GAMMA_Z, GBAR_L, GBAR_R, M_Z
from ..quadform import QuadraticForm
from ..validation import mass, width
from . import cache, table2
from .amplitudes import G2, G4, kernels
from .phase_space import invariants, momenta

__all__ = ["COLS", "PS_NORM", "Resolution", "DEFAULT", "FAST", "Piece", "pieces", "angular_kernels",
           "TABLE_ARRAYS", "Tables", "tabulate", "tables", "cached_tables", "sigma_sm_from", "sigma_sm",
           "sigma_sm_fast", "XCoefficients", "x_coefficients", "x_forms"]

#: kernel columns of a table
COLS = ("KL", "KR", "KBr", "KBi", "KP")
PS_NORM = 1.0 / (8.0 * (4.0 * math.pi) ** 4)   # Eq. (12) with E dE = s x dx / 4


@dataclass(frozen=True)
class Resolution:
    """Quadrature sizes: Chebyshev nodes per x piece, Gauss nodes in eta = atanh(y) per y
    interval, Gauss nodes in cos theta*, midpoint nodes in phi*."""

    n_x: int = 24
    n_eta: int = 12
    n_cos: int = 10
    n_phi: int = 10

    def key(self) -> tuple:
        return (self.n_x, self.n_eta, self.n_cos, self.n_phi)


#: default (tables cached on disk), and a fast one for the SM benchmark (1% target)
DEFAULT = Resolution()
FAST = Resolution(n_x=16, n_eta=6, n_cos=6, n_phi=6)


# ----------------------------------------------------------------------------- pieces
@dataclass(frozen=True)
class Piece:
    """An x interval [xa, xb] of one box on which the kernels are smooth; ``sqrt_map``: the
    y range opens like sqrt(x - xa) at xa (x_T threshold), so nodes are placed in u = sqrt."""

    xa: float
    xb: float
    sqrt_map: bool
    box: table2.Box


def pieces(row: table2.Row) -> list[Piece]:
    """Smooth x pieces of a row's acceptance (see module doc)."""
    out = []
    for b in row.boxes:
        xhi = min(b.x_max, 1.0)
        if b.xt_min > 0:
            x_thr = b.xt_min / math.sqrt(1.0 - b.y_abs_min**2)
            xlo = max(b.x_min, x_thr)
            sqrt_map = b.y_abs_min == 0.0 and b.x_min <= b.xt_min
            xk = b.xt_min / math.sqrt(1.0 - b.y_abs_max**2) if b.y_abs_max < 1 else math.inf
            if xlo < xk < xhi:
                out += [Piece(xlo, xk, sqrt_map, b), Piece(xk, xhi, False, b)]
            elif xk >= xhi:
                out.append(Piece(xlo, xhi, sqrt_map, b))
            else:
                out.append(Piece(xlo, xhi, False, b))
        else:
            out.append(Piece(b.x_min, xhi, False, b))
    return [p for p in out if p.xb > p.xa]


def _cheb_nodes(n):
    th = (2 * np.arange(n) + 1) * np.pi / (2 * n)
    t = np.cos(th)
    j = np.arange(1, n // 2 + 1)
    w = 2.0 / n * (1 - 2 * np.sum(np.cos(2 * np.outer(th, j)) / (4 * j * j - 1), axis=1))
    return t, w, th


def _x_of_u(p: Piece, u):
    return p.xa + (p.xb - p.xa) * (u * u if p.sqrt_map else u)


def _dxdu(p: Piece, u):
    return (p.xb - p.xa) * (2 * u if p.sqrt_map else np.ones_like(u))


def _y_bounds(box: table2.Box, x):
    yb = np.full_like(x, box.y_abs_max)
    if box.xt_min > 0:
        yb = np.minimum(yb, np.sqrt(np.clip(1 - (box.xt_min / x) ** 2, 0, None)))
    return box.y_abs_min, yb


def _tabulate_piece(row: table2.Row, p: Piece, res: Resolution) -> np.ndarray:
    """Kernel values k(x) at the Chebyshev nodes of a piece: shape (n_x, 5)."""
    t, _, _ = _cheb_nodes(res.n_x)
    return angular_kernels(row.sqrt_s, p.box, _x_of_u(p, 0.5 * (1 + t)), res)


def angular_kernels(sqrt_s: float, box: table2.Box, x: float | np.ndarray, res: Resolution = DEFAULT) -> np.ndarray:
    """k(x) = 1/(8 (4 pi)^4) x int dy dOmega* {KL, KR, Re KB, Im KB, KP} over the box's y range
    at photon energy fractions x (array) [KL, KR in GeV^2, KB in GeV^0, KP in GeV^-2 per unit x].

    y is integrated in eta = atanh(y) (Gauss-Legendre; this absorbs the 1/(1 - y^2) of the
    collinear kappa_+ kappa_- denominators), cos theta* by Gauss-Legendre, phi* by the midpoint
    rule. Shape (len(x), 5).
    """
    x = np.atleast_1d(np.asarray(x, dtype=float))
    ylo, yb = _y_bounds(box, x)
    ge, gw = np.polynomial.legendre.leggauss(res.n_eta)
    ea = math.atanh(ylo)
    eb = np.arctanh(np.clip(yb, ylo, 1 - 1e-15))
    eta = ea + (eb[:, None] - ea) * 0.5 * (1 + ge[None, :])                  # (nx, neta)
    y = np.tanh(eta)
    wy = (eb[:, None] - ea) * 0.5 * gw[None, :] * (1 - y * y)
    y = np.concatenate([y, -y], axis=1)
    wy = np.concatenate([wy, wy], axis=1)                                     # (nx, 2 neta)
    gc, gcw = np.polynomial.legendre.leggauss(res.n_cos)
    phi = (np.arange(res.n_phi) + 0.5) * 2 * np.pi / res.n_phi
    wphi = 2 * np.pi / res.n_phi
    pt = momenta(sqrt_s, x[:, None, None, None], y[:, :, None, None], gc[None, None, :, None],
                 phi[None, None, None, :])
    ker = kernels(invariants(pt))
    w = (wy[:, :, None, None] * gcw[None, None, :, None] * wphi)
    out = np.empty((len(x), 5))
    for k, v in enumerate((ker["KL"], ker["KR"], ker["KB"].real, ker["KB"].imag, ker["KP"])):
        out[:, k] = PS_NORM * x * np.sum(v * w, axis=(1, 2, 3))
    return out


# ----------------------------------------------------------------------------- tables
#: the arrays that define a :class:`Tables` (what the on-disk cache stores)
TABLE_ARRAYS = ("row_of_piece", "xa", "xb", "sqrt_map", "s", "values", "n_rows")


@dataclass(frozen=True)
class Tables:
    """Kernel tables of all rows, flattened over pieces (shape (P, n_x, 5) for ``values``).
    Build with :meth:`build`, which also fills ``derived`` (the Chebyshev coefficients, node
    positions and weights used by :meth:`pole_integrals`)."""

    res: Resolution
    row_of_piece: np.ndarray      # (P,)
    xa: np.ndarray                # (P,)
    xb: np.ndarray
    sqrt_map: np.ndarray          # (P,) bool
    s: np.ndarray                 # (P,) s of the piece's row [GeV^2]
    values: np.ndarray            # (P, n_x, 5)
    n_rows: int
    derived: dict = field(repr=False, compare=False)

    @classmethod
    def build(cls, res: Resolution, row_of_piece: np.ndarray, xa: np.ndarray, xb: np.ndarray, sqrt_map: np.ndarray,
              s: np.ndarray, values: np.ndarray, n_rows: int | np.ndarray) -> Tables:
        """Tables from the raw arrays (as tabulated or read from the cache)."""
        row_of_piece, xa, xb = np.asarray(row_of_piece), np.asarray(xa, float), np.asarray(xb, float)
        sqrt_map, s, values = np.asarray(sqrt_map, bool), np.asarray(s, float), np.asarray(values, float)
        if not np.all(np.isfinite(values)):
            raise RuntimeError("LEP kernel tables hold non-finite values (a bug in the tabulation)")
        return cls(res, row_of_piece, xa, xb, sqrt_map, s, values, int(n_rows),
                   _derive(res, row_of_piece, xa, xb, sqrt_map, s, values))

    def arrays(self) -> dict:
        """The raw arrays, named as in :data:`TABLE_ARRAYS`."""
        return {n: getattr(self, n) for n in TABLE_ARRAYS}

    def _eval(self, s0):
        """Kernel values and d/ds' at s' = s0 (P,) from the Chebyshev interpolants."""
        d = self.derived
        omx0 = s0 / self.s                       # 1 - x0, exact even where s0 << s (m_X -> 0)
        x0 = 1 - omx0
        u0 = (x0 - self.xa) / (self.xb - self.xa)
        u0 = np.clip(u0, 0.0, 1.0)
        u0 = np.where(self.sqrt_map, np.sqrt(u0), u0)
        t0 = np.clip(2 * u0 - 1, -1.0, 1.0)
        th0 = np.arccos(t0)
        j = np.arange(self.res.n_x)
        T = np.cos(np.outer(th0, j))                                       # (P, n)
        sin0 = np.sin(th0)
        small = sin0 < 1e-9
        with np.errstate(invalid="ignore", divide="ignore"):
            dT = np.where(small[:, None], (np.sign(t0)[:, None] ** (j + 1)) * j * j,
                          j * np.sin(np.outer(th0, j)) / np.where(small, 1.0, sin0)[:, None])
        g0 = np.einsum("pj,pjc->pc", T, d["coef"])
        dgdt = np.einsum("pj,pjc->pc", dT, d["coef"])
        dxdu = (self.xb - self.xa) * np.where(self.sqrt_map, 2 * u0, 1.0)
        ok = dxdu > 0.1 * (self.xb - self.xa)         # no derivative at a sqrt threshold
        dgdx = np.where(ok[:, None], dgdt * 2.0 / np.where(ok, dxdu, 1.0)[:, None], 0.0)
        n0, dn0 = _norm(x0, omx0)
        f0 = g0 * n0
        dfdx = np.where(ok[:, None], dgdx * n0 + g0 * dn0, 0.0)
        return f0, -dfdx / self.s[:, None]

    def pole_integrals(self, m2: float, gamma: float,
                       cols: Iterable[int] = (0, 1, 2, 3)) -> tuple[np.ndarray, np.ndarray]:
        """Per row: Q[c] = int k_c |h|^2 dx and H[c] = int k_c h dx for kernel columns ``cols``,
        h = 1/(s' - m2 + i gamma) [m2, gamma in GeV^2]. Returns (Q (R, nc), H (R, nc) complex)."""
        d = self.derived
        cols = list(cols)
        sa, sb = d["sa"], d["sb"]
        s0 = np.clip(m2, sa, sb)
        f0, f1 = self._eval(s0)
        da, db = sa - m2, sb - m2
        # a pole farther from a piece than the piece's length: |h|^2 and h are smooth on it and the
        # plain quadrature is exact to rounding (no subtraction, so int k |h|^2 stays >= 0; this is
        # also the contact limit m_X^2 >> s)
        far = np.minimum(np.abs(da), np.abs(db)) > (sb - sa)
        f0 = np.where(far[:, None], 0.0, f0[:, cols])
        f1 = np.where(far[:, None], 0.0, f1[:, cols])
        same = da * db > 0
        # int |h|^2 ds' without cancellation when the pole is outside
        a0 = np.where(same, np.arctan(gamma * (sb - sa) / np.where(same, gamma**2 + da * db, 1.0)),
                      np.arctan(db / gamma) - np.arctan(da / gamma)) / gamma
        a1 = 0.5 * np.log((db**2 + gamma**2) / (da**2 + gamma**2)) + (m2 - s0) * a0
        b0 = np.log((db + 1j * gamma) / (da + 1j * gamma))
        b1 = (sb - sa) + (m2 - s0 - 1j * gamma) * b0
        sp = d["sp"]
        h = 1.0 / (sp - m2 + 1j * gamma)                                   # (P, n)
        h2 = 1.0 / ((sp - m2) ** 2 + gamma**2)
        rem = self.values[:, :, cols] - f0[:, None, :] - f1[:, None, :] * (sp - s0[:, None])[:, :, None]
        wx = d["wx"][:, :, None]
        q = (f0 * a0[:, None] + f1 * a1[:, None]) / self.s[:, None] + np.sum(wx * rem * h2[:, :, None], axis=1)
        hh = (f0 * b0[:, None] + f1 * b1[:, None]) / self.s[:, None] + np.sum(wx * rem * h[:, :, None], axis=1)
        return np.add.reduceat(q, d["starts"], axis=0), np.add.reduceat(hh, d["starts"], axis=0)

    def plain_integral(self, col: int) -> np.ndarray:
        """Per row: int k_col dx (no propagator)."""
        d = self.derived
        return np.add.reduceat(np.sum(d["wx"] * self.values[:, :, col], axis=1), d["starts"])


def _derive(res, row_of_piece, xa, xb, sqrt_map, s, values) -> dict:
    """Chebyshev interpolants of k / n(x) per piece, node positions s' and Fejer weights."""
    t, w, th = _cheb_nodes(res.n_x)
    u = 0.5 * (1 + t)
    span = (xb - xa)[:, None]
    uu = np.where(sqrt_map[:, None], u[None, :] ** 2, u[None, :])
    x = xa[:, None] + span * uu
    dxdu = span * np.where(sqrt_map[:, None], 2 * u[None, :], 1.0)
    n = res.n_x
    j = np.arange(n)
    basis = np.cos(np.outer(th, j))                  # T_j(t_k), (n_nodes, n_coef)
    # interpolate g = k / n(x): n = (1-x)/x for KL, KR (which vanish like s' at x -> 1) and
    # 1/x for KB, KP; g is then a low-degree polynomial or a smooth rational function of x
    g = values / _norm(x)[0]
    coef = np.einsum("kj,pkc->pjc", basis, g) * (2.0 / n)
    coef[:, 0, :] *= 0.5
    starts = np.flatnonzero(np.r_[True, np.diff(row_of_piece) != 0])
    return dict(x=x, sp=s[:, None] * (1 - x), wx=0.5 * w[None, :] * dxdu, coef=coef, starts=starts,
                sa=s * (1 - xb), sb=s * (1 - xa), P=len(xa))


def _norm(x, one_minus_x=None):
    """Normalisation n(x) of the five kernel columns and dn/dx, shape x.shape + (5,).
    ``one_minus_x`` (= s'/s) may be given where 1 - x would round to zero."""
    x = np.asarray(x, dtype=float)[..., None]
    omx = 1 - x if one_minus_x is None else np.asarray(one_minus_x, dtype=float)[..., None]
    lr = omx / x
    inv = 1 / x
    n = np.concatenate([lr, lr, inv, inv, inv], axis=-1)
    dn = np.concatenate([-1 / x**2] * 5, axis=-1)
    return n, dn


def tabulate(res: Resolution = DEFAULT, rows: Sequence[table2.Row] | None = None) -> Tables:
    """Tabulate the kernels of all Table II rows (no cache)."""
    rows = table2.rows() if rows is None else rows
    rp, xa, xb, sq, ss, vals = [], [], [], [], [], []
    for i, r in enumerate(rows):
        for p in pieces(r):
            rp.append(i), xa.append(p.xa), xb.append(p.xb), sq.append(p.sqrt_map), ss.append(r.s)
            vals.append(_tabulate_piece(r, p, res))
    return Tables.build(res, np.array(rp), np.array(xa), np.array(xb), np.array(sq, bool), np.array(ss),
                        np.array(vals), len(rows))


@functools.lru_cache(maxsize=4)
def tables(res: Resolution = DEFAULT) -> Tables:
    """Kernel tables of all Table II rows at resolution ``res``, from the on-disk cache when
    it holds them for exactly this code, data and resolution (:mod:`xboson.lep.cache`)."""
    return cached_tables(res)


def cached_tables(res: Resolution = DEFAULT) -> Tables:
    """Kernel tables from the on-disk cache (rebuilt and stored if absent or invalid); no memo."""
    arrays = cache.cached_arrays(res, TABLE_ARRAYS, lambda: tabulate(res).arrays())
    return Tables.build(res, **arrays)


# ----------------------------------------------------------------------------- physics
def sigma_sm_from(tab: Tables) -> np.ndarray:
    """SM sigma per row [GeV^-2] from kernel tables: Eq. (12) with L = R = 0, three flavours.

    = 3 (gL^2 Q_Z[KL] + gR^2 Q_Z[KR]) / (4 c_W^4) + gL/(2 c_W^2) Re conj(Z-pole int) KB + int KP.
    """
    q, h = tab.pole_integrals(M_Z**2, M_Z * GAMMA_Z)
    z2 = 3.0 * (GBAR_L**2 * q[:, 0] + GBAR_R**2 * q[:, 1]) / (4.0 * COS2_W**2)
    zb = GBAR_L / (2.0 * COS2_W) * np.real(np.conj(h[:, 2]) + 1j * np.conj(h[:, 3]))
    return z2 + zb + tab.plain_integral(4)


def sigma_sm(res: Resolution = DEFAULT) -> np.ndarray:
    """Our tree-level SM sigma(e+e- -> nu nubar gamma) for the 39 Table II rows [GeV^-2]."""
    return sigma_sm_from(tables(res))


def sigma_sm_fast() -> np.ndarray:
    """SM per row at the FAST resolution, tabulated from scratch (no cache): ~1% accuracy."""
    return sigma_sm_from(tabulate(FAST))


@dataclass(frozen=True)
class XCoefficients:
    """Per-row coefficients of sigma^X (Chiang Eq. 12) at one (m_X, Gamma_X) [GeV^-2]:

    sigma^X = sum_{j} (lin_L[j] L_jj + lin_R[j] R_jj + quad_L L_jj^2 + quad_R R_jj^2)
              + 2 sum_{j<l} (quad_L L_jl^2 + quad_R R_jl^2),
    lin_*[e] includes the X-W interference. Arrays have one entry per row."""

    m_x: float
    gamma_x: float
    lin_L_ee: np.ndarray
    lin_L: np.ndarray        # mumu, tautau (Z interference only)
    lin_R: np.ndarray
    quad_L: np.ndarray
    quad_R: np.ndarray

    def form(self, i: int) -> QuadraticForm:
        """sigma^X of row i as a QuadraticForm over couplings.BASIS (const 0) [GeV^-2]."""
        lin = np.zeros(couplings.DIM)
        quad = np.zeros(couplings.DIM)
        for pair in couplings.PAIRS:
            li, ri = couplings.index("L", pair), couplings.index("R", pair)
            if pair in ("ee", "mumu", "tautau"):
                lin[li] = self.lin_L_ee[i] if pair == "ee" else self.lin_L[i]
                lin[ri] = self.lin_R[i]
                quad[li], quad[ri] = self.quad_L[i], self.quad_R[i]
            else:
                quad[li], quad[ri] = 2 * self.quad_L[i], 2 * self.quad_R[i]
        return QuadraticForm(0.0, lin, np.diag(quad))


_ZTAB = {}


def x_coefficients(m_x: float, gamma_x: float, res: Resolution = DEFAULT) -> XCoefficients:
    """Coefficients of sigma^X for all rows at m_X, Gamma_X [GeV] (X + X-SM interference).

    Linear terms use 1/(conj(D_Z) D_X) = (1/conj(D_Z) - 1/D_X) / (D_X - conj(D_Z)) so that only
    single-pole integrals are needed; the Z-pole ones are m_X independent and kept.
    """
    m_x = mass("m_x", m_x)
    gamma_x = width("gamma_x", gamma_x, m_x)
    tab = tables(res)
    key = res.key()
    if key not in _ZTAB:
        _ZTAB[key] = tab.pole_integrals(M_Z**2, M_Z * GAMMA_Z, cols=(0, 1))[1]
    hz = _ZTAB[key]
    m2, gam = m_x * m_x, m_x * gamma_x
    q, h = tab.pole_integrals(m2, gam)
    c0 = (M_Z**2 - m2) + 1j * (gam + M_Z * GAMMA_Z)
    lin_l = GBAR_L / (G2 * COS2_W) * np.real((np.conj(hz[:, 0]) - h[:, 0]) / c0)
    lin_r = GBAR_R / (G2 * COS2_W) * np.real((np.conj(hz[:, 1]) - h[:, 1]) / c0)
    lin_w = np.real(np.conj(h[:, 2]) + 1j * np.conj(h[:, 3])) / G2
    return XCoefficients(m_x, gamma_x, lin_l + lin_w, lin_l, lin_r, q[:, 0] / G4, q[:, 1] / G4)


def x_forms(m_x: float, gamma_x: float, res: Resolution = DEFAULT) -> list[QuadraticForm]:
    """sigma^X per Table II row as QuadraticForms over couplings.BASIS [GeV^-2]."""
    xc = x_coefficients(m_x, gamma_x, res)
    return [xc.form(i) for i in range(len(xc.quad_L))]
