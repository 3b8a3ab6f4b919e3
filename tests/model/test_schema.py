"""Column names: a retyped header stands for the schema's column, unless that is there."""

from __future__ import annotations

import pytest

from fulian_viewer.model.schema import SCHEMAS, canonical_columns, column_letter
from fulian_viewer.model.tables import Table
from tests.fixtures.datasets import Dataset


def _table(*columns: str) -> Table:
    return Table(
        columns, {2: {c: f"x{i}" for i, c in enumerate(columns)}}, frozenset({(2, columns[0])})
    )


def test_spellings_are_mapped_with_their_cells() -> None:
    table = canonical_columns(_table("ID", "Label-ZH", "ｕｎｉｔ", "remarks"), SCHEMAS["metrics"])
    assert table.columns == ("id", "label_zh", "unit", "remarks")
    assert table.rows[2] == {"id": "x0", "label_zh": "x1", "unit": "x2", "remarks": "x3"}
    assert table.refused == frozenset({(2, "id")})
    assert table.rows_where("id", "x0") == [2]


def test_a_column_already_present_is_not_doubled() -> None:
    table = canonical_columns(_table("id", "ID", "Id"), SCHEMAS["metrics"])
    assert table.columns == ("id", "ID", "Id")


def test_two_spellings_of_one_column_keep_the_first() -> None:
    table = canonical_columns(_table("ID", "Id"), SCHEMAS["metrics"])
    assert table.columns == ("id", "Id")


def test_a_sound_table_is_kept_as_it_is() -> None:
    table = _table("id", "section")
    assert canonical_columns(table, SCHEMAS["metrics"]) is table


@pytest.mark.parametrize(
    ("position", "letter"), [(0, "A"), (11, "L"), (25, "Z"), (26, "AA"), (701, "ZZ")]
)
def test_column_letters(position: int, letter: str) -> None:
    assert column_letter(position) == letter


def test_a_blank_header_over_filled_cells_is_named_by_its_letter(dataset: Dataset) -> None:
    rows = dataset.rows("metrics")
    rows[0][3:3] = [""]  # a column inserted in Excel with no name, cells typed under it
    for row in rows[1:]:
        row[3:3] = ["备忘"]
    dataset.write("metrics", rows)
    result = dataset.load()
    (problem,) = result.problems
    assert (problem.code, problem.row, problem.column) == ("blank_header", 1, None)
    assert "第 D 列的表头是空的" in problem.message("zh")
    assert "column D has no header" in problem.message("en")
