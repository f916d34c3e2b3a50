"""Live explorers for the book: sliders that recompute in the browser, with or without a kernel.

One function per section page; each returns ordinary ipywidgets sliders linked (``jslink``) to an
:class:`~.widget.Explorer` that draws the section's physics from precomputed states:

* :func:`chiang_sec3` (m_X), :func:`chiang_sec4` (m_X), :func:`chiang_sec5` (m_X),
  :func:`chiang_sec6` (m_X, Gamma_X, pair), :func:`chiang_sec7` (m_X, coupling),
  :func:`chiang_sec8` (m_X, pair), :func:`lindner_sec5` (model, alpha/g_X, m_Z');
* :func:`constraint_region`: any registered constraint on any flavour pair, over an m_X grid.
"""

from .chiang import constraint_region
from .chiang import sec3 as chiang_sec3
from .chiang import sec4 as chiang_sec4
from .chiang import sec5 as chiang_sec5
from .chiang import sec6 as chiang_sec6
from .chiang import sec7 as chiang_sec7
from .chiang import sec8 as chiang_sec8
from .lindner import sec5 as lindner_sec5
from .widget import Explorer, Param

__all__ = ["Explorer", "Param", "constraint_region", "chiang_sec3", "chiang_sec4", "chiang_sec5", "chiang_sec6", "chiang_sec7",
           "chiang_sec8", "lindner_sec5"]
