"""The wording of answers and fixed replies, read from the editable templates in prompts/."""

from functools import lru_cache
from pathlib import Path
from string import Template

from ingest.settings import REPO_ROOT

PROMPTS_DIR = REPO_ROOT / "prompts"


@lru_cache(maxsize=64)
def _template(name: str, folder: Path) -> Template:
    return Template((folder / f"{name}.txt").read_text(encoding="utf-8").strip())


def render(name: str, folder: Path = PROMPTS_DIR, **fields: str) -> str:
    """The template `prompts/<name>.txt` with `fields` filled in; a missing field is an error."""
    return _template(name, folder).substitute(**fields)
