"""Chiang Sec. VI: e+ e- -> nu nubar gamma at LEP (Eq. 12, Eqs. A9-A16, Table II).

* :mod:`.phase_space` -- phase space of Eq. (12) and the invariants of Eqs. (A9)-(A11);
* :mod:`.amplitudes` -- |M|^2 of Eqs. (A12)-(A16) (with the known-issue corrections) and its
  decomposition into m_X-independent kernels;
* :mod:`.reference` -- an independent evaluation of the Feynman diagrams with Dirac matrices;
* :mod:`.table2` -- Table II (data/lep_table2.yaml) and the cut reading;
* :mod:`.xsec` -- SM sigma per row and sigma^X per row as a quadratic form at (m_X, Gamma_X);
* :mod:`.cache` -- the content-keyed on-disk cache of the kernel tables.

The constraint itself is :mod:`xboson.experiments.lep` (``constraints.get('lep', m_x, gamma_x)``).
"""

from .xsec import sigma_sm, sigma_sm_fast, x_coefficients, x_forms  # noqa: F401

__all__ = ["sigma_sm", "sigma_sm_fast", "x_coefficients", "x_forms"]
