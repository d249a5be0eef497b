"""Typical enforcement cases (典型案例报送信息表) of the 旗区 bureaus, with valid 统一社会信用代码."""

from __future__ import annotations

import copy

from forms.types import CREDIT_CHARSET, credit_check_char
from samples.build.truth import Rec

# 行政区划代码 of the 旗区, the 3rd–8th characters of a local company's credit code.
AREA = {
    "东胜区": "150602",
    "康巴什区": "150603",
    "达拉特旗": "150621",
    "准格尔旗": "150622",
    "鄂托克前旗": "150623",
    "鄂托克旗": "150624",
    "杭锦旗": "150625",
    "乌审旗": "150626",
    "伊金霍洛旗": "150627",
}

BASIS_FALSE = "《检验检测机构监督管理办法》第十四条、第二十六条"
BASIS_RULES = "《检验检测机构监督管理办法》第十三条、第二十五条"


def credit_code(unit: str, org: str) -> str:
    """A company's code: 9 (registered by 市场监管) 1 (企业), the area, a 9-character org part, check char."""
    first17 = "91" + AREA[unit] + org
    return first17 + credit_check_char(first17)


def _case(unit: str, party: str, org: str, **values: object) -> Rec:
    return Rec(
        {
            "title": values.pop("title"),
            "unit": f"{unit}市场监督管理局",
            "party": party,
            "credit_code": credit_code(unit, org),
            **values,
        }
    )


def cases(unit: str) -> list[Rec]:
    """Fresh copies of the cases one bureau reports (samples may change how they are written)."""
    return [copy.deepcopy(rec) for rec in CASES if str(rec.values["unit"]).startswith(unit)]


def wrong_check_char(code: str) -> str:
    """The same code with its check character off by one: what a mistyped code looks like."""
    return code[:17] + CREDIT_CHARSET[(CREDIT_CHARSET.index(code[17]) + 1) % len(CREDIT_CHARSET)]


CASES: list[Rec] = [
    _case(
        "东胜区",
        "内蒙古鑫达检测技术有限公司",
        "MA0Q3K7X5",
        title="内蒙古鑫达检测技术有限公司出具不实检验检测报告案",
        domain="建筑材料",
        violation="未按照标准规定的方法对混凝土试块进行抗压强度检验，出具不实检验检测报告4份",
        basis=BASIS_FALSE,
        penalty="警告，罚款人民币3万元",
        fine=3.0,
        filed_on="2022-03-15",
        closed_on="2022-04-28",
        handler="郝胜建、王波",
        phone="0477-8313683",
        summary="2022年3月，东胜区市场监管局在专项检查中发现，当事人出具的4份混凝土抗压强度检验报告所载试验日期早于样品"
        "送达日期，原始记录与仪器设备使用记录不一致。\n经查，当事人未按照GB/T 50081规定的方法进行检验，"
        "其行为构成出具不实检验检测报告。",
        significance="本案是东胜区首例建材领域不实检验检测报告案件，对辖区检验检测机构起到了警示作用。",
    ),
    _case(
        "东胜区",
        "鄂尔多斯市安驰机动车检测有限责任公司",
        "MA13L8WD2",
        title="鄂尔多斯市安驰机动车检测有限责任公司未经检验出具机动车检验报告案",
        domain="机动车检验",
        violation="对2辆机动车未实施底盘动态检验即出具检验合格报告",
        basis=BASIS_FALSE,
        penalty="警告，罚款人民币5万元，没收违法所得0.04万元",
        fine=5.04,
        filed_on="2022-04-06",
        closed_on="2022-05-10",
        handler="段龙、张妤瑶",
        phone="0477-8313683",
        summary="执法人员调取当事人检验监控录像，发现2辆小型客车在未上线检验的情况下出具了检验合格报告。\n"
        "当事人对违法事实无异议，已对相关检验人员作出处理并整改。",
        significance="机动车安全技术检验关系道路交通安全，未经检验出具报告属于虚假检验检测行为，应依法从严查处。",
    ),
    _case(
        "准格尔旗",
        "内蒙古蒙泰煤炭检测有限公司",
        "MA0N2R6E8",
        title="内蒙古蒙泰煤炭检测有限公司超出资质认定能力范围出具检验检测报告案",
        domain="煤炭",
        violation="超出资质认定证书规定的检验检测能力范围，出具煤中全硫检测报告12份",
        basis=BASIS_RULES,
        penalty="责令改正，罚款人民币1.5万元",
        fine=1.5,
        filed_on="2022-02-21",
        closed_on="2022-03-30",
        handler="王建军、李娜",
        phone="0477-4223176",
        summary="准格尔旗市场监管局根据举报对当事人进行检查。\n当事人资质认定证书附表中不含煤中全硫项目，"
        "但其向客户出具了加盖CMA标志的煤中全硫检测报告12份。",
        significance="提醒检验检测机构严格在资质认定能力范围内开展检验检测活动。",
    ),
    _case(
        "达拉特旗",
        "鄂尔多斯市达拉特旗恒通机动车检测有限公司",
        "MA7XJ3K20",
        title="鄂尔多斯市达拉特旗恒通机动车检测有限公司篡改检验检测数据案",
        domain="机动车检验",
        violation="篡改尾气排放检验数据，出具虚假检验检测报告3份",
        basis=BASIS_FALSE,
        penalty="罚款人民币10万元，列入严重违法失信名单",
        fine=10.0,
        filed_on="2022-03-02",
        closed_on="2022-04-15",
        handler="郭瑞、高娃",
        phone="0477-5212369",
        summary="达拉特旗市场监管局联合生态环境部门开展机动车排放检验机构检查，发现当事人通过修改软件参数的方式篡改尾气排放检验数据。"
        "\n当事人对3辆柴油货车出具虚假排放检验合格报告，违法事实清楚。",
        significance="依法从严从重查处篡改数据行为，并推动失信联合惩戒。",
    ),
    _case(
        "鄂托克旗",
        "内蒙古棋盘井化工产品检测有限公司",
        "MA0R5BQ19",
        title="内蒙古棋盘井化工产品检测有限公司未按规定对检验检测人员实施有效管理案",
        domain="产品质量",
        violation="检验检测人员未经授权签发检验检测报告",
        basis=BASIS_RULES,
        penalty="责令限期改正，罚款人民币0.8万元",
        fine=0.8,
        filed_on="2022-04-11",
        closed_on="2022-05-06",
        handler="杨志刚、其木格",
        phone="0477-6212730",
        summary="检查发现当事人2021年出具的部分化工产品检验报告由未经授权的人员签发。\n当事人已重新组织人员培训和授权。",
        significance="督促机构落实主体责任，规范授权签字人管理。",
    ),
    _case(
        "康巴什区",
        "鄂尔多斯市康信环境检测有限公司",
        "MA0PY4T36",
        title="鄂尔多斯市康信环境检测有限公司未按规定保存原始记录案",
        domain="环境监测",
        violation="未按规定保存检验检测原始记录和报告副本",
        basis=BASIS_RULES,
        penalty="警告，罚款人民币0.5万元",
        fine=0.5,
        filed_on="2022-03-22",
        closed_on="2022-04-20",
        handler="刘晓燕、白云飞",
        phone="0477-8588216",
        summary="执法人员抽查当事人2021年出具的20份环境检测报告，其中6份无法提供原始记录。\n当事人承认违法事实并完成整改。",
        significance="原始记录是检验检测结果可追溯的基础，机构应按规定完整保存。",
    ),
]
