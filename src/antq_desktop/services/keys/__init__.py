"""Keys: this unit's own key, the upper office's key (recipient), the trust registry, key rotation.

The front takes a Store and returns plain dataclasses; `registry`/`rotation`/`ring` hold the
session-level functions other services use inside their own transactions.
"""

from antq_desktop.exchange.keys import PublicKeyRecord
from antq_desktop.services.keys.manage import (
    KnownKeyInfo,
    RevocationInfo,
    announcement_pending,
    catchment,
    known_key_info,
    own_fingerprint,
    own_key,
    public_key_file,
    recipient,
    require_own_key,
    rotate,
    set_catchment,
    set_recipient,
    trust_add,
    trust_list,
    trust_revoke,
)
from antq_desktop.services.keys.registry import KeyProblem, LocalKeyInfo, parse_key_file

__all__ = [
    "KeyProblem", "KnownKeyInfo", "LocalKeyInfo", "PublicKeyRecord", "RevocationInfo", "announcement_pending",
    "catchment", "known_key_info", "own_fingerprint", "own_key", "parse_key_file", "public_key_file", "recipient",
    "require_own_key", "rotate", "set_catchment", "set_recipient", "trust_add", "trust_list", "trust_revoke",
]
