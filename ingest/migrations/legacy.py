"""The first release's side files, copied into the database by migration 0002: approvals (data/approvals.sqlite3)
and saved conversations (data/conversations.sqlite3)."""

import sqlite3
from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from ingest.errors import DatabaseUnavailable

LEGACY_TABLES = {
    "approvals.sqlite3": {
        "approvals": "SELECT path, sha256, approved_by, approved_at FROM approvals ORDER BY id",
        "snapshots": "SELECT path, sha256, content, saved_at FROM snapshots ORDER BY rowid",
    },
    "conversations.sqlite3": {
        "conversations": "SELECT key_hash, saved, started, touched FROM conversations",
    },
}


def copy_legacy_files(connection: sa.Connection, data_dir: Path) -> list[Path]:
    """Copy every row of the side files found in `data_dir` into the database; returns the files copied."""
    copied = []
    for name, tables in LEGACY_TABLES.items():
        path = Path(data_dir) / name
        if not path.is_file():
            continue
        try:
            found = _read(path, tables)
        except sqlite3.Error as exc:
            raise DatabaseUnavailable(
                f"{path} (kept by an earlier release) cannot be read ({exc}); nothing was changed. Move it out of the "
                "data folder to start without its records, or restore it from a backup") from None
        for table, rows in found.items():
            target = sa.table(table, *(sa.column(column) for column in rows[0]))
            connection.execute(target.insert(), rows)
        copied.append(path)
    return copied


def _read(path: Path, tables: dict[str, str]) -> dict[str, list[dict]]:
    """Every row of the tables present, opened read-only so the file is never changed."""
    found = {}
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as side:
        present = {row[0] for row in side.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, query in tables.items():
            if table in present:
                cursor = side.execute(query)
                columns = [description[0] for description in cursor.description]
                rows = [dict(zip(columns, row)) for row in cursor]
                if rows:
                    found[table] = rows
    return found
