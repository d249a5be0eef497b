"""The forms of samples/custom, as a clerk writes them: ids left out (derived from the labels) where they may be."""

SCENIC_FORM = """\
# A级旅游景区名录：经纬度保留八位小数，所在市州和等级从下拉列表中选
id: 景区名录
version: 1
title: A级旅游景区名录
layout: list
meta:
  - {id: unit, label: 填报单位}
  - {id: reported_on, label: 填报日期, type: date}
fields:
  - {id: seq, label: 序号, type: integer}
  - {label: 景区名称, required: true}
  - {label: 所在市州, type: choice, choices: 所在市州, required: true}
  - {label: 等级, type: choice, choices: 等级, required: true}
  - {label: 经度, type: decimal, decimals: 8, required: true}
  - {label: 纬度, type: decimal, decimals: 8, required: true}
  - {label: 评定日期, type: date}
  - {label: 联系电话, type: phone}
choices:
  所在市州: [成都市, 绵阳市, 乐山市, 阿坝州]
  等级: [5A, 4A, 3A, 2A, 1A]
"""

PAYMENT_FORM = """\
# 专项支出用款申请书：两行表头，表下有合计行和签字行
id: 用款申请
version: 1
title: 专项支出用款申请书
layout: list
meta:
  - {id: unit, label: 申请单位}
  - {id: reported_on, label: 申请日期, type: date}
fields:
  - {id: seq, label: 序号, type: integer}
  - {label: 资金性质, required: true}
  - {label: 编码, required: true}
  - {label: 预算科目名称, required: true}
  - {label: 项目名称, required: true}
  - {label: 收款人名称, required: true}
  - {label: 银行账号, required: true}
  - {label: 开户银行, required: true}
  - {label: 申请金额, unit: 元, type: decimal, decimals: 2, required: true}
  - {label: 核定金额, unit: 元, type: decimal, decimals: 2}
"""

TAX_FORM = """\
# 企业纳税情况统计表：行是固定的税种，列是年份，合计行等于各行之和
id: 纳税情况
version: 1
title: 企业纳税情况统计表
layout: matrix
meta:
  - {id: unit, label: 填报单位}
  - {id: reported_on, label: 填报日期, type: date}
fields:
  - {label: 税种}
  - {label: 2020, type: decimal, decimals: 2}
  - {label: 2021, type: decimal, decimals: 2}
  - {label: 2022, type: decimal, decimals: 2}
rows:
  field: 税种
  keys: [增值税, 企业所得税, 个人所得税, 城市维护建设税, 印花税]
rules:
  - {kind: total, message: '合计行“{field}”不等于各行之和'}
notes:
  - 填表说明：金额以万元为单位，保留两位小数。
"""

ENTERPRISE_FORM = """\
# 企业名单：从系统导出，没有表头行，放在“企业名单”工作表
id: 企业名单
version: 1
title: 企业名单
layout: list
sheet: 企业名单
header: false
fields:
  - {label: 统一社会信用代码, type: credit-code, required: true}
  - {label: 企业名称, required: true}
  - {label: 登记日期, type: date, required: true}
"""

HEALTH_FORM = """\
# 食品从业人员健康检查表：Word 表格里“标签—值”成对排列，一人一表
id: 健康检查表
version: 1
title: 食品从业人员健康检查表
layout: record
fields:
  - {label: 姓名, required: true}
  - {label: 性别}
  - {label: 年龄, type: integer}
  - {label: 身份证号码}
  - {label: 从业类别}
  - {label: 工作单位}
  - {label: 体检日期, type: date}
  - {label: 联系电话, type: phone}
  - {label: 体检结论, long: true}
"""
