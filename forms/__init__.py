"""Form definitions as data: the model, the YAML loader, field types, rules and the issue catalogue."""

from forms.errors import FormDefinitionError, HuizongError, UnreadableFile, UnrecognizedForm
from forms.loader import FormRegistry, load_dir, load_file, parse_definition
from forms.model import Choice, FieldDef, FormDef, MatrixRows, Rule, Section

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
