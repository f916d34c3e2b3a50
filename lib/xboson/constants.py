"""Physical constants, in GeV, with the conventions of the two papers.

Where a paper states a value we use it (Chiang et al. Sec. III and App. A):
``G_F = 1.166e-5 GeV^-2``, ``sin^2 theta_W = 0.23``, ``alpha = 1/128`` for LEP,
``g_eff = 0.6517`` and ``s^2_w,eff = 0.23146`` at the Z pole (Chiang Sec. VII).
Everything neither paper states comes from one edition of the Review of Particle
Physics: J. Beringer et al. (PDG 2012), Phys. Rev. D 86, 010001 -- the edition
Chiang et al. cite as Ref. [1]. ``data/constants.yaml`` lists the same numbers with
their sources for the book's provenance page (a test keeps the two in step).
"""

import math

from .units import MeV

__all__ = ["G_F", "SIN2_W", "COS2_W", "ALPHA_LEP", "G_EFF_ZPOLE", "SIN2_W_EFF_ZPOLE", "M_E", "M_MU", "M_TAU",
           "M_PI", "M_RHO", "GAMMA_RHO", "M_W", "GAMMA_W", "M_Z", "GAMMA_Z", "ALPHA_0", "G2_WEAK",
           "M_Z_TREE", "GBAR_L", "GBAR_R"]

# --- Chiang et al. conventions -------------------------------------------------
G_F = 1.166e-5            #: Fermi constant [GeV^-2], Chiang Sec. III
SIN2_W = 0.23             #: sin^2 theta_W, Chiang Sec. III
COS2_W = 1.0 - SIN2_W
ALPHA_LEP = 1.0 / 128.0   #: fine-structure constant at LEP energies, Chiang App. A
G_EFF_ZPOLE = 0.6517      #: effective SU(2) coupling at the Z pole, Chiang Sec. VII
SIN2_W_EFF_ZPOLE = 0.23146  #: effective mixing angle at the Z pole, Chiang Sec. VII

# --- PDG 2012 masses and widths (GeV) ------------------------------------------
M_E = 0.510998928 * MeV    #: electron mass
M_MU = 105.6583715 * MeV   #: muon mass
M_TAU = 1776.82 * MeV      #: tau mass
M_PI = 139.57018 * MeV     #: charged-pion mass
M_RHO = 775.49 * MeV       #: rho(770) mass
GAMMA_RHO = 149.1 * MeV    #: rho(770) width
M_W = 80.385               #: W mass
GAMMA_W = 2.085            #: W width
M_Z = 91.1876              #: Z mass (pole, used where the Z resonance itself matters: LEP, Z pole)
GAMMA_Z = 2.4952           #: Z width
ALPHA_0 = 1.0 / 137.035999074  #: fine-structure constant at q^2 = 0

# --- derived, tree-level consistent with G_F and sin^2 theta_W --------------------
#: SU(2) gauge coupling squared from G_F = g^2 / sqrt(32 m_W^4) (Chiang after Eq. 7).
G2_WEAK = 4.0 * math.sqrt(2.0) * G_F * M_W**2
#: Z mass at tree level, m_W / c_W. Used in low-energy scattering so that the Z exchange
#: carries the same G_F normalisation as the W (rho parameter = 1), which is what
#: Chiang Eqs. (5)-(8) and (14) assume.
M_Z_TREE = M_W / math.sqrt(COS2_W)

#: SM chiral couplings of the electron to the Z, Chiang Eq. (3).
GBAR_L = -0.5 + SIN2_W
GBAR_R = SIN2_W
