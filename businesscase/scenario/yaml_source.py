"""Safe YAML reading that remembers the line of every key and refuses hostile files.

ruamel.yaml composes the document into nodes (YAML 1.2: `NO` stays text, `8e-2` is a number);
we build plain dicts, lists and scalars from them ourselves, so that no object is ever
constructed from a tag, every duplicate key is found (not only the first), and an alias bomb
is refused after a bounded number of nodes instead of exhausting memory. A number that YAML
reads but the scenario format's number syntax does not (`7_5`, `0x4B`, `0o17`, `.inf`) stays
text, so every number field refuses it with one message instead of reading 75.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from businesscase.model.errors import KeyPath, Problem, ScenarioError
from businesscase.model.parameters import is_number_text

MAX_FILE_BYTES = 1_000_000
"""A scenario is a few kilobytes; anything above a megabyte is refused before it is read."""

MAX_NODES = 100_000
"""Nodes visited while expanding aliases; a billion-laughs file hits this in milliseconds."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_ID_WORDS = {"courses": "course id", "platforms": "platform id"}


@dataclass(frozen=True)
class YamlDocument:
    """Plain data read from one YAML text, with the line (1-based) of every key path in it."""

    data: Any
    lines: dict[KeyPath, int]
    file: str


class _Builder:
    """Turns composed nodes into plain data, collecting every problem on the way."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.visited = 0
        self._yaml = YAML(typ="safe", pure=True)

    def problem(self, node: Node, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(message, path, self.file, node.start_mark.line + 1))

    def build(self, node: Node, path: KeyPath) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooLarge(node)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if not isinstance(node, ScalarNode) and node.tag not in _PLAIN_TAGS:
            self.problem(node, path, f"the tag {node.tag!r} is not allowed; write plain values")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)  # the composer makes no other kind of node
        return self._scalar(node, path)

    def _scalar(self, node: ScalarNode, path: KeyPath) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, path, f"the tag {node.tag!r} is not allowed; write a plain value")
            return None
        try:
            value = self._yaml.constructor.construct_object(node)
        except ValueError:  # an integer of thousands of digits: Python refuses to read it
            return node.value  # as text, which the number fields refuse with the reason
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not is_number_text(node.value):  # 7_5, 0x4B, 0o17, .inf: YAML's, not ours
            return node.value  # as text, which every number field refuses with the reason
        return value

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "keys must be plain names or years (no '<<' merges)")
                continue
            key = self._scalar(key_node, path)
            if isinstance(key, bool) or key is None or not isinstance(key, str | int):
                self.problem(key_node, path, f"the key {key_node.value!r} must be a name or a year")
                continue
            line = key_node.start_mark.line + 1
            if key in first_line:
                what = _ID_WORDS.get(str(path[-1]), "key") if path else "key"
                self.problem(
                    key_node,
                    (*path, key),
                    f"{what} {key!r} written twice (first at line {first_line[key]})",
                )
                continue
            first_line[key] = line
            self.lines[(*path, key)] = line
            result[key] = self.build(value_node, (*path, key))
        return result


class _TooLarge(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


def read_yaml_text(text: str, file: str) -> YamlDocument:
    """Parse YAML text safely; raise ScenarioError with every problem, each with its line."""
    builder = _Builder(file)
    try:
        root = YAML(typ="safe", pure=True).compose(text)
    except RecursionError:
        raise ScenarioError(
            [Problem("the document is nested too deeply; refused", (), file)]
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "not valid YAML"
        raise ScenarioError([Problem(f"not valid YAML: {reason}", (), file, line)]) from None
    except YAMLError as error:
        raise ScenarioError([Problem(f"not valid YAML: {error}", (), file, None)]) from None
    if root is None:
        raise ScenarioError([Problem("the file is empty; expected a scenario mapping", (), file)])
    try:
        data = builder.build(root, ())
    except _TooLarge as stop:
        message = (
            f"the document expands to more than {MAX_NODES:,} values "
            "(aliases repeated too often); refused"
        )
        raise ScenarioError([Problem(message, (), file, stop.node.start_mark.line + 1)]) from None
    except RecursionError:
        raise ScenarioError(
            [Problem("the document is nested too deeply; refused", (), file)]
        ) from None
    if builder.problems:
        raise ScenarioError(builder.problems)
    if not isinstance(data, dict):
        raise ScenarioError([Problem("expected a mapping of keys at the top level", (), file, 1)])
    return YamlDocument(data, builder.lines, file)


def read_yaml_file(path: Path, shown_as: str | None = None) -> YamlDocument:
    """Read a scenario file, refusing a missing, unreadable, binary or oversized file."""
    name = shown_as or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ScenarioError([Problem("file not found", (), name)]) from None
    except OSError as error:
        raise ScenarioError(
            [Problem(f"cannot read the file ({error.strerror})", (), name)]
        ) from None
    if path.is_dir():
        raise ScenarioError([Problem("is a folder, not a scenario file", (), name)])
    if not path.is_file():
        raise ScenarioError([Problem("is not a regular file", (), name)])
    if size > MAX_FILE_BYTES:
        message = f"the file is {size:,} bytes; scenario files are limited to {MAX_FILE_BYTES:,}"
        raise ScenarioError([Problem(message, (), name)])
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioError(
            [Problem(f"cannot read the file ({error.strerror})", (), name)]
        ) from None
    return read_yaml_bytes(raw, name)


def read_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    """Read an uploaded or already-read scenario, with the same limits as a file."""
    if len(raw) > MAX_FILE_BYTES:
        message = (
            f"the file is {len(raw):,} bytes; scenario files are limited to {MAX_FILE_BYTES:,}"
        )
        raise ScenarioError([Problem(message, (), name)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"not a UTF-8 text file (byte {error.start} cannot be read)"
        raise ScenarioError([Problem(message, (), name)]) from None
    return read_yaml_text(text, name)
