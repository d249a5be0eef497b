"""Load form definitions from YAML: the built-in ones and any user folders, judged by forms.check."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from forms.check import Checked, Finding, check_file, check_text, form_files, replacements
from forms.errors import FormDefinitionError
from forms.model import FormDef

BUILTIN_DIR = Path(__file__).parent
log = logging.getLogger("huizong.forms")
_logged: set[str] = set()  # a command loads the registry more than once (workers): each warning is said once


def _usable(checked: Iterable[Checked]) -> list[FormDef]:
    checked = list(checked)
    errors = [f for c in checked for f in c.errors]
    if errors:
        raise FormDefinitionError.of(errors)
    return [c.form for c in checked if c.form is not None]


def parse_definition(text: str, source: str) -> FormDef:
    return _usable([check_text(text, source)])[0]


def load_file(path: Path) -> FormDef:
    return _usable([check_file(path)])[0]


def _folder(folder: Path) -> list[Checked]:
    if not folder.is_dir():
        raise FormDefinitionError(str(folder), 0, None, "表单定义目录不存在")
    return [check_file(p) for p in form_files(folder)]


def load_dir(folder: Path) -> list[FormDef]:
    return _usable(_folder(folder))


class FormRegistry:
    """The forms known to one run: the built-in ones plus any user folders (a later one replaces by id).

    `warnings` holds what `forms check` would warn about the user forms (a replaced built-in form, labels two
    fields share, a form too small to be recognised); they are logged too, for the service."""

    def __init__(self, forms: Iterable[FormDef], warnings: Iterable[Finding] = ()) -> None:
        self._forms: dict[str, FormDef] = {}
        for form in forms:
            self._forms[form.id] = form
        self.warnings = list(warnings)

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> FormRegistry:
        builtin = load_dir(BUILTIN_DIR)
        checked = [c for folder in extra_dirs for c in _folder(Path(folder))]
        user = _usable(checked)
        warnings = [w for c in checked for w in c.warnings]
        warnings += replacements(checked, {f.id: f.title for f in builtin})
        for w in warnings:
            if str(w) not in _logged:
                _logged.add(str(w))
                log.warning("%s", w)
        return cls([*builtin, *user], warnings)

    def get(self, form_id: str) -> FormDef:
        try:
            return self._forms[form_id]
        except KeyError:
            known = "、".join(self._forms)
            raise FormDefinitionError(form_id, 0, None, f"未知的表单“{form_id}”，已知：{known}") from None

    def field_label(self, form_id: str | None, field_id: str | None) -> str:
        """A field as the clerk knows it (检查户次), not its id (`inspected`); the id when the form is unknown."""
        if not field_id:
            return ""
        if form_id and form_id in self._forms:
            try:
                return self._forms[form_id].field(field_id).label
            except KeyError:
                return field_id
        return field_id

    def __iter__(self) -> Iterator[FormDef]:
        return iter(self._forms.values())

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._forms
