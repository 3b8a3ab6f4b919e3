"""Column names: a retyped header stands for the schema's column, unless that is there."""

from __future__ import annotations

from fulian_viewer.model.schema import SCHEMAS, canonical_columns
from fulian_viewer.model.tables import Table


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
