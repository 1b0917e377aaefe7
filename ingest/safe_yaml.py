"""The one way Pressline reads YAML: no anchors or aliases, a size limit and a nesting limit.

`yaml.safe_load` is safe from code execution but not from exhaustion: it composes a document
recursively, so a few kilobytes of `[[[[…` raise RecursionError, and an alias bomb (each level an
alias list of the one before) is a few hundred bytes that grow to gigabytes wherever the result is
copied or serialised. Here the event stream is checked first, in a loop and before anything is
composed; only a document that passes is loaded. Pressline's own YAML files need neither anchors nor
more than a few levels, so both limits cost nothing.

Lives in ingest (the lowest layer) so that ingest, the assistant and the app can all use it.

Usage::

    from ingest.safe_yaml import BadYaml, load_yaml, read_yaml
    table = read_yaml(path)                                  # errors name the file
    meta = load_yaml(front_matter_text, "corpus/policy/x.md")
"""

from pathlib import Path

import yaml

from .errors import PresslineError
from .settings import Settings, get_settings

# libyaml's parser when installed (it is with the pinned PyYAML wheels); both parse without recursion.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class BadYaml(PresslineError):
    """A YAML file or front matter that is malformed, too large, too deeply nested or uses anchors; the one-line
    message names the file and says what to fix."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = " ".join(problem.split())
        super().__init__(f"{path}: {self.problem}")


def load_yaml(data: str | bytes, source: str, settings: Settings | None = None):
    """The document in `data` (from `source`, which errors name), or BadYaml before anything large is built."""
    settings = settings or get_settings()
    if len(data) > settings.max_yaml_kb * 1024:
        raise BadYaml(source, _too_large(len(data), settings))
    try:
        _check_events(data, source, settings.max_yaml_depth)
        return yaml.load(data, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise BadYaml(source, f"malformed YAML: {_problem(exc)}; fix the syntax") from None
    except ValueError as exc:  # a value that looks like a date or number but is not one, e.g. 2026-02-30
        raise BadYaml(source, f"a value cannot be read ({exc}); quote it if it is meant as text") from None


def read_yaml(path: Path, settings: Settings | None = None, source: str | None = None):
    """The YAML file at `path`, checked as load_yaml checks it; too large a file is refused before it is read.

    OSError (a missing or unreadable file) is left to the caller, which knows whether the file is optional."""
    settings = settings or get_settings()
    source = source or settings.relative(path)
    size = Path(path).stat().st_size
    if size > settings.max_yaml_kb * 1024:
        raise BadYaml(source, _too_large(size, settings))
    return load_yaml(Path(path).read_bytes(), source, settings)


def _check_events(data: str | bytes, source: str, max_depth: int) -> None:
    depth = 0
    for event in yaml.parse(data, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise BadYaml(source, f"YAML anchors and aliases (&name, *name) are not allowed{_line(event)}; "
                                  "write each value out in full")
        if isinstance(event, _OPENS):
            depth += 1
            if depth > max_depth:
                raise BadYaml(source, f"YAML nested more than {max_depth} levels deep{_line(event)}; "
                                      "flatten it (PRESSLINE_MAX_YAML_DEPTH)")
        elif isinstance(event, _CLOSES):
            depth -= 1


def _too_large(size: int, settings: Settings) -> str:
    return (f"{size / 1024:,.0f} KB of YAML is over the {settings.max_yaml_kb:,} KB limit (PRESSLINE_MAX_YAML_KB); "
            "split the file or shorten it")


def _line(event) -> str:
    mark = getattr(event, "start_mark", None)
    return f" (line {mark.line + 1})" if mark else ""


def _problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{problem} (line {mark.line + 1})" if mark else problem
