"""U(1)_X charge assignments: Lindner Table 1 (``data/lindner_models.yaml``) and user models.

A :class:`Model` carries the U(1)_X charges of nu_L, e_L (both l_L) and e_R; right-handed
neutrinos never enter nu-e scattering (Lindner after Eq. 3.8). Table 1 is garbled in the text;
the reconstruction and its confidence come from ``data/lindner_models.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..data import load_yaml
from ..validation import charge, choice, coupling

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

__all__ = ["MODEL_NAMES", "Model", "custom_model", "get_model", "all_models"]

MODEL_NAMES = ("C", "D", "E", "F", "G", "B-L")


@dataclass(frozen=True)
class Model:
    """U(1)_X charges (dimensionless, finite, |q| <= 1e6). ``q_nu`` = Q_nu^L, ``q_el`` = Q_e^L,
    ``q_er`` = Q_e^R."""

    name: str
    q_nu: float
    q_el: float
    q_er: float
    confidence: dict = field(default_factory=dict, compare=False)
    note: str = field(default="", compare=False)

    def __post_init__(self):
        for k in ("q_nu", "q_el", "q_er"):
            object.__setattr__(self, k, charge(k, getattr(self, k)))

    @property
    def charges(self) -> dict:
        """{'nu': Q_nu^L, 'eL': Q_e^L, 'eR': Q_e^R} as used by :mod:`.mixing`."""
        return {"nu": self.q_nu, "eL": self.q_el, "eR": self.q_er}

    def chiang_products(self, g_x: ArrayLike) -> dict:
        """Chiang's coupling products in the no-mixing limit (Lindner's g_X Q_X / 2 convention):
        L = g_X^2 Q_nu Q_eL / 4, R = g_X^2 Q_nu Q_eR / 4. |g_x| <= 4 pi."""
        g_x = coupling("g_x", g_x)
        return {"L": g_x**2 * self.q_nu * self.q_el / 4, "R": g_x**2 * self.q_nu * self.q_er / 4}


def custom_model(q_l: float, q_er: float, name: str = "custom", q_nu: float | None = None) -> Model:
    """A user-defined model: lepton-doublet charge ``q_l`` (nu_L and e_L unless ``q_nu`` is given)
    and e_R charge ``q_er`` (each finite, |q| <= 1e6). Anomaly cancellation is the user's
    responsibility."""
    q_l = charge("q_l", q_l)
    return Model(name, q_l if q_nu is None else charge("q_nu", q_nu), q_l, charge("q_er", q_er))


def get_model(name: str | Model) -> Model:
    """Model ``name`` of Lindner Table 1 ('C', 'D', 'E', 'F', 'G', 'B-L'); a :class:`Model` is
    returned unchanged. Unknown names raise ValueError."""
    if isinstance(name, Model):
        return name
    choice("model", name, MODEL_NAMES)
    m = load_yaml("lindner_models.yaml")["models"][name]
    return Model(name, m["l_L"], m["l_L"], m["e_R"], dict(m["confidence"]), m.get("note", ""))


def all_models() -> list[Model]:
    return [get_model(n) for n in MODEL_NAMES]
