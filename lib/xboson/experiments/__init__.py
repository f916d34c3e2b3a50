"""Experiments, one module each. A module publishes ``CONSTRAINTS = {name: factory}``
(see :mod:`xboson.constraints`) and, where it provides coupling limits,
``LIMITS = {name: function}`` (see :mod:`xboson.limits`)."""
