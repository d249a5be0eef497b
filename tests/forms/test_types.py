import pytest

from forms import FormRegistry
from forms.types import credit_check_char, norm_credit_code, norm_date, norm_email, norm_number, norm_phone, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019.3.5", "2019-03-05"),
        ("2019年3月5日", "2019-03-05"),
        ("2019/03/05", "2019-03-05"),
        ("2019-3-5", "2019-03-05"),
        ("20190305", "2019-03-05"),
        ("2020年6月", "2020-06"),
        ("２０１９年３月５日", "2019-03-05"),
        (43000.0, "2017-09-22"),
        (20190305, "2019-03-05"),
    ],
)
def test_dates(raw: object, expected: str) -> None:
    assert norm_date(raw).value == expected and norm_date(raw).code is None


@pytest.mark.parametrize("raw", ["2019-2-30", "去年", "2019.13.1"])
def test_bad_dates_are_kept_as_written(raw: str) -> None:
    result = norm_date(raw)
    assert result.code == "invalid-date" and result.value == raw


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0477-8313683", "0477-8313683"),
        ("0477 8313683", "0477-8313683"),
        ("(0477)8313683", "0477-8313683"),
        ("+86 139 1234 5678", "13912345678"),
        ("010-12345678", "010-12345678"),
        ("021 6234 5678", "021-62345678"),
        ("0477-8313683转801", "0477-8313683转801"),
        ("0477-8313683/13912345678", "0477-8313683、13912345678"),
    ],
)
def test_phones(raw: str, expected: str) -> None:
    assert norm_phone(raw).value == expected and norm_phone(raw).code is None


@pytest.mark.parametrize("raw", ["0477-83", "1391234567", "电话见附件"])
def test_bad_phones(raw: str) -> None:
    assert norm_phone(raw).code == "invalid-phone"


def test_mobile_only_refuses_landline() -> None:
    assert norm_phone("0477-8313683", mobile_only=True).code == "invalid-mobile"


def test_email() -> None:
    assert norm_email(" DSZJJZ@163.com ").value == "dszjjz@163.com"
    assert norm_email("dszjjz@163").code == "invalid-email"


def test_credit_code_check_digit() -> None:
    body = "91150602MA0N1234K"
    good = body + credit_check_char(body)
    assert norm_credit_code(good.lower()).value == good
    wrong = body + ("0" if good[-1] != "0" else "1")
    assert norm_credit_code(wrong).code == "invalid-credit-code"
    assert "18" in norm_credit_code("123").hint
    assert norm_credit_code("91150602MA0N1234KI").code == "invalid-credit-code"  # I is not in the charset


def test_numbers(registry: FormRegistry) -> None:
    stats = registry.get("work-statistics")
    inspected, fines = stats.field("inspected"), stats.field("fines")
    assert norm_number("３家", inspected).value == 3
    assert norm_number(12.0, inspected).value == 12
    assert norm_number("1.5万元", fines).value == 1.5
    assert norm_number("1.005", fines) == (1.005, "too-many-decimals", "2")  # flagged, never rounded
    assert norm_number(0.1 + 0.2, fines) == (0.3, None, "")  # binary noise is not a third decimal place
    assert norm_number("1.50", fines) == (1.5, None, "")
    assert norm_number("—", fines, blank_is_zero=True).value == 0
    assert norm_number("无", inspected, blank_is_zero=True).value == 0
    assert norm_number("1.5", inspected).code == "invalid-number"
    assert norm_number("-2", inspected).code == "negative-number"
    assert norm_number("15000元", fines).code == "invalid-number"


def test_choices_tolerant(registry: FormRegistry) -> None:
    roster = registry.get("institution-roster")
    domain, choices = roster.field("domain"), roster.choices["domains"]
    assert normalise("食品检测、建筑工程", domain, choices).value == "食品、建设工程"
    assert normalise("药品（含疫苗）", domain, choices).value == "药品"
    unknown = normalise("航天、食品", domain, choices)
    assert unknown.code == "unknown-choice" and unknown.value == "航天、食品"


def test_text_joins_broken_names_but_keeps_paragraphs(registry: FormRegistry) -> None:
    case = registry.get("case-report")
    assert normalise(" 内蒙古某某\n检测有限公司 ", case.field("party")).value == "内蒙古某某检测有限公司"
    assert normalise("第一段。\n\n 第二段。", case.field("summary")).value == "第一段。\n第二段。"


def test_phone_wrapped_over_two_lines() -> None:
    assert norm_phone("029-\n88256712").value == "029-88256712"
    assert norm_phone("0477-8313683\n13912345678").value == "0477-8313683、13912345678"


def test_decimals_keep_any_precision() -> None:
    from forms.model import FieldDef

    lng = FieldDef(id="lng", label="经度", type="decimal", decimals=8)
    assert norm_number(104.06573412, lng) == (104.06573412, None, "")
    assert norm_number("104.065734129", lng).code == "too-many-decimals"
    assert norm_number("104.065734129", lng).value == 104.065734129
    assert norm_number(3.0000000000000004, FieldDef(id="n", label="数", type="integer")).value == 3
