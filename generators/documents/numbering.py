"""发文字号: 机关代字 + 〔year〕 + sequence number + 号, numbered per 代字 and year.

Pure functions over a `Register` (the numbers already given, with the document each went to), so that the
CLI can keep it in a YAML file the clerk reads and edits (`register_from_yaml` / `register_yaml`) and the
web service in its own tables:

    register = register_from_yaml(path.read_text())                  # or built from the service's rows
    number, register = assign(register, "鄂市监发", date, title)       # 鄂市监发〔2022〕75号
    path.write_text(register_yaml(register))

The next number is one more than the largest given in that year under that 代字; the same document made
again (same title, same date) keeps its number rather than taking a new one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from generators.documents.errors import DocumentSpecError
from generators.documents.model import check_number
from generators.documents.yamltext import compose

_NUMBER = re.compile(r"^(?P<prefix>\S+?)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")
REGISTER_HEADER = """\
# 发文登记：huizong 生成公文时按“机关代字 → 年份 → 序号: 成文日期 标题”登记用过的发文字号，
# 下一份公文取该代字当年已用的最大序号 + 1；同一标题、同一成文日期的公文重新生成时沿用原号。
# 可以手工修改：删去一行即收回该号；加一行（如 “80: 2022-06-01 手工登记”）即从 81 号续编。
"""


@dataclass(frozen=True, slots=True)
class DocNumber:
    prefix: str  # 机关代字, e.g. 鄂市监发
    year: int
    seq: int

    @property
    def text(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.seq}号"


@dataclass(frozen=True, slots=True)
class Entry:
    date: dt.date | None
    title: str

    @property
    def line(self) -> str:
        return f"{self.date.isoformat() if self.date else '日期不详'} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class Register:
    """Numbers given: {代字: {year: {seq: Entry}}}."""

    books: dict[str, dict[int, dict[int, Entry]]] = field(default_factory=dict)

    def used(self, prefix: str, year: int) -> dict[int, Entry]:
        return self.books.get(prefix, {}).get(year, {})


def parse_number(text: str) -> DocNumber:
    """A 发文字号 as its parts; a ValueError in Chinese when it is not in the standard form."""
    m = _NUMBER.match(check_number(text))
    if m is None:  # check_number accepts what the pattern does; kept for a clear message all the same
        raise ValueError(f"发文字号“{text}”格式不正确")
    return DocNumber(m["prefix"], int(m["year"]), int(m["seq"]))


def number_for(prefix: str, year: int, seq: int) -> DocNumber:
    """A number from its parts, checked as a 发文字号 (a 代字 with 〔〕 or 第 is refused)."""
    return parse_number(f"{prefix}〔{year}〕{seq}号")


def next_number(register: Register, prefix: str, year: int) -> DocNumber:
    used = register.used(prefix, year)
    return number_for(prefix, year, max(used, default=0) + 1)


def assign(register: Register, prefix: str, date: dt.date, title: str) -> tuple[DocNumber, Register]:
    """The number of the document `title` dated `date`: its old one when it was made before, else the next."""
    for seq, entry in register.used(prefix, date.year).items():
        if entry.title == title and entry.date == date:
            return number_for(prefix, date.year, seq), register
    number = next_number(register, prefix, date.year)
    return number, record(register, number, date, title)


def record(register: Register, number: DocNumber, date: dt.date | None, title: str) -> Register:
    """The register with `number` given to `title` (a number given by hand is noted so it is not reused)."""
    books = {p: {y: dict(s) for y, s in years.items()} for p, years in register.books.items()}
    books.setdefault(number.prefix, {}).setdefault(number.year, {})[number.seq] = Entry(date, title)
    return Register(books)


# -- the CLI's file ------------------------------------------------------------------------------------------
def register_yaml(register: Register) -> str:
    data = {
        prefix: {year: {seq: entries[seq].line for seq in sorted(entries)} for year, entries in sorted(years.items())}
        for prefix, years in register.books.items()
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) if data else "{}\n"
    return REGISTER_HEADER + body


def register_from_yaml(text: str, source: str | None = None) -> Register:
    """The register a clerk may have edited; mistakes are said with the line where they are."""
    node = compose(text, source)
    if node is None:
        return Register()
    if not isinstance(node, yaml.MappingNode):
        raise DocumentSpecError("发文登记应为“机关代字: {年份: {序号: 成文日期 标题}}”的形式", source, 1)
    books: dict[str, dict[int, dict[int, Entry]]] = {}
    for key, years in node.value:
        books[key.value] = _years(years, key.value, source)
    return Register(books)


def _years(node: yaml.Node, prefix: str, source: str | None) -> dict[int, dict[int, Entry]]:
    if not isinstance(node, yaml.MappingNode):
        raise DocumentSpecError(f"机关代字“{prefix}”下应按年份登记序号", source, node.start_mark.line + 1)
    out: dict[int, dict[int, Entry]] = {}
    for key, entries in node.value:
        if not re.fullmatch(r"\d{4}", key.value):
            raise DocumentSpecError(f"“{key.value}”不是四位年份", source, key.start_mark.line + 1)
        if not isinstance(entries, yaml.MappingNode):
            raise DocumentSpecError(f"{key.value}年下应为“序号: 成文日期 标题”", source, entries.start_mark.line + 1)
        out[int(key.value)] = {_seq(k, source): _entry(v) for k, v in entries.value}
    return out


def _seq(node: yaml.Node, source: str | None) -> int:
    if not re.fullmatch(r"[1-9]\d*", node.value):
        raise DocumentSpecError(f"序号“{node.value}”应为不带前导零的正整数", source, node.start_mark.line + 1)
    return int(node.value)


def _entry(node: yaml.Node) -> Entry:
    text = str(getattr(node, "value", "") or "").strip()
    head, _, rest = text.partition(" ")
    try:
        return Entry(dt.date.fromisoformat(head), rest.strip())
    except ValueError:
        return Entry(None, text)
