"""Issue 9's hostile and damaged files, each read as a batch reads it: records or a clear Chinese refusal,
within 30 s and 512 MB of address space, with no traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_cases import CASES

from forms.types import MAX_MAGNITUDE, join_lines, norm_number

ROOT = Path(__file__).resolve().parents[2]
# Not a benchmark: a bound only a hang, a quadratic regex or a bomb going off would break.
WITHIN = 30.0

_CHILD = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, resource.RLIM_INFINITY))
from forms.loader import FormRegistry
from parsers.pipeline import parse_file
registry = FormRegistry.load()
out = {}
for name, path in json.loads(sys.argv[1]).items():
    started = time.perf_counter()
    ret = parse_file(open(path, 'rb').read(), name, registry)
    out[name] = [ret.status, len(ret.records), ret.message or '', time.perf_counter() - started,
                 [i.message for i in ret.issues if i.code == 'invalid-number']]
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, (make, _expected) in CASES.items():
        paths[name] = str(folder / name)
        Path(paths[name]).write_bytes(make())
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(paths)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name: str, outcomes: dict[str, list]) -> None:
    status, records, message, seconds, _numbers = outcomes[name]
    expected = CASES[name][1]
    assert seconds < WITHIN, f"{name} took {seconds:.1f} s"
    if expected == "records":
        assert status != "failed" and records > 0, (name, status, message)
    elif expected == "no-crash":
        assert status != "failed" or (re.search(r"[\u4e00-\u9fff]", message) and "Error" not in message)
    else:
        assert status == "failed" and re.search(expected, message), (name, message)
        assert re.search(r"[\u4e00-\u9fff]", message) and "Error" not in message


@pytest.mark.parametrize(
    "name", ["decimal-1e30.xlsx", "integer-5000-digits.xlsx", "exponent-1e999999999.xlsx", "fullwidth-30-digits.xlsx"]
)
def test_absurd_numbers_are_issues_with_the_text_kept(name: str, outcomes: dict[str, list]) -> None:
    number_issues = outcomes[name][4]
    assert number_issues and all("数值过大或位数过多" in m for m in number_issues), number_issues


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("1e30", "decimal"),
        ("1e308", "decimal"),
        ("１" * 30, "decimal"),
        ("7" * 5000, "integer"),
        ("1e999999999", "integer"),
        ("1e-999999999", "decimal"),
        ("-1e20", "integer"),
        (1e300, "integer"),
        (float("inf"), "decimal"),
        (float("nan"), "decimal"),
        (10**MAX_MAGNITUDE, "integer"),
    ],
)
def test_norm_number_refuses_before_converting(raw: object, kind: str) -> None:
    from forms.model import FieldDef

    field = FieldDef(id="n", label="数", type=kind)
    result = norm_number(raw, field)
    assert result.code == "invalid-number" and result.hint == "，数值过大或位数过多"
    assert result.value == (raw if isinstance(raw, str) else result.value)


@pytest.mark.parametrize("raw", ["9999999999999999", "1e15", "0e999", "１２３", "-5"])
def test_large_but_possible_numbers_still_read(raw: str) -> None:
    from forms.model import FieldDef

    assert norm_number(raw, FieldDef(id="n", label="数", type="decimal")).code is None


@pytest.mark.parametrize(
    "text",
    ["a \n b", "a\n\n  \nb", "  a\nb  ", "a\u3000\n\u3000b", "no break", "\n", "a\n", "\nb", "x \t\n\t y \n z"],
)
def test_join_lines_is_the_regex(text: str) -> None:
    assert join_lines(text) == re.sub(r"\s*\n\s*", "", text)
