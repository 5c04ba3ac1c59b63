"""Read the YAML data files that ship under `storyline/lexicon/`.

Only the reading lives here (once per process per file); what a file means is
up to the module that asks for it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from .errors import ConfigError


@cache
def load_yaml(name: str) -> Any:
    try:
        text = resources.files("storyline.lexicon").joinpath(name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"lexicon file {name}: {exc}. Reinstall storyline or fix the file.") from exc
