"""The baseline the engine is scored against: plain LangChain + Chroma with the same embedding model.

Used as LangChain does by default: each `similarity_search` embeds the query itself, Chroma keeps its
default (L2) space, and the documents are split with RecursiveCharacterTextSplitter. The embeddings
object is the engine's own (a HuggingFaceEmbeddings on the model package's folder; the model
normalises its vectors itself), so a timing never pits two copies of the model against each other
for the CPU's caches. The documents' text comes from ingest's loader (front matter aside, a PDF
page by page), so both systems read the same words and quote the same files. The verdict is the
status of the nearest RAG-table topic, each topic indexed as its own document; amber and red send
the officer to DMC. It never refuses, so it is always in scope and either answered or escalated.

Usage::

    baseline = Baseline.build(settings, folder)
    baseline.answer("Can I tweet about a burglary arrest?", today=dt.date(2026, 11, 20))
"""

import datetime as dt
from pathlib import Path

from assistant.models import Answer, Citation, Escalation
from ingest import offline  # noqa: F401
from ingest.embeddings import get_embedder
from ingest.loaders import load_document
from ingest.pipeline import corpus_files
from ingest.safe_yaml import read_yaml
from ingest.settings import Settings

CHUNK_SIZE = 800
CHUNK_OVERLAP = 100
CITED_CHUNKS = 3
RAG_TABLE = Path("rag-table") / "rag-table.yaml"
CONFIG = {"chunk_size": CHUNK_SIZE, "chunk_overlap": CHUNK_OVERLAP, "cited_chunks": CITED_CHUNKS,
          "distance": "Chroma default (l2)", "verdict": "status of the nearest RAG-table topic"}


class Baseline:
    def __init__(self, chunks, topics):
        self.chunks = chunks
        self.topics = topics

    @classmethod
    def build(cls, settings: Settings, folder: Path) -> "Baseline":
        """Index the corpus and the RAG-table topics into two Chroma collections under `folder`."""
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        embeddings = get_embedder(settings.embedding_model)
        pages = []
        for path in corpus_files([settings.corpus_dir], settings):
            document = load_document(path, settings)
            for page in document.pages:
                pages.append(Document(page_content=page.text, metadata={
                    "source": document.source, "doc_id": document.id, "title": document.title, "kind": document.kind,
                    "page": page.number or 0,
                }))
        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True)
        chunks = Chroma(collection_name="baseline-chunks", embedding_function=embeddings, persist_directory=str(folder))
        chunks.add_documents(splitter.split_documents(pages))

        table = read_yaml(settings.corpus_dir / RAG_TABLE, settings)
        topics = Chroma(collection_name="baseline-topics", embedding_function=embeddings, persist_directory=str(folder))
        topics.add_documents([
            Document(page_content=", ".join([topic["name"], *topic.get("aliases", [])]),
                     metadata={"topic": topic["name"], "status": status["status"]})
            for status in table["statuses"] for topic in status["topics"]
        ])
        return cls(chunks, topics)

    def retrieve(self, question: str):
        """The chunks the answer cites: LangChain's similarity_search, which embeds the question itself."""
        return self.chunks.similarity_search(question, k=CITED_CHUNKS)

    def answer(self, question: str, today: dt.date, history=()) -> Answer:
        """The nearest topic's colour and the nearest chunks; earlier turns are not read."""
        nearest = self.topics.similarity_search(question, k=1)[0].metadata
        rag = nearest["status"]
        escalation = [Escalation(to="dmc", reason=f"'{nearest['topic']}' is {rag}", contact="DMC")] if rag != "green" else []
        citations = [
            Citation(source=chunk.metadata["source"], title=chunk.metadata["title"], kind=chunk.metadata["kind"],
                     locator=_locator(chunk.metadata, len(chunk.page_content)), quote=chunk.page_content,
                     doc_id=chunk.metadata["doc_id"])
            for chunk in self.retrieve(question)
        ]
        return Answer(question=question, today=today, in_scope=True, status="escalated" if escalation else "answered",
                      rag=rag, escalation=escalation, answer=f"{rag}: nearest RAG topic '{nearest['topic']}'",
                      citations=citations)


def _locator(meta: dict, length: int) -> str:
    page = f"page {meta['page']}, " if meta["page"] else ""
    return f"{page}characters {meta['start_index']}–{meta['start_index'] + length}"
