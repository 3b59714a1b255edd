import datetime as dt

import pytest
from openpyxl import load_workbook

from antq_desktop.reports import demo, summary_totals, write_summary_xlsx
from antq_desktop.reports.form_data import SummaryRow


def test_xlsx_has_rows_totals_and_missing_list(tmp_path):
    data = demo.demo_summary()
    out = write_summary_xlsx(tmp_path / "tong_hop.xlsx", data)
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header_at = next(i for i, row in enumerate(values) if row[0] == "STT")
    body = values[header_at + 1 : header_at + 1 + len(data.rows)]
    assert [r[1] for r in body] == [r.commune for r in data.rows]
    total = values[header_at + 1 + len(data.rows)]
    assert total[1] == "Tổng cộng" and total[2] == sum(r.areas for r in data.rows)
    assert ws.cell(header_at + 2, 4).number_format == "0.0%"
    assert any(row[0] and str(row[0]).startswith("Đơn vị chưa đạt chỉ tiêu (2)") for row in values)
    assert [p.name for p in tmp_path.iterdir()] == ["tong_hop.xlsx"]


def test_totals_are_area_weighted_and_skip_missing():
    rows = (
        SummaryRow("Xã A", areas=10, registered_pct=100.0, last_package=dt.date(2026, 1, 1)),
        SummaryRow("Xã B", areas=30, registered_pct=80.0, last_package=dt.date(2026, 2, 1)),
        SummaryRow("Xã C", areas=5, registered_pct=None),
    )
    total = summary_totals(rows)
    assert total.areas == 45
    assert total.registered_pct == 85.0
    assert total.recognised_pct is None
    assert total.last_package == dt.date(2026, 2, 1)


def test_totals_pool_counts_instead_of_averaging_percentages():
    """10/10 and 10/12: the mean of 100 % and 83.3 % is 91.7 %, the truth is 20/22 = 90.9 %."""
    from antq_desktop.reports.form_data import SummaryRow
    from antq_desktop.reports.forms.summary import summary_totals

    rows = [SummaryRow("A", areas=1, registered_pct=100.0, counts=(("registered_pct", 10, 10),)),
            SummaryRow("B", areas=1, registered_pct=100 * 10 / 12, counts=(("registered_pct", 10, 12),))]
    assert summary_totals(rows).registered_pct == pytest.approx(100 * 20 / 22)
