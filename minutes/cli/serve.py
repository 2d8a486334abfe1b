"""``minutes serve``: the local web form and the HTTP API (:mod:`minutes.web`), until Ctrl-C."""

from __future__ import annotations

import argparse
import os
import sys

from minutes.cli.exits import EXIT_OK, UsageError
from minutes.cli.needs import require_web_extra, warn_without_pdf
from minutes.cli.options import port, positive
from minutes.i18n import _


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default: %(default)s)")
    )
    command.add_argument(
        "--port", type=port, default=8000, help=_("port to listen on (default: %(default)s)")
    )
    command.add_argument(
        "--token",
        metavar=_("TOKEN"),
        help=_("require this access token on every request (or set MINUTES_TOKEN)"),
    )
    command.add_argument(
        "--render-timeout",
        type=positive,
        metavar=_("SECONDS"),
        help=_("longest time one document may take (default: 30)"),
    )


def run(args: argparse.Namespace) -> int:
    """Run the web app (a form with live preview, and the HTTP API) until interrupted."""
    require_web_extra()
    from minutes.web.serve import serve, why_not

    warn_without_pdf()
    token = args.token or os.environ.get("MINUTES_TOKEN") or None
    try:
        serve(sys.stderr, args.host, args.port, token, args.render_timeout)
    except OSError as error:  # the port is taken, the address is not this machine's …
        raise UsageError(
            _("cannot listen on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=why_not(error)
            )
        ) from None
    return EXIT_OK
