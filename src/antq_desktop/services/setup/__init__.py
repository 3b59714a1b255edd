"""The unit's profile: first setup, redo setup, and what the rest of the app reads of it."""

from antq_desktop.services.setup.profile import (
    ROLES,
    ProfileInfo,
    RedoResult,
    SetupSnapshot,
    get_profile,
    initialise,
    redo_setup,
    resolve_unit,
    setup_snapshot,
)

__all__ = [
    "ROLES", "ProfileInfo", "RedoResult", "SetupSnapshot", "get_profile", "initialise", "redo_setup",
    "resolve_unit", "setup_snapshot",
]
