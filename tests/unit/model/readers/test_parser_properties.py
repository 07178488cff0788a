"""Property tests for the parsers of the other formats: whatever the input, problems, never exceptions.

Random and mutated JSON, CSV and calendar text either loads or gives positioned problems; well-formed JSON and
CSV read the same values as the standard library does, with positions that point at each value.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.model.lines import LINE_BREAK
from viewer.model.loader import load
from viewer.model.nodes import is_list, is_map
from viewer.model.problems import ChronologyError
from viewer.model.readers import csvtree, jsontree
from viewer.model.readers.tree import LineIndex

ROOT = Path(__file__).resolve().parents[4]
CORPUS = ROOT / "tests" / "corpus"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)  # fmt: skip


def plain(value: object) -> object:
    """Nodes back to plain values."""
    if is_map(value):
        return {key: plain(item) for key, item in value.values.items()}
    if is_list(value):
        return [plain(item) for item in value.items]
    return value


@SETTINGS
@given(json_values, st.integers(0, 3))
def test_json_reads_what_the_standard_library_reads(value: object, indent: int) -> None:
    text = json.dumps(value, indent=indent or None, ensure_ascii=indent % 2 == 0)
    assert plain(jsontree.parse(Path("x.json"), text)) == json.loads(text)


@SETTINGS
@given(st.dictionaries(st.text("abc", min_size=1, max_size=3), st.integers(), min_size=1, max_size=5),
       st.integers(0, 2))  # fmt: skip
def test_json_positions_point_at_each_value(value: dict[str, int], indent: int) -> None:
    text = json.dumps(value, indent=indent or None)
    node = jsontree.parse(Path("x.json"), text)
    lines = text.splitlines()
    for key, mark in node.value_marks.items():
        assert lines[mark.line - 1][mark.column - 1 :].startswith(str(value[key]))
        key_mark = node.key_marks[key]
        assert lines[key_mark.line - 1][key_mark.column - 1 :].startswith(json.dumps(key))


def mutate(text: str, cuts: list[tuple[int, int, str]]) -> str:
    for at, length, insert in cuts:
        at %= max(1, len(text))
        text = text[:at] + insert + text[at + length :]
    return text


mutations = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 8),
                               st.sampled_from(["", '"', ",", "{", "}", "[", "]", ":", "\n", "\x00", "-", "9", "é",
                                                "\\", "NaN", ";", "\t", "BEGIN:VEVENT\n", "END:VEVENT\n",
                                                "RRULE:FREQ=DAILY\n", "DTSTART:2019\n", " "])),
                     min_size=1, max_size=6)  # fmt: skip


@SETTINGS
@given(st.sampled_from(["valid.json", "valid_sheet.csv", "valid_table.csv", "valid.tsv", "valid.ics"]), mutations)
def test_mutated_files_give_problems_or_a_store_never_an_exception(
    tmp_path: Path, name: str, cuts: list[tuple[int, int, str]]
) -> None:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "article.txt").write_bytes((CORPUS / "sources" / "article.txt").read_bytes())
    path = tmp_path / name
    path.write_text(mutate((CORPUS / name).read_text(encoding="utf-8"), cuts), encoding="utf-8")
    result = load(path)  # must not raise
    assert result.store is not None or result.problems
    for problem in result.problems:
        assert problem.path == path and problem.message
        assert problem.line >= 0 and problem.column >= 0


@SETTINGS
@given(st.text(max_size=200))
def test_random_text_as_json_gives_nodes_or_a_positioned_problem(text: str) -> None:
    try:
        jsontree.parse(Path("x.json"), text)
    except ChronologyError as error:
        assert len(error.problems) == 1 and error.problems[0].message


# No lone CR: the csv module writes it unquoted and then reads it back as a line break.
cells = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=8)


@SETTINGS
@given(st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=6))
def test_csv_reads_what_the_csv_module_writes_with_each_cells_line(table: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(table)
    text = buffer.getvalue()
    read = list(csvtree.rows(Path("x.csv"), text, ","))
    expected = list(csv.reader(io.StringIO(text)))
    assert [row.cells for row in read] == [row if row else [""] for row in expected]
    lines = LineIndex(text)
    starts = [0] + [match.end() for match in LINE_BREAK.finditer(text)]
    for row in read:
        for cell, mark in zip(row.cells, row.marks, strict=True):
            start = starts[mark.line - 1] + mark.column - 1
            assert lines.mark(start) == mark
            assert text[start:].startswith(cell) or text[start] == '"'


@SETTINGS
@given(st.text(max_size=200), st.sampled_from([",", "\t", ";"]))
def test_random_text_as_csv_gives_rows_or_a_positioned_problem(text: str, delimiter: str) -> None:
    try:
        for row in csvtree.rows(Path("x.csv"), text, delimiter):
            assert len(row.cells) == len(row.marks)
    except ChronologyError as error:
        assert len(error.problems) == 1 and error.problems[0].line >= 1
