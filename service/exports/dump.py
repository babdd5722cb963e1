"""The whole store as one file: every claim of every article's current run, with its
reviewed value (as extracted while unreviewed), in CSV, JSON Lines or Parquet.

Read in batches by id (no OFFSET, a short session per batch) and written as they come:
CSV and JSON Lines a line per claim, Parquet a row group per batch (pyarrow's
ParquetWriter). The file appears under its name only once complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from sqlalchemy import Engine

from schemas.api import ClaimPublic
from service import repository
from service.api.presenters import claims_public
from service.db import session_scope
from service.exports.formats import DumpFormat
from service.exports.rows import COLUMNS, claim_rows, csv_chunks, jsonl_lines
from service.models import Article

DEFAULT_BATCH = 500


class BatchWriter(Protocol):
    """Writes claims a batch at a time."""

    def write(self, claims: Sequence[ClaimPublic], articles: dict[int, Article]) -> None:
        """Append one batch."""


class _TextWriter:
    def __init__(self, file: IO[str], csv: bool) -> None:
        self.file, self.csv = file, csv
        if csv:  # the header, even when no claim follows
            file.writelines(csv_chunks([]))

    def write(self, claims: Sequence[ClaimPublic], articles: dict[int, Article]) -> None:
        if self.csv:
            chunks = csv_chunks(claim_rows(claims, articles), header=False)
        else:
            chunks = jsonl_lines(claims)
        self.file.writelines(chunks)


def parquet_schema() -> Any:
    """The Parquet schema: one typed column per CSV column."""
    import pyarrow as pa

    types = {"int": pa.int64(), "str": pa.string(), "bool": pa.bool_(), "float": pa.float64()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in COLUMNS.items()])


class _ParquetWriter:
    def __init__(self, writer: Any, schema: Any) -> None:
        self.writer, self.schema = writer, schema

    def write(self, claims: Sequence[ClaimPublic], articles: dict[int, Article]) -> None:
        import pyarrow as pa

        rows = list(claim_rows(claims, articles))
        self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))


@contextmanager
def open_writer(fmt: DumpFormat, path: Path) -> Iterator[BatchWriter]:
    """A writer for `path`; the file is written beside it and moved there when complete."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        if fmt == DumpFormat.parquet:
            import pyarrow.parquet as pq

            schema = parquet_schema()
            with pq.ParquetWriter(partial, schema) as parquet:
                yield _ParquetWriter(parquet, schema)
        else:
            # newline="": the csv module writes RFC 4180's CRLF itself
            with partial.open("w", encoding="utf-8", newline="") as file:
                yield _TextWriter(file, csv=fmt == DumpFormat.csv)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def count_claims(engine: Engine) -> int:
    """How many claims a dump will hold."""
    with session_scope(engine) as session:
        return repository.current_claims_count(session=session)


def dump_claims(
    *,
    engine: Engine,
    fmt: DumpFormat,
    path: Path,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write every current claim to `path` in `fmt`, a batch at a time; how many were
    written. `progress(n)` is called after each batch of n claims."""
    written, after = 0, 0
    with open_writer(fmt, path) as writer:
        while True:
            with session_scope(engine) as session:
                records = repository.current_claims_after(
                    session=session, after_id=after, limit=batch_size
                )
                if not records:
                    break
                claims = claims_public(records)
                ids = [record.article_id for record in records]
                articles = repository.articles_by_id(session=session, article_ids=ids)
            writer.write(claims, articles)
            after = claims[-1].id
            written += len(claims)
            if progress is not None:
                progress(len(claims))
    return written
