"""Reporting views that a BI tool (LibreOffice Base, Metabase) reads with a read-only role.

Only what plain SQL can say honestly: live records per unit and type, and per-year counts of
pledges, registrations and assessments. "Communes against their targets" needs the plan's
indicator rules (services/office/indicators.py) and is left to the app's own reports.

PostgreSQL only (a dialect check; on SQLite this migration only moves the revision): a commune's
SQLite file has no roles and no BI tool, and a view there would break every later batch migration
(Alembic rebuilds a table by creating a copy, dropping the original and renaming the copy; SQLite
refuses the rename while a view names the dropped table: "error in view …: no such table").
On PostgreSQL the views live in their own schema, `reporting`, so that the roles script
(`antq db roles --print-sql`) grants the reporting role exactly this schema, views added by later
migrations included (default privileges); each view carries a COMMENT. A later migration that
changes the type of a column these views read must drop and re-create the view (PostgreSQL refuses
otherwise). The SQL is written out here, not imported: a migration keeps doing what it did when released.

Revision ID: 0008
Revises: 0006 (0007 is reserved for work not merged yet; relink when it lands)
Create Date: 2026-12-03
"""
from alembic import op

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None

SCHEMA = "reporting"

VIEWS: dict[str, tuple[str, str]] = {
    "report_unit_counts": (
        "Số bản ghi còn hiệu lực (chưa xóa) theo đơn vị gốc (origin_unit) và loại bản ghi (record_type).",
        """
        SELECT origin_unit, 'residential_area' AS record_type, count(*) AS live_records
          FROM residential_areas WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'organization', count(*) FROM organizations WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'household', count(*) FROM households WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'pledge', count(*) FROM pledges WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'registration', count(*) FROM registrations WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'assessment', count(*) FROM assessments WHERE NOT deleted GROUP BY origin_unit
        UNION ALL
        SELECT origin_unit, 'plan', count(*) FROM plans WHERE NOT deleted GROUP BY origin_unit
        """,
    ),
    "report_pledges_by_year": (
        "Theo đơn vị và năm: households = số hộ hiện có của đơn vị (hôm nay, không theo năm); "
        "pledged_households = số hộ (còn hiệu lực) có bản cam kết 'signed' trong năm, như chỉ tiêu "
        "'hộ gia đình ký cam kết' của chương trình; pledges = số bản cam kết còn hiệu lực (mọi loại người ký).",
        """
        SELECT p.origin_unit, p.year,
               (SELECT count(*) FROM households hh
                 WHERE hh.origin_unit = p.origin_unit AND NOT hh.deleted) AS households,
               count(DISTINCT CASE WHEN p.status = 'signed' AND NOT h.deleted THEN p.household_id END)
                 AS pledged_households,
               count(*) AS pledges
          FROM pledges p LEFT JOIN households h ON h.id = p.household_id
         WHERE NOT p.deleted
         GROUP BY p.origin_unit, p.year
        """,
    ),
    "report_registrations_by_year": (
        "Số bản đăng ký xây dựng phong trào còn hiệu lực theo đơn vị, năm và loại đối tượng "
        "(area: khu dân cư, organization: cơ quan/doanh nghiệp/trường học, commune: xã).",
        """
        SELECT origin_unit, year, subject_kind, count(*) AS registrations
          FROM registrations WHERE NOT deleted
         GROUP BY origin_unit, year, subject_kind
        """,
    ),
    "report_assessments_by_year": (
        "Số bản tự đánh giá còn hiệu lực theo đơn vị, năm, loại đối tượng, mức xếp loại (level) và "
        "trạng thái (draft: nháp, submitted: đã chốt; chỉ tiêu của chương trình chỉ tính submitted).",
        """
        SELECT origin_unit, year, subject_kind, level, status, count(*) AS assessments
          FROM assessments WHERE NOT deleted
         GROUP BY origin_unit, year, subject_kind, level, status
        """,
    ),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for name, (comment, body) in VIEWS.items():
        op.execute(f"CREATE VIEW {SCHEMA}.{name} AS {body.strip()}")
        op.execute(f"COMMENT ON VIEW {SCHEMA}.{name} IS '{comment.replace(chr(39), chr(39) * 2)}'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {SCHEMA}.{name}")
