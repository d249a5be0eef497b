"""Check form definitions and say, in Chinese, every mistake: file, line, key path and what is wrong.

`check_text` is the one place a form file is judged: the loader (every `--forms` folder, the service's
registry) and `huizong forms check` both use it, so a clerk reads the same sentences wherever a form is loaded.
Errors make a form unusable; warnings (a shared label, a form too small to be recognised) do not.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import ValidationError

from forms import messages
from forms.model import DEFER_REFERENCES, FormDef
from forms.references import problems
from forms.types import squash

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]
SUFFIXES = (".yaml", ".yml")
# Labels every form has; they do not tell one form from another.
_GENERIC_LABELS = {"序号", "编号", "备注", "说明", "其他"}


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file} 第{self.line}行" if self.line else self.file
        return f"{where}{'（' + self.path + '）' if self.path else ''}：{self.message}"


@dataclass(slots=True)
class Checked:
    """One form file judged: the form when it has no error, and everything found."""

    source: str
    form: FormDef | None
    findings: list[Finding] = field(default_factory=list)
    id_line: int = 1

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


class _Located:
    """Key paths of one YAML document -> the line that holds them, and paths as a clerk reads them."""

    def __init__(self, source: str, node: yaml.Node, data: object) -> None:
        self.source, self.data = source, data
        self.lines: dict[Loc, int] = {}
        self._index(node, ())

    def _index(self, node: yaml.Node, path: Loc) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                # The key's own line: a block value starts on the line below it.
                self.lines[(*path, key.value)] = key.start_mark.line + 1
                self._index(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._index(item, (*path, i))

    def line(self, loc: Loc) -> int:
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.lines:
                return self.lines[loc[:n]]
        return 1

    def path(self, loc: Loc) -> str:
        parts: list[str] = []
        here: object = self.data
        for p in loc:
            here = here.get(p) if isinstance(here, dict) else here[p] if _indexable(here, p) else None
            if isinstance(p, int):
                name = _item_name(here)
                parts.append(f"第{p + 1}项{'（' + name + '）' if name else ''}")
            else:
                parts.append(str(p))
        return " → ".join(parts)

    def finding(self, severity: Severity, loc: Loc, message: str) -> Finding:
        return Finding(severity, self.source, self.line(loc), self.path(loc), message)


def _indexable(here: object, p: str | int) -> bool:
    return isinstance(here, list) and isinstance(p, int) and p < len(here)


def _item_name(item: object) -> str:
    if not isinstance(item, dict):
        return ""
    for key in ("label", "key", "value", "kind"):
        if isinstance(item.get(key), str | int):
            return str(item[key])
    return ""


def check_text(text: str, source: str) -> Checked:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line, message = messages.describe_yaml(exc)
        return Checked(source, None, [Finding("error", source, line, "", message)])
    if not isinstance(data, dict) or node is None:
        message = "表单定义应为“键: 值”的映射（以 id:、title:、fields: 等开头），这个文件是空的或不是映射"
        return Checked(source, None, [Finding("error", source, 1, "", message)])
    located = _Located(source, node, data)
    findings = _duplicate_keys(node, source)
    try:
        form = FormDef.model_validate(data, context=DEFER_REFERENCES)
    except ValidationError as exc:
        findings += _validation_findings(exc, located)
        return Checked(source, None, findings + _references_despite(exc, data, located, findings))
    findings += [located.finding("error", p.loc, p.message) for p in problems(form)]
    findings += _warnings(form, located)
    errors = any(f.severity == "error" for f in findings)
    return Checked(source, None if errors else form, findings, located.line(("id",)))


def _validation_findings(exc: ValidationError, located: _Located) -> list[Finding]:
    out: list[Finding] = []
    seen: set[Loc] = set()
    errors = exc.errors()
    locs = [messages.clean_loc(e["loc"]) for e in errors]
    # A missing key is not reported again when a misspelt one beside it is taken for it (lable -> label).
    meant = {
        (*loc[:-1], messages.suggestion(loc))
        for e, loc in zip(errors, locs, strict=True)
        if e["type"] == "extra_forbidden"
    }
    for err, loc in zip(errors, locs, strict=True):
        if err["type"] == "missing" and loc in meant:
            continue
        # "at least one item" after its items failed says nothing new; a union reports one error per member;
        # a field's id may be left out, so a missing id only follows from a missing label, reported already.
        if err["type"] == "too_short" and any(o[: len(loc)] == loc and len(o) > len(loc) for o in locs):
            continue
        if err["type"] == "missing" and len(loc) == 3 and loc[0] in ("fields", "meta") and loc[2] == "id":
            continue
        if loc in seen:
            continue
        seen.add(loc)
        out.append(located.finding("error", loc, messages.describe(err)))
    return out


def _references_despite(exc: ValidationError, data: dict, located: _Located, found: list[Finding]) -> list[Finding]:
    """Cross-reference errors of a form that also has others: the keys in error are set aside (a wrong
    `type` left at its default) and the rest is checked, so one run shows every mistake."""
    repaired = copy.deepcopy(data)
    for err in exc.errors():
        _drop(repaired, messages.clean_loc(err["loc"]))
    try:
        form = FormDef.model_validate(repaired, context=DEFER_REFERENCES)
    except ValidationError:
        return []
    lines = {(f.line, f.path) for f in found}
    out = [located.finding("error", p.loc, p.message) for p in problems(form)]
    return [f for f in out if (f.line, f.path) not in lines]


def _drop(data: object, loc: Loc) -> None:
    for p in loc[:-1]:
        data = data.get(p) if isinstance(data, dict) else data[p] if _indexable(data, p) else None
    if isinstance(data, dict) and loc and loc[-1] in data:
        del data[loc[-1]]


def _duplicate_keys(node: yaml.Node, source: str) -> list[Finding]:
    """PyYAML silently keeps the last of two equal keys; a clerk's second `type:` is a mistake to show."""
    out: list[Finding] = []
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in first:
                message = f"键 {key.value} 写了两次（第{first[key.value]}行已有），后写的会覆盖先写的"
                out.append(Finding("error", source, line, str(key.value), message))
            first.setdefault(key.value, line)
            out += _duplicate_keys(value, source)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _duplicate_keys(item, source)
    return out


def _warnings(form: FormDef, located: _Located) -> list[Finding]:
    out = _shared_labels(form, located)
    distinctive = [f for f in form.fields if squash(f.label) not in _GENERIC_LABELS]
    if not form.header:
        out.append(
            located.finding(
                "warning", ("header",), f"没有表头行的表格无法自动识别：解析时请用 --form {form.id} 指定这张表"
            )
        )
    elif len(distinctive) < 2:
        message = (
            f"只有 {len(distinctive)} 个能区分本表的字段（序号、备注等不算），自动识别不可靠："
            f"请再写出表头中的其他栏目，或解析时用 --form {form.id} 指定"
        )
        out.append(located.finding("warning", ("fields",), message))
    if form.header:
        unused = "只有 header: false（没有表头行）时才按 column 定位，这里不起作用"
        out += [
            located.finding("warning", ("fields", i, "column"), unused)
            for i, f in enumerate(form.fields)
            if f.column is not None
        ]
    return out


def _shared_labels(form: FormDef, located: _Located) -> list[Finding]:
    """Two fields a header cell could both name: the parser cannot tell their columns apart."""
    out = []
    owner: dict[str, int] = {}
    for i, f in enumerate(form.fields):
        for n, text in enumerate(f.labels):
            key = squash(text)
            j = owner.setdefault(key, i)
            if j == i:
                continue
            other = form.fields[j]
            loc: Loc = ("fields", i, "label") if n == 0 else ("fields", i, "synonyms", n - 1)
            message = f"“{text}”已是第{j + 1}个字段“{other.label}”的标签或其他写法：两列会无法区分，请改用不同的文字"
            out.append(located.finding("warning", loc, message))
    return out


def check_file(path: Path) -> Checked:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        message = "不是 UTF-8 编码的文本：请在编辑器中以 UTF-8 编码另存"
        return Checked(str(path), None, [Finding("error", str(path), 0, "", message)])
    except OSError:
        return Checked(str(path), None, [Finding("error", str(path), 0, "", "无法读取这个文件（不存在或没有权限）")])
    return check_text(text, str(path))


def form_files(folder: Path) -> list[Path]:
    """The form files of a folder: `.yaml` and `.yml` alike, in name order."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())


def replacements(checked: Iterable[Checked], builtin: Mapping[str, str]) -> list[Finding]:
    """Warnings for forms whose id replaces a built-in form (`builtin`: id -> title) or a form read before."""
    earlier: dict[str, str] = {}
    out = []
    for item in checked:
        form = item.form
        if form is None:
            continue
        if form.id in earlier:
            message = f"id“{form.id}”与 {earlier[form.id]} 中的表单相同：将用后读入的本文件代替它"
        elif form.id in builtin:
            message = f"id“{form.id}”与内置报表“{builtin[form.id]}”相同：将用本文件代替内置报表"
        else:
            earlier[form.id] = item.source
            continue
        out.append(Finding("warning", item.source, item.id_line, "id", message))
        earlier[form.id] = item.source
    return out
