"""Small QtCharts views for the dashboard: a pie of outcomes, bars of classification levels, target bars."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from antq_desktop.ui import colours

MET_COLOR = "#2e7d32"  # green: target met / đạt
NOT_MET_COLOR = "#c62828"  # red: target not met / chưa đạt
# Tốt, Khá, Trung bình, Yếu: from green to red, so the eye reads the quality at once.
LEVEL_COLORS = ("#2e7d32", "#7cb342", "#f9a825", "#c62828")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart, parent: QWidget | None, values: Mapping[str, int] | None = None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    # A screen reader cannot see the picture: the title names it, the figures describe it.
    description = ", ".join(f"{label}: {count}" for label, count in (values or {}).items())
    for widget in (view, view.viewport()):
        widget.setAccessibleName(chart.title())
        widget.setAccessibleDescription(description)
    return view


def pie_chart(title: str, slices: Mapping[str, int], colors: tuple[str, ...],
              parent: QWidget | None = None) -> QChartView:
    """A pie whose slice labels carry the count, e.g. "Đạt: 12"; empty data shows an empty chart."""
    series = QPieSeries()
    for (label, count), color in zip(slices.items(), colors, strict=False):
        if count <= 0:
            continue
        piece = series.append(f"{label}: {count}", count)
        piece.setColor(QColor(color))
        piece.setLabelVisible(True)
    chart = _chart(title)
    chart.addSeries(series)
    return _view(chart, parent, slices)


def bar_chart(title: str, bars: Mapping[str, int], colors: tuple[str, ...],
              parent: QWidget | None = None) -> QChartView:
    """One bar per category (each its own colour), counts as integers on the value axis.

    Each category is its own set with zeros elsewhere; stacking them gives full-width bars.
    """
    series = QStackedBarSeries()
    categories = list(bars)
    for index, (label, color) in enumerate(zip(categories, colors, strict=False)):
        bar_set = QBarSet(label)
        bar_set.append([float(bars[label]) if i == index else 0.0 for i in range(len(categories))])
        bar_set.setColor(QColor(color))
        series.append(bar_set)
    series.setBarWidth(0.6)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart = _chart(title)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setRange(0, max(4, round(max([0, *bars.values()]) * 1.15 + 0.5)))
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return _view(chart, parent, bars)


def percent_bar(percent: float | None, good: bool, parent: QWidget | None = None) -> QProgressBar:
    """A thin progress bar: green when the target (or coverage) is met, red when not."""
    bar = QProgressBar(parent)
    bar.setRange(0, 1000)  # tenths of a percent, so 83,5% is drawn as such
    bar.setValue(round(10 * min(100.0, max(0.0, percent or 0.0))))
    bar.setTextVisible(False)
    bar.setFixedHeight(14)
    bar.setMinimumWidth(120)
    color = MET_COLOR if good else NOT_MET_COLOR
    bar.setStyleSheet(f"QProgressBar {{ border: 1px solid #b0b0b0; border-radius: 3px; background: #f1f1f1; }}"
                      f"QProgressBar::chunk {{ background: {color}; border-radius: 2px; }}")
    bar.setProperty("met", good)
    return bar


def status_label(met: bool, met_text: str, not_met_text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(met_text if met else not_met_text, parent)
    label.setStyleSheet(colours.text_style("ok" if met else "error", "font-weight: bold;"))
    return label
