"""``python -m minutes`` is the ``minutes`` command."""

from minutes.cli import main

raise SystemExit(main())
