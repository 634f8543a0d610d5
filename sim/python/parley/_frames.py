"""CSV text written by parley's own writers -> pandas DataFrames with the files' columns."""
import io

import pandas as pd

# Columns that hold names, never numbers (a table or group may be called "nan" or "NA").
_TEXT_COLUMNS = {"table", "metric", "group", "outcome", "statistic", "parameter"}


def frame(text, text_columns=()):
    """A DataFrame of CSV `text`: names stay strings, empty fields and nan are NaN, inf is inf,
    and every number is the double the file spells (parley writes shortest round-trip text;
    pandas' default parser may miss it by an ulp)."""
    header = text.split("\n", 1)[0].split(",")
    names = _TEXT_COLUMNS.union(text_columns)
    return pd.read_csv(
        io.StringIO(text),
        dtype={c: str for c in header if c in names},
        keep_default_na=False,
        na_values={c: ["", "nan"] for c in header if c not in names},
        float_precision="round_trip",
    )


def override_text(value):
    """A Python value as the YAML text `--set PATH=VALUE` would be given."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "item") and not isinstance(value, (list, tuple)):  # numpy scalars
        value = value.item()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    raise TypeError(f"set: a value must be a string, number or bool, got {type(value).__name__}")


def overrides(set_):
    """`set` as given to load/run (a dict PATH -> value, or "PATH=VALUE" strings) -> pairs."""
    if set_ is None:
        return []
    if isinstance(set_, dict):
        return [(str(path), override_text(value)) for path, value in set_.items()]
    if isinstance(set_, str):
        set_ = [set_]
    pairs = []
    for item in set_:
        path, separator, value = str(item).partition("=")
        if not separator:
            raise ValueError(f"set: expected PATH=VALUE, got {item!r}")
        pairs.append((path, value))
    return pairs
