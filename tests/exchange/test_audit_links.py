"""The audit-continuity lines of docs/package-format.md section 15, checked against the text of the spec:
an independent recomputation of the link formula, the exact field sets, and the golden v1 packages
(written before the lines existed) still read as "no links"."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from antq_desktop.exchange.errors import MALFORMED, PackageError
from antq_desktop.exchange.keys import TrustedKey, read_public_key_file
from antq_desktop.exchange.package_format import AUDIT_TYPES, parse_audit_base, parse_audit_link
from antq_desktop.exchange.package_reader import DEFAULT_LIMITS, verify
from antq_desktop.services.merge.audit_head import read_links
from antq_desktop.storage import audit

DATA = Path(__file__).parent / "data"


def _spec_sha(value: object) -> str:
    """Canonical JSON as section 4.1 says (sorted keys, no whitespace, raw UTF-8), then SHA-256 hex."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_link_formula_matches_the_spec_text() -> None:
    prev = "ab" * 32
    content = _spec_sha(["2026-11-21T08:00:00Z", "admin", "household", "h-1", '{"note":"Nguyễn Văn A"}'])
    assert audit.content_digest("2026-11-21T08:00:00Z", "admin", "household", "h-1",
                                '{"note":"Nguyễn Văn A"}') == content
    assert audit.link_hash(prev, "update", content) == _spec_sha(["antq-audit-v2", prev, "update", content])


def test_line_fields_are_exact() -> None:
    digest = "cd" * 32
    assert parse_audit_base({"type": "audit_base", "base": audit.GENESIS, "bounded": False}) == (audit.GENESIS, False)
    link = parse_audit_link({"type": "audit_link", "v": 2, "action": "export", "digest": digest})
    assert (link.version, link.action, link.digest) == (2, "export", digest)
    assert parse_audit_link({"type": "audit_link", "v": 1, "hash": digest}).claimed_hash == digest
    bad = [
        {"type": "audit_link", "v": 2, "action": "export", "digest": digest, "details": "{}"},  # no content travels
        {"type": "audit_link", "v": 2, "action": "Export!", "digest": digest},
        {"type": "audit_link", "v": 2, "action": "export", "digest": None},
        {"type": "audit_link", "v": 1, "hash": "xyz"},
        {"type": "audit_link", "v": 3, "hash": digest},
    ]
    for record in bad:
        with pytest.raises(PackageError) as info:
            parse_audit_link(record)
        assert info.value.code == MALFORMED
    for record in ({"type": "audit_base", "base": None, "bounded": False},
                   {"type": "audit_base", "base": audit.GENESIS, "bounded": 1}):
        with pytest.raises(PackageError):
            parse_audit_base(record)


def test_golden_v1_packages_carry_no_links() -> None:
    record = read_public_key_file((DATA / "golden-sender.antqkey").read_bytes())
    sender = TrustedKey(record.signing_key_id, record.unit_code, record.signing_public)
    package = verify(DATA / "golden-v1-plain.antq", {sender.key_id: sender}.get)
    assert not set(package.header.record_counts) & set(AUDIT_TYPES)
    assert read_links(package, None, DEFAULT_LIMITS) is None
