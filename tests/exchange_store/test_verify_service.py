"""verify_file: outcomes, trust labels and the import log, in process."""

from __future__ import annotations

import pytest
from tests.conftest import PASSWORD

from antq_desktop.services.export import build as export
from antq_desktop.services.merge import import_log, verify
from antq_desktop.storage.models import ImportAttempt


def test_unencrypted_trusted_package_passes_with_a_warning(pair):
    result = export.export_package(pair.commune, pair.tmp / "u.antq", password=PASSWORD, actor="admin",
                                   kind="full", encrypted=False)
    outcome = verify.verify_file(pair.office, result.path, actor="admin")
    assert outcome.ok and "KHÔNG được mã hóa" in outcome.message and outcome.trust == "trusted"


def test_garbage_is_refused_and_logged_with_its_hash(pair):
    path = pair.tmp / "not-a-package.antq"
    path.write_bytes(b"hello")
    outcome = verify.verify_file(pair.office, path, actor="admin")
    assert not outcome.ok and outcome.code == "MALFORMED" and outcome.header is None
    with pair.office.session_factory() as session:
        row = session.query(ImportAttempt).one()
    assert (row.result, row.error_code, row.file_sha256) == ("refused", "MALFORMED", import_log.file_sha256(path))


def test_log_attempt_knows_the_shared_results(pair):
    with pair.office.session() as session, pytest.raises(ValueError):
        import_log.log_attempt(session, actor="admin", path=pair.tmp / "x", result="accepted")
    assert set(import_log.RESULTS) == {"verified", "merged", "duplicate", "refused", "held", "dry_run"}
