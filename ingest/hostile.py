"""Hostile inputs for Pressline's loaders (the hardening tests use these).

Usage::

    from ingest.hostile import yaml_alias_bomb, yaml_depth_bomb
"""


def yaml_depth_bomb(levels: int = 5000) -> str:
    """A few KB of nested flow lists: `yaml.safe_load` composes it recursively and raises RecursionError."""
    return "a: " + "[" * levels + "]" * levels + "\n"


def yaml_alias_bomb(levels: int = 9) -> str:
    """Under 400 bytes whose aliases stand for 9**levels strings once expanded (a 'billion laughs')."""
    names = [chr(ord("a") + level) for level in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [" + ",".join(["lol"] * 9) + "]"]
    for before, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"
