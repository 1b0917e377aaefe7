"""`python -m ingest.bench`: how long a full ingest of the corpus takes here, beside embedding all it embeds alone.

Ingests into a temporary data folder (the real index under data/ is not touched), then runs again
with nothing changed. The model is loaded and warmed before either timing, so neither pays for it.
Embedding alone and the full ingest are timed ROUNDS times each, alternately, and the fastest of
each is kept: on a busy machine the fastest run is the one least disturbed by everything else.
"""

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import offline  # noqa: F401
from .chunking import chunk_document
from .embeddings import get_embedder
from .examples import read_bank
from .units import passage_units, unit_keys
from .loaders import load_document
from .pipeline import corpus_files, run_ingest
from .settings import Settings

ROUNDS = 2


@dataclass
class IngestFigures:
    documents: int
    chunks: int
    ingest_seconds: float
    chunks_per_second: float
    embed_only_seconds: float
    """Embedding the same texts (chunks, unit keys, example bank) in the same batches, and nothing else."""
    reingest_seconds: float
    reingest_embedded: int


def measure(settings: Settings) -> IngestFigures:
    """Time a full ingest into `settings.data_dir` (expected empty), embedding alone, and a no-change re-ingest."""
    documents = [load_document(path, settings) for path in corpus_files([settings.corpus_dir], settings)]
    chunks = [chunk for document in documents for chunk in chunk_document(document, settings.chunk_words)]
    # Every text a full ingest embeds: the chunks, the texts that find the answerable units, and the example bank.
    texts = [chunk.text for chunk in chunks] + unit_keys(passage_units((c.id, c.text, c.metadata) for c in chunks)) \
        + read_bank(settings)[1]
    embedder = get_embedder(settings.embedding_model)
    batch = settings.embed_batch_size
    embedder.embed_documents(texts[:batch])  # load and warm the model outside both timings

    embed_only, ingest_seconds = [], []
    for round_number in range(ROUNDS):
        started = time.perf_counter()
        for start in range(0, len(texts), batch):
            embedder.embed_documents(texts[start : start + batch])
        embed_only.append(time.perf_counter() - started)

        started = time.perf_counter()
        full = run_ingest(settings, rebuild=round_number > 0)
        ingest_seconds.append(time.perf_counter() - started)

    started = time.perf_counter()
    again = run_ingest(settings)
    reingest_seconds = time.perf_counter() - started
    return IngestFigures(
        documents=len(documents), chunks=full.chunks, ingest_seconds=min(ingest_seconds),
        chunks_per_second=full.chunks / min(ingest_seconds), embed_only_seconds=min(embed_only),
        reingest_seconds=reingest_seconds, reingest_embedded=again.embedded,
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pressline-ingest-bench-") as folder:
        figures = measure(Settings(data_dir=Path(folder) / "data"))
    print(f"(fastest of {ROUNDS} rounds each for the full ingest and embedding only)")
    print(f"documents              {figures.documents}")
    print(f"chunks                 {figures.chunks}")
    print(f"full ingest            {figures.ingest_seconds:.2f} s ({figures.chunks_per_second:.1f} chunks/s)")
    print(f"embedding only         {figures.embed_only_seconds:.2f} s "
          f"(ingest is {figures.ingest_seconds / figures.embed_only_seconds:.2f}× that)")
    print(f"no-change re-ingest    {figures.reingest_seconds:.2f} s, {figures.reingest_embedded} chunks embedded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
