"""Loading the editable vocabulary files (data/*.toml) with errors that name the line."""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_ENV = "BULLETINS_DATA"  # another folder of vocabularies, e.g. an office's own copy


def data_dir() -> Path:
    """Where the vocabularies are read from: $BULLETINS_DATA, else the project's data/."""
    return Path(os.environ.get(DATA_ENV) or DATA_DIR)


class VocabularyError(Exception):
    """A vocabulary file is missing or wrong; `str()` is 'FILE:LINE: reason'."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


class TomlFile:
    """A parsed TOML file that can say on which line its N-th `[[table]]` starts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise VocabularyError(path, None, "file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise VocabularyError(path, None, f"cannot read: {exc}") from None
        try:
            self.data: dict[str, Any] = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise VocabularyError(path, int(m.group(1)) if m else None, f"not valid TOML: {exc}") from None

    def line_of(self, table: str, index: int) -> int | None:
        header = re.compile(rf"^[ \t]*\[\[\s*{re.escape(table)}\s*\]\]", re.MULTILINE)  # [ \t]*, not \s*: that would start on a blank line above
        starts = [self.text.count("\n", 0, m.start()) + 1 for m in header.finditer(self.text)]
        return starts[index] if index < len(starts) else None

    def error(self, table: str, index: int, reason: str) -> VocabularyError:
        return VocabularyError(self.path, self.line_of(table, index), reason)

    def entries(self, table: str) -> list[dict[str, Any]]:
        value = self.data.get(table, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise VocabularyError(self.path, None, f"'{table}' must be a list of [[{table}]] tables")
        return value


def string_list(file: TomlFile, table: str, index: int, entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise file.error(table, index, f"'{key}' must be a list of non-empty strings")
    return value


def required_str(file: TomlFile, table: str, index: int, entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise file.error(table, index, f"'{key}' is missing or empty")
    return value.strip()
