"""Accounts: sign-in, users and passwords, the audit log, backups and restore (the front for ui/ and cli/)."""

from antq_desktop.services.accounts.audit_log import (
    ACTION_LABELS,
    AuditFilter,
    ChainCheck,
    chain_check,
    chain_status,
    choices,
    export_xlsx,
    head_still_present,
    names_for,
    query,
)
from antq_desktop.services.accounts.audit_text import RECORD_TYPE_LABELS
from antq_desktop.services.accounts.backup import (
    SUFFIX as BACKUP_SUFFIX,
)
from antq_desktop.services.accounts.backup import (
    BackupError,
    BackupKey,
    automatic_backup,
    create_backup,
    default_folder,
    list_backups,
    read_header,
    rolling_backup,
    verify_backup,
)
from antq_desktop.services.accounts.login import (
    MIN_PASSWORD_LENGTH,
    ROLES,
    UserInfo,
    list_users,
    password_problem,
    sign_in,
    single_admin,
)
from antq_desktop.services.accounts.restore import OtherUnitError, check_unit
from antq_desktop.services.accounts.restore import restore as restore_backup
from antq_desktop.services.accounts.users import (
    add,
    change_own_password,
    change_role,
    idle_lock_minutes,
    list_accounts,
    reset_password,
    set_disabled,
    set_idle_lock_minutes,
)

__all__ = [
    "ACTION_LABELS", "BACKUP_SUFFIX", "RECORD_TYPE_LABELS", "AuditFilter", "BackupError", "BackupKey", "ChainCheck",
    "MIN_PASSWORD_LENGTH", "OtherUnitError", "ROLES", "UserInfo", "add", "automatic_backup", "chain_check",
    "chain_status", "change_own_password",
    "change_role", "check_unit", "choices", "create_backup", "default_folder", "export_xlsx", "head_still_present",
    "idle_lock_minutes", "list_accounts", "list_backups", "list_users", "names_for", "password_problem", "query",
    "read_header", "reset_password", "restore_backup", "rolling_backup", "set_disabled", "set_idle_lock_minutes",
    "sign_in", "single_admin", "verify_backup",
]
