"""Format profiles: the official format rules of a document family, as data files.

:mod:`~minutes.profiles.model` says what a profile holds; :mod:`~minutes.profiles.registry`
where profiles are found, how one extends another, and which one a meeting gets (a family's
member in force on the meeting's date).
"""

from __future__ import annotations

from minutes.profiles.model import (
    CHECKABLE,
    ROLES,
    Align,
    ArchiveLine,
    Font,
    Layout,
    Page,
    Profile,
    Role,
    SignaturePreset,
    SignerPreset,
    Span,
    Validity,
    When,
    Wording,
)
from minutes.profiles.registry import (
    ENVIRONMENT,
    OWN_KEYS,
    Found,
    all_profiles,
    applies,
    available_profiles,
    builtin_profiles,
    families,
    found_profiles,
    in_force,
    load_profile,
    looks_like_file,
    merge,
    office_dirs,
    profile_names,
    read_profile,
    resolve,
)

__all__ = [
    "CHECKABLE",
    "ENVIRONMENT",
    "OWN_KEYS",
    "ROLES",
    "Align",
    "ArchiveLine",
    "Font",
    "Found",
    "Layout",
    "Page",
    "Profile",
    "Role",
    "SignaturePreset",
    "SignerPreset",
    "Span",
    "Validity",
    "When",
    "Wording",
    "all_profiles",
    "applies",
    "available_profiles",
    "builtin_profiles",
    "families",
    "found_profiles",
    "in_force",
    "load_profile",
    "looks_like_file",
    "merge",
    "office_dirs",
    "profile_names",
    "read_profile",
    "resolve",
]
