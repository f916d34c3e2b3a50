"""Lindner, Queiroz, Rodejohann, Xu: general U(1)_X models in nu-e scattering.

* :mod:`.mixing`         -- Z-Z' kinetic and mass mixing, Lindner Sec. 2 and App. A;
* :mod:`.cross_sections` -- G_+-, g_1,2, a_1,2, b_1,2 (Sec. 3, App. B) and the bridge to
  Chiang's X couplings (:func:`.cross_sections.chiang_couplings`): a U(1)_X point is a set of
  effective chiral couplings that :mod:`xboson.scattering` understands;
* :mod:`.partial`        -- the partial cross sections I_ij of App. C in stable form;
* :mod:`.models`         -- Table 1 charges (``data/lindner_models.yaml``) and user models;
* :mod:`.fits`           -- chi^2 for TEXONO, CHARM-II, GEMMA and 90% CL limits (Sec. 5).

Convention: the covariant derivative carries g_X Q_X / 2 (Lindner Eq. 2.2). In the
no-mixing limit L_ee = g_X^2 Q_nu Q_eL / 4 and R_ee = g_X^2 Q_nu Q_eR / 4 in Chiang's
notation. Energies in GeV.
"""

__all__ = ["cross_sections", "fits", "mixing", "models", "partial"]
