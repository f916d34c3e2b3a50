"""The package's own exception types.

:class:`InputError` is raised for input outside a function's declared domain (or a data file
that does not match its schema). It derives from :class:`ValueError`, so callers that catch
``ValueError`` keep working; the command-line interface turns *only* this type into a
one-line message with exit status 2 -- any other exception is a bug and shows as a traceback.
"""

from __future__ import annotations

__all__ = ["InputError", "DataFileError"]


class InputError(ValueError):
    """Input outside the declared domain of an xboson function, naming the parameter and the
    range (or the data file, key and what was expected)."""


class DataFileError(InputError):
    """A file in ``data/`` (or a cache file) that does not match its schema: the message names the
    file, the key and what was expected."""
