"""Time limits of tests, stretched for a process that coverage is measuring.

Some tests hold a bound that is part of a promise (a hostile input is refused within 2 s, a web
request is answered at its deadline). Coverage's tracer makes pure-Python work such as the YAML
scanner two to four times slower, and ``./dev test`` runs the suite under coverage; a bound meant
for the code would then fail on the tracer. :func:`allowed` stretches a bound by
:data:`COVERAGE_SLOWDOWN` only while coverage measures this process. How fast the code is, is
measured in ``benchmarks/``, not here.
"""

from __future__ import annotations

COVERAGE_SLOWDOWN = 4.0


def measuring_coverage() -> bool:
    """Whether coverage is measuring this process now."""
    try:
        import coverage
    except ImportError:
        return False
    return coverage.Coverage.current() is not None


def allowed(seconds: float) -> float:
    """The time a test may allow for a bound of ``seconds``."""
    return seconds * COVERAGE_SLOWDOWN if measuring_coverage() else seconds
