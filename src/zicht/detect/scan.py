"""The matcher's per-hit work: compiled where the C extensions were built, else in Python.

`_scan.pyx` (candidates, negation) is built by `pip install` when a C compiler is
at hand, and `explain.py` is compiled as it stands into `_explain`; both are
optional, so zicht still installs without a compiler. Either way the results are
the same: the tests hold the compiled functions to the Python definitions.
"""

from __future__ import annotations

try:
    from zicht.detect._explain import explain
    from zicht.detect._scan import assess, candidates

    COMPILED = True
except ImportError:  # no C compiler at install time
    from zicht.detect.candidates import candidates
    from zicht.detect.explain import explain
    from zicht.detect.negation import assess

    COMPILED = False

__all__ = ["COMPILED", "assess", "candidates", "explain"]
