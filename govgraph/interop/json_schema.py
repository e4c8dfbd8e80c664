"""JSON Schema of the model files and of ``govgraph.yaml``, generated from the pydantic models.

Editors that speak the YAML language server (VS Code's YAML extension,
JetBrains IDEs, Neovim) autocomplete field names and flag mistakes as they
are typed when a model file starts with::

    # yaml-language-server: $schema=../govgraph-model.schema.json

The schema cannot check what needs the whole model (references, unique ids):
``govgraph validate`` still does that.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from govgraph.packs.models import Pack
from govgraph.schema import Body, Organisation, Person, Plan, Post, Settings

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class ModelFile(BaseModel):
    """One YAML file of a govgraph model: any of its sections, each a list."""

    model_config = ConfigDict(extra="forbid", title="govgraph model file")

    organisations: list[Organisation] = Field(
        default_factory=list, description="Agencies that send members."
    )
    people: list[Person] = Field(default_factory=list, description="Named individuals.")
    posts: list[Post] = Field(default_factory=list, description="Offices held over time.")
    bodies: list[Body] = Field(
        default_factory=list, description="Boards, partnerships, sub-groups, committees …"
    )
    plans: list[Plan] = Field(
        default_factory=list,
        description="Plans a body oversees, with the priorities bodies deliver.",
    )
    packs: list[Pack] = Field(
        default_factory=list, description="The model's own statutory composition packs."
    )


def model_file_schema() -> dict[str, Any]:
    """The schema of a model file (``organisations``, ``people``, ``posts``, ``bodies``)."""
    return _finish(ModelFile.model_json_schema(by_alias=True, mode="validation"))


def settings_schema() -> dict[str, Any]:
    """The schema of ``govgraph.yaml``."""
    schema = Settings.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = "govgraph settings (govgraph.yaml)"
    return _finish(schema)


def _finish(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the draft and a date pattern; sections may be null (an empty YAML key)."""
    _walk(schema)
    for section in schema.get("properties", {}).values():
        if section.get("type") == "array":
            section["type"] = ["array", "null"]
    return {"$schema": DRAFT, **schema}


def _walk(node: Any) -> None:
    # YAML dates are written as text; "format: date" alone is only advisory in
    # most validators, so the pattern makes editors flag 2023-7-1 as well.
    if isinstance(node, dict):
        if node.get("format") == "date" and node.get("type") == "string":
            node["pattern"] = DATE_PATTERN
        for value in node.values():
            _walk(value)
    elif isinstance(node, list):
        for value in node:
            _walk(value)
