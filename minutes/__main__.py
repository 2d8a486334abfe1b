"""``python -m minutes`` is the ``minutes`` command."""

from minutes.cli import command

command()
