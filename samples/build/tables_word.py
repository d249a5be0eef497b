"""Word record forms written as `标签：值` text: several pairs in one cell, one per line, beside a label cell, in
the paragraphs above the table, or with no table at all (docs/samples-sources.md)."""

from __future__ import annotations

from samples.build import emit
from samples.build.data_cases import cases
from samples.build.docx_out import write_docx
from samples.build.formdefs import form as builtin
from samples.build.grid import Block, Cell, Grid, PageBreak, Para
from samples.build.returns_cases import case_truth
from samples.build.sample_forms import form
from samples.build.truth import Location, Rec, Truth, chinese_date, write_truth

GAP = "　" * 4
PEOPLE = [
    {
        "name": "王芳",
        "exam_date": "2024-03-05",
        "serial": "HJ2024-0312",
        "employer": "杭锦旗锡尼镇惠民餐饮有限公司",
        "category": "餐饮服务",
        "sex": "女",
        "age": 34,
        "ethnicity": "汉族",
        "education": "大专",
        "post": "厨师",
        "seniority": "8年",
        "id_number": "150625199003150026",
        "conclusion": "合格",
    },
    {
        "name": "巴图",
        "exam_date": "2024-03-05",
        "serial": "HJ2024-0313",
        "employer": "杭锦旗锡尼镇惠民餐饮有限公司",
        "category": "餐饮服务",
        "sex": "男",
        "age": 41,
        "ethnicity": "蒙古族",
        "education": "高中",
        "post": "面点师",
        "seniority": "12年",
        "id_number": "150625198307210031",
        "conclusion": "合格",
    },
]


def _person_cell(i: int, p: dict[str, object], native: str | None) -> Cell:
    """The first row of the paper form: every personal detail as `标签：值` text in one merged cell."""
    lines = [
        f"单位：{p['employer']}{GAP}从业类别：{p['category']}",
        f"姓名：{p['name']}{GAP}性别：{p['sex']}{GAP}年龄：{p['age']}{GAP}民族：{p['ethnicity']}{GAP}文化程度：{p['education']}",
        f"岗位：{p['post']}{GAP}工龄：{p['seniority']}{GAP}身份证号码：{p['id_number']}",
    ]
    if native:
        lines.append(f"籍贯：{native}")
    return Cell("\n".join(lines), span=6, tag=(i, "name"))


def _check_table(i: int, p: dict[str, object], native: str | None) -> Grid:
    grid = Grid(6, [14, 12, 12, 12, 12, 12])
    grid.add(_person_cell(i, p, native))
    grid.add(Cell("既往病史", down=2), "病  名", "肝  炎", "痢  疾", "伤  寒", "肺结核")
    grid.add("患病时间", None, None, None, None)
    grid.add(Cell("体征", down=2), "心", Cell("正常", span=4))
    grid.add("皮肤", Cell("无手癣、指甲癣、手部湿疹、渗出性皮肤病", span=4))
    conclusion = f"检查结论：{p['conclusion']}\n\n主检医师签名：李明　　（公章）\n{chinese_date('2024-03-06')}"
    grid.add(Cell(conclusion, span=6))
    return grid


def health_checks(ctx: emit.Ctx) -> None:
    """Two people, a table each; 体检日期 and 编号 in the paragraph above each table; the title only once.
    The first adds a 籍贯 line the form does not have: kept as an extra, not lost."""
    f = form("health-check")
    blocks: list[Block] = [Para("附件1", "heading"), Para(f.title, "title")]
    recs = []
    for i, p in enumerate(PEOPLE):
        if i:
            blocks.append(PageBreak())
        blocks.append(Para(f"体检日期：{chinese_date(str(p['exam_date']))}{GAP * 4}编号：{p['serial']}", "meta"))
        native = "内蒙古鄂尔多斯" if i == 0 else None
        blocks.append(_check_table(i, p, native))
        recs.append(Rec(dict(p), extra={"籍贯": native} if native else {}))
    truth = Truth(f, "杭锦旗", {}, recs)
    emit.docx(ctx.path("tables", "杭锦旗从业人员健康检查表.docx"), truth, blocks)


def case_pairs(ctx: emit.Ctx) -> None:
    """A case report whose labels carry colons (案件名称：) beside their values, with 承办人 and 联系电话 one per line
    in a single cell and 案情简介： above its text."""
    f = builtin("case-report")
    rec = cases("鄂托克旗")[0]
    v = rec.values
    grid = Grid(2, [18, 66])
    for fid in ("title", "unit", "party", "credit_code", "domain", "violation", "basis", "penalty"):
        grid.add(Cell(f"{f.field(fid).label}：", kind="header"), Cell(v.get(fid), tag=(0, fid)))
    grid.add(Cell("罚没金额（万元）：", kind="header"), Cell(v.get("fine"), tag=(0, "fine")))
    dates = f"立案日期：{chinese_date(str(v['filed_on']))}\n结案日期：{chinese_date(str(v['closed_on']))}"
    grid.add(Cell(dates, span=2))
    grid.add(Cell(f"承办人：{v['handler']}\n联系电话：{v['phone']}", span=2))
    grid.add(Cell("案情简介：", span=2, kind="header"))
    grid.add(Cell(v.get("summary"), span=2, tag=(0, "summary")))
    grid.add(Cell("典型意义：", span=2, kind="header"))
    grid.add(Cell(v.get("significance"), span=2))
    blocks: list[Block] = [Para("附件2", "heading"), Para(f.title, "title"), grid]
    emit.docx(ctx.path("tables", "鄂托克旗典型案例（标签带冒号）.docx"), case_truth("鄂托克旗", [rec]), blocks)


def lines_only(ctx: emit.Ctx) -> None:
    """No table at all: the title, then one `标签：值` per paragraph — read paragraph by paragraph."""
    f = form("health-check")
    p = dict(
        PEOPLE[1],
        name="乌云",
        sex="女",
        age=29,
        id_number="150625199508120047",
        serial="HJ2024-0351",
        post="服务员",
        seniority="3年",
    )
    labels = (
        "name",
        "sex",
        "age",
        "ethnicity",
        "education",
        "employer",
        "category",
        "post",
        "seniority",
        "id_number",
        "exam_date",
        "serial",
        "conclusion",
    )
    paras: list[Block] = [Para(f.title, "title")]
    for fid in labels:
        value = chinese_date(str(p[fid])) if fid == "exam_date" else p[fid]
        paras.append(Para(f"{f.field(fid).label}：{value}", "body", align="left"))
    path = ctx.path("tables", "杭锦旗健康检查表（无表格）.docx")
    write_docx(path, paras)
    locs: dict[tuple[object, str], Location] = {(0, "name"): ("正文", "第2段")}
    write_truth(path, Truth(f, "杭锦旗", {}, [Rec(p)]), locs)


def build(ctx: emit.Ctx) -> None:
    for sample in (health_checks, case_pairs, lines_only):
        sample(ctx)
