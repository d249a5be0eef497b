"""Figures for the matrix forms: 工作情况统计表 per 旗区 and 检查信息汇总表 per province.

Drawn from a `random.Random` seeded with the form and unit, so every build gives the same numbers; the
draws respect the forms' rules (发现问题 ≤ 检查, 结案 ≤ 立案, 检查 ≤ 辖区机构) so that a sample only breaks a
rule where it says so.
"""

from __future__ import annotations

import random

from samples.build.formdefs import form
from samples.build.truth import Rec


def _fine(rng: random.Random, cases: int) -> float:
    # 罚没金额 in 万元 with two decimals, only where a case was closed.
    return round(sum(rng.randint(50, 600) for _ in range(cases)) / 100, 2)


def _statistics_row(rng: random.Random, domain: str) -> dict[str, object]:
    inspected = rng.randint(0, 14)
    problems = rng.randint(0, min(inspected, 4))
    filed = rng.randint(0, problems)
    closed = rng.randint(0, filed)
    return {
        "domain": domain,
        "inspected": inspected,
        "problems": problems,
        "cases_filed": filed,
        "cases_closed": closed,
        "fines": _fine(rng, closed),
        "transferred": 1 if filed and rng.random() < 0.1 else 0,
        "blacklisted": 1 if closed and rng.random() < 0.15 else 0,
    }


def statistics_recs(unit: str) -> list[Rec]:
    """One record per row key of work-statistics, in the form's order."""
    f = form("work-statistics")
    assert f.rows is not None
    rng = random.Random(f"work-statistics/{unit}")
    return [Rec(_statistics_row(rng, key.value)) for key in f.rows.keys]


def _inspection_row(rng: random.Random, domain: str) -> dict[str, object]:
    institutions = rng.randint(8, 160)
    inspected = rng.randint(institutions // 3, institutions)
    problems = rng.randint(0, inspected // 4)
    filed = rng.randint(0, problems)
    return {
        "domain": domain,
        "institutions": institutions,
        "inspected": inspected,
        "reports_checked": inspected * rng.randint(3, 12),
        "problems": problems,
        "cases_filed": filed,
        "fines": _fine(rng, filed),
        "revoked": 1 if filed > 2 and rng.random() < 0.3 else 0,
        "transferred": 1 if filed > 1 and rng.random() < 0.2 else 0,
        "blacklisted": 1 if filed > 1 and rng.random() < 0.2 else 0,
    }


def inspection_recs(unit: str) -> list[Rec]:
    f = form("inspection-summary")
    assert f.rows is not None
    rng = random.Random(f"inspection-summary/{unit}")
    return [Rec(_inspection_row(rng, key.value)) for key in f.rows.keys]


def column_totals(form_id: str, recs: list[Rec]) -> dict[str, object]:
    """The 合计 row as a careful clerk writes it: the sum of every column (万元 rounded to the cent)."""
    totals: dict[str, object] = {}
    for f in form(form_id).value_fields:
        total = sum(rec.values[f.id] for rec in recs)  # type: ignore[misc]
        totals[f.id] = round(total, 2) if f.type == "decimal" else total
    return totals
