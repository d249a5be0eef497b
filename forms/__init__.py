"""Form definitions as data: the model, the YAML loader, field types, rules and the issue catalogue.

Names are loaded on first use (PEP 562): `huizong --help` and a 公文 command import `forms.errors` without
paying for pydantic models and the YAML loader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.lazy import exports

if TYPE_CHECKING:
    from forms.errors import FormDefinitionError, HuizongError, UnreadableFile, UnrecognizedForm
    from forms.loader import FormRegistry, load_dir, load_file, parse_definition
    from forms.model import Choice, FieldDef, FormDef, MatrixRows, Rule, Section

_HOME = {
    **dict.fromkeys(("FormDefinitionError", "HuizongError", "UnreadableFile", "UnrecognizedForm"), "forms.errors"),
    **dict.fromkeys(("FormRegistry", "load_dir", "load_file", "parse_definition"), "forms.loader"),
    **dict.fromkeys(("Choice", "FieldDef", "FormDef", "MatrixRows", "Rule", "Section"), "forms.model"),
}

__all__ = [
    "Choice",
    "FieldDef",
    "FormDef",
    "FormDefinitionError",
    "FormRegistry",
    "HuizongError",
    "MatrixRows",
    "Rule",
    "Section",
    "UnreadableFile",
    "UnrecognizedForm",
    "load_dir",
    "load_file",
    "parse_definition",
]


__getattr__ = exports(__name__, _HOME, globals())
