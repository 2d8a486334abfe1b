"""``minutes profiles [NAME]``: the layouts there are, where each comes from and when it applies;
with a name, every value of that profile (what it extends merged in), as YAML to start an
office's own profile from."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from minutes.cli.exits import EXIT_OK
from minutes.cli.say import console
from minutes.i18n import _


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "name",
        nargs="?",
        metavar=_("PROFILE"),
        help=_("print every value of this profile (a name, or a profile file)"),
    )


def run(args: argparse.Namespace) -> int:
    """List the profiles, or print one."""
    if args.name is not None:
        return _print_one(args.name)
    from rich.table import Table

    from minutes.formatting import format_date_short
    from minutes.profiles import families, found_profiles, read_profile

    out = console()
    table = Table(title=_("Profiles"), title_justify="left", show_lines=True)
    for header in (_("Name"), _("Layout"), _("In force"), _("File")):
        table.add_column(header, overflow="fold")
    for found in found_profiles().values():
        profile = read_profile(found.path)
        validity = profile.validity
        since = validity.since if validity else None
        until = validity.until if validity else None
        last = until - dt.timedelta(days=1) if until else None  # `until` is the first day after
        period = " – ".join(
            [format_date_short(since) if since else "…", format_date_short(last) if last else ""]
        ).rstrip(" –")
        where = _("built in") if found.builtin else str(found.path)
        if profile.extends:
            where += "\n" + _("extends {name}").format(name=profile.extends)
        described = profile.name
        if validity and validity.source:
            described += "\n" + _("Source: {source}").format(source=validity.source)
        table.add_row(profile.id, described, period, where)
    out.print(table)
    for family, members in families().items():
        out.print(
            _("`profile: {family}` takes, by the meeting's date: {members}.").format(
                family=family, members=", ".join(member.id for member in reversed(members))
            ),
            markup=False,
        )
    out.print(
        _(
            "An office's own profile: a file that extends one of these (`minutes profiles "
            "NAME` prints every value), beside the meetings or in a folder of {variable}."
        ).format(variable="MINUTES_PROFILES"),
        markup=False,
    )
    return EXIT_OK


def _print_one(name: str) -> int:
    from ruamel.yaml import YAML

    from minutes.profiles import OWN_KEYS, resolve

    profile = resolve(name)
    values = profile.model_dump(mode="json", exclude_none=True)
    # a profile of one's own has its own id, family, validity and base
    data = {"extends": profile.id, **{k: v for k, v in values.items() if k not in OWN_KEYS}}
    yaml = YAML()
    yaml.width = 100
    yaml.allow_unicode = True
    sys.stdout.write(
        "# "
        + _(
            "Every value of the profile {name}; a profile of your own says `extends: {name}`"
        ).format(name=profile.id)
        + "\n# "
        + _("and only the values that differ.")
        + "\n"
    )
    yaml.dump(data, sys.stdout)
    return EXIT_OK
