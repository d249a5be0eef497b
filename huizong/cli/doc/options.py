"""What the `huizong doc` commands share: outputs, the 成文日期 and 发文字号 options, the numbering register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

OUTPUT_HELP = "输出文件（.docx、.pdf，或 .yaml 输出公文描述供修改后再用 doc render 生成）；可多次使用。"
SUFFIXES = (".docx", ".pdf", ".yaml", ".yml")
REGISTER_NAME = "发文登记.yaml"

outputs_option = click.option(
    "-o", "--output", "outputs", multiple=True, required=True, type=click.Path(dir_okay=False, path_type=Path),
    help=OUTPUT_HELP,
)  # fmt: skip


def stamp_options(func: Callable) -> Callable:
    """--date, --number, --prefix, --register: every doc command takes them."""
    options = [
        click.option("--date", "date_text", help="成文日期（默认今天），如 2022-05-26 或 2022年5月26日。"),
        click.option(
            "--number",
            "number_text",
            help="发文字号，如 鄂市监发〔2022〕75号；只写序号（如 75）时与机关代字和成文日期的年份组成字号。"
            "不给时按机关代字取发文登记中的下一个序号。",
        ),
        click.option("--prefix", help="机关代字，如 鄂市监发（按它在发文登记中取下一个序号）。"),
        click.option(
            "--register",
            "register_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"发文登记文件（默认：专项行动信息文件所在目录或当前目录下的 {REGISTER_NAME}）。",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def check_outputs(outputs: tuple[Path, ...], allowed: tuple[str, ...] = SUFFIXES) -> None:
    bad = [str(p) for p in outputs if p.suffix.lower() not in allowed]
    if bad:
        names = "、".join(s for s in allowed if s != ".yml")
        raise click.UsageError(f"输出文件须以 {names} 结尾：{'、'.join(bad)}")


def write(spec: object, outputs: tuple[Path, ...]) -> None:
    """The spec rendered to every output (DOCX, PDF or its YAML)."""
    check_outputs(outputs)
    for path in outputs:
        # Each renderer is imported only for its own output: WeasyPrint and python-docx each take a good part
        # of a clerk's command to import.
        suffix = path.suffix.lower()
        if suffix == ".docx":
            from generators.documents.docx.render import render_docx

            data = render_docx(spec)
        elif suffix == ".pdf":
            from generators.documents.pdf.render import render_pdf

            data = render_pdf(spec)
        else:
            from generators.documents.spec import spec_yaml

            data = spec_yaml(spec).encode("utf-8")
        _write_bytes(path, data)
        click.echo(f"已生成：{path}")


def _write_bytes(path: Path, data: bytes) -> None:
    from generators.documents.errors import DocumentError

    try:
        path.write_bytes(data)
    except OSError as exc:
        raise DocumentError(f"无法写入 {path}：{exc.strerror or exc}") from exc


def parse_day(text: str | None, option: str = "--date") -> dt.date | None:
    from generators.documents.model import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from exc


@dataclass
class Numbering:
    """The 发文字号 of one document: from --number, or the next of the 代字 in the register. The register is
    written only once the document has been made, so a failed run takes no number."""

    number_text: str | None
    prefix: str | None
    register_file: Path
    known: tuple[tuple[str, dt.date | None, str], ...] = ()  # numbers given elsewhere (the 通知's), noted too
    explicit: bool = False  # --register was given: a number given by hand is noted even without a 代字
    _before: str | None = None
    _after: str | None = None
    _given_to: str | None = None

    def number(self, date: dt.date, title: str) -> str | None:
        from generators.documents import numbering

        given = self._given(date)
        if given is not None and not (self.prefix or self.explicit):
            return given  # a number given by hand, no register in play: nothing to note, no file written
        if given is None and not self.prefix:
            return None
        register = self._register()
        self._before = numbering.register_yaml(register)
        for text, day, name in self.known:
            parsed = _parsed(text)
            if parsed and parsed.seq not in register.used(parsed.prefix, parsed.year):
                register = numbering.record(register, parsed, day, name)
        if given is not None:
            parsed = _parsed(given)
            if parsed:
                before = register.used(parsed.prefix, parsed.year).get(parsed.seq)
                if before is not None and before.title != title:
                    click.echo(f"提示：{given} 原登记给“{before.title}”，现改登记为“{title}”", err=True)
                register = numbering.record(register, parsed, date, title)
            number = given
        else:
            assigned, register = numbering.assign(register, self.prefix.strip(), date, title)
            number = assigned.text
        self._after, self._given_to = numbering.register_yaml(register), number
        return number

    def _given(self, date: dt.date) -> str | None:
        from generators.documents.model import check_number
        from generators.documents.numbering import number_for

        raw = (self.number_text or "").strip()
        if not raw:
            return None
        try:
            if raw.isdigit():
                if not self.prefix:
                    raise click.UsageError(
                        "--number 只写序号时，须用 --prefix（或专项行动信息中的 prefix）给出机关代字"
                    )
                return number_for(self.prefix.strip(), date.year, int(raw)).text
            return check_number(raw)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--number") from exc

    def _register(self):
        from generators.documents.errors import DataError
        from generators.documents.numbering import Register, register_from_yaml

        if not self.register_file.exists():
            return Register()
        try:
            text = self.register_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"无法读取发文登记 {self.register_file}（需要 UTF-8 编码的 YAML）") from exc
        return register_from_yaml(text, str(self.register_file))

    def commit(self) -> None:
        """Write the register once the document exists (only when it changed)."""
        if self._after is None or self._after == self._before:
            return
        _write_bytes(self.register_file, self._after.encode("utf-8"))
        click.echo(f"发文字号：{self._given_to}（已登记在 {self.register_file}）")


def _parsed(text: str):
    from generators.documents.numbering import parse_number

    try:
        return parse_number(text)
    except ValueError:
        return None


def numbering_for(
    number_text: str | None,
    prefix: str | None,
    register_file: Path | None,
    home: Path,
    known: tuple[tuple[str, dt.date | None, str], ...] = (),
) -> Numbering:
    return Numbering(number_text, prefix, register_file or home / REGISTER_NAME, known, register_file is not None)
