"""xboson: a light spin-1 boson X coupling to neutrinos and electrons.

Physics of Chiang, Faisel, Lin, Tandean (nonstandard nu-e interactions from a light
spin-1 boson) and Lindner, Queiroz, Rodejohann, Xu (general U(1)_X constraints from
nu-e scattering). Natural units with energies in GeV throughout; see :mod:`xboson.units`.
"""

__version__ = "0.1.0"
