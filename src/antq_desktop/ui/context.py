"""What every page receives: the open store, who is signed in, the selected year, shared signals.

Pages never reach into the main window; they get an AppContext from their factory
(see `ui.main_window.PAGES`) and talk to the rest of the app through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from antq_desktop.services.changes import Changes
from antq_desktop.ui.events import AppEvents  # noqa: F401  (re-exported: pages import it from here)

if TYPE_CHECKING:
    from antq_desktop.services.accounts import UserInfo
    from antq_desktop.services.setup import ProfileInfo
    from antq_desktop.storage.db import Store
    from antq_desktop.ui.jobs import JobRunner
    from antq_desktop.ui.undo import UndoHistory


@dataclass
class AppContext:
    store: Store
    profile: ProfileInfo
    user: UserInfo
    year_getter: Callable[[], int]
    events: AppEvents
    jobs: JobRunner
    undo: UndoHistory
    extras: dict[str, object] = field(default_factory=dict)  # room for other features' shared objects

    @property
    def year(self) -> int:
        return self.year_getter()

    @property
    def actor(self) -> str:
        return self.user.username

    @property
    def can_write(self) -> bool:
        return self.user.can_write

    def apply_changes(self, changes: Changes) -> None:
        """The one refresh hook: every action that changed data ends here with the front's Changes."""
        self.events.apply_changes(changes)


def make_context(store: Store, user: UserInfo, year_getter: Callable[[], int] | None = None) -> AppContext:
    """A context for the signed-in user; the year defaults to this year until a window provides one."""
    from antq_desktop.domain import fronts

    fronts.use_front(fronts.GUI)  # a window is being built: messages speak of pages and buttons
    from datetime import date

    from antq_desktop.services.setup import get_profile
    from antq_desktop.ui.jobs import JobRunner
    from antq_desktop.ui.undo import UndoHistory

    store.limit_page_cache()  # a window keeps running: a small page cache, not the CLI's 64 MiB
    events = AppEvents()
    return AppContext(store=store, profile=get_profile(store), user=user,
                      year_getter=year_getter or (lambda: date.today().year), events=events,
                      jobs=JobRunner(), undo=UndoHistory(events))
