"""Units. Everything inside :mod:`xboson` is in natural units with energies in GeV.

Follows the hepunits convention: multiply a number by its unit to bring it into GeV,
divide by the unit to read it out, e.g. ``5 * MeV`` is 0.005 (GeV) and ``m_x / MeV``
prints a mass in MeV. Cross sections are GeV^-2 inside; :data:`cm2` converts at the edges.
"""

__all__ = ["HBARC2_GEV2_CM2", "HBARC_GEV_M"]

GeV = 1.0
MeV = 1.0e-3
keV = 1.0e-6
eV = 1.0e-9

#: (hbar c)^2 in GeV^2 cm^2 (PDG 2012, Phys. Rev. D 86, 010001): 1 GeV^-2 = 0.3893794e-27 cm^2.
HBARC2_GEV2_CM2 = 0.3893794e-27
#: one cm^2 expressed in GeV^-2; ``sigma / cm2`` turns a GeV^-2 cross section into cm^2.
cm2 = 1.0 / HBARC2_GEV2_CM2
#: one picobarn in GeV^-2 (1 pb = 1e-36 cm^2).
pb = 1.0e-36 * cm2
#: (hbar c) in GeV m, for decay lengths: l = beta gamma * hbar c / Gamma.
HBARC_GEV_M = 0.1973269e-15
