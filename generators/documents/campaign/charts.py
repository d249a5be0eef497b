"""The figures of the 情况通报, as chart specs made from the facts: who reported (by unit) and the key figures
by 领域 (the first two columns of the first matrix form that has data)."""

from __future__ import annotations

from generators.documents.campaign.facts import Facts, UnitReport
from generators.documents.layout.textfit import cn_date
from generators.documents.model import Chart, Series, StatusRow


def bulletin_charts(facts: Facts) -> dict[str, Chart | None]:
    status = status_chart(facts, 1)
    bars = bars_chart(facts, 2 if status else 1)
    return {"status": status, "bars": bars}


def status_chart(facts: Facts, number: int) -> Chart | None:
    if not facts.units:
        return None
    rows = tuple(StatusRow(unit=u.unit, status=_status(u), date=u.reported_on) for u in facts.units)
    return Chart(
        chart="status",
        caption=f"图{number}　各单位报表报送情况（截至{cn_date(facts.as_of)}）",
        deadline=facts.deadline,
        as_of=facts.as_of,
        units=rows,
    )


def _status(u: UnitReport) -> str:
    if u.complete:
        return "late" if u.late else "on_time" if u.dates_known else "unknown"
    if u.received:
        return "partial"
    return "unreadable" if u.unreadable else "missing"


def bars_chart(facts: Facts, number: int) -> Chart | None:
    fig = next((f for f in facts.figures if f.table is not None and f.keys), None)
    if fig is None:
        return None
    columns = fig.columns[:2]
    series = tuple(
        Series(name=f"{label}（{unit}）" if unit else label, values=tuple(v[k] for v in fig.values))
        for k, (label, unit) in enumerate(columns)
    )
    names = "和".join(label for label, _ in columns)
    return Chart(chart="bars", caption=f"图{number}　各领域{names}", labels=fig.keys, series=series)
