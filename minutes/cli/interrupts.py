"""Ctrl-C remembered, not only raised.

Python turns Ctrl-C into a :class:`KeyboardInterrupt` raised wherever the program is, and some
code in between does not let it through: pydantic-core, building a validator while the model is
imported, reports it as a ``SchemaError`` (a traceback, or an "internal error"); other code
drops it altogether, and the command went on and wrote its files as if nothing had been asked.
Measured on a cold ``minutes render``, 40 Ctrl-C sent 0.54–0.62 s after its start: 6 were lost.

So the program's handler (installed by :func:`minutes.cli.command`) also notes that Ctrl-C was
pressed; a command that finds the note set stops as if the exception had reached it
(:func:`stop_if_interrupted`, before any output is written), and whatever error a library made
of the interrupt is said as the interrupt it was (:func:`was_interrupted`). A host that calls
:func:`minutes.cli.main` keeps its own handling: the note is never set there.
"""

from __future__ import annotations

import signal
from types import FrameType

_pressed = False


def listen_for_interrupts() -> None:
    """Install the handler: note Ctrl-C, then raise :class:`KeyboardInterrupt` as Python does."""
    signal.signal(signal.SIGINT, _note_and_raise)


def was_interrupted() -> bool:
    """Whether Ctrl-C was pressed since :func:`listen_for_interrupts`."""
    return _pressed


def stop_if_interrupted() -> None:
    """Raise :class:`KeyboardInterrupt` if Ctrl-C was pressed, even if the exception was lost."""
    if _pressed:
        raise KeyboardInterrupt


def _note_and_raise(_number: int, _frame: FrameType | None) -> None:
    global _pressed
    _pressed = True
    raise KeyboardInterrupt
