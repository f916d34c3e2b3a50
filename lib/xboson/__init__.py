"""xboson: a light spin-1 boson X coupling to neutrinos and electrons.

Physics of Chiang, Faisel, Lin, Tandean (nonstandard nu-e interactions from a light
spin-1 boson) and Lindner, Queiroz, Rodejohann, Xu (general U(1)_X constraints from
nu-e scattering). Natural units with energies in GeV throughout; see :mod:`xboson.units`.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "recast"]


def __getattr__(name):
    """``xboson.recast(model, masses, gamma_x=None)``: :func:`xboson.recasting.recast`, imported
    on first use so that ``import xboson`` stays light."""
    if name == "recast":
        from .recasting import recast

        return recast
    raise AttributeError(f"module 'xboson' has no attribute {name!r}")
