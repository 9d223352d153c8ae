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
from businesscase.model.wording import Wording, say

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

_ID_WORDS = {
    "courses": Wording("course id", "cursus-id"),
    "platforms": Wording("platform id", "platform-id"),
}
_KEY = Wording("key", "sleutel")
_NESTED = Wording(
    "the document is nested too deeply; refused",
    "het document is te diep genest; geweigerd",
)


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

    def problem(self, node: Node, path: KeyPath, message: Wording) -> None:
        self.problems.append(Problem(message, path, self.file, node.start_mark.line + 1))

    def build(self, node: Node, path: KeyPath) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _TooLarge(node)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if not isinstance(node, ScalarNode) and node.tag not in _PLAIN_TAGS:
            self.problem(
                node,
                path,
                say(
                    "the tag {tag!r} is not allowed; write plain values",
                    "de tag {tag!r} is niet toegestaan; schrijf gewone waarden",
                    tag=node.tag,
                ),
            )
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
            self.problem(
                node,
                path,
                say(
                    "the tag {tag!r} is not allowed; write a plain value",
                    "de tag {tag!r} is niet toegestaan; schrijf een gewone waarde",
                    tag=node.tag,
                ),
            )
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
                self.problem(
                    key_node,
                    path,
                    say(
                        "keys must be plain names or years (no '<<' merges)",
                        "sleutels moeten gewone namen of jaren zijn (geen '<<' om samen te voegen)",
                    ),
                )
                continue
            key = self._scalar(key_node, path)
            if isinstance(key, bool) or key is None or not isinstance(key, str | int):
                self.problem(
                    key_node,
                    path,
                    say(
                        "the key {key!r} must be a name or a year",
                        "de sleutel {key!r} moet een naam of een jaar zijn",
                        key=key_node.value,
                    ),
                )
                continue
            line = key_node.start_mark.line + 1
            if key in first_line:
                what = _ID_WORDS.get(str(path[-1]), _KEY) if path else _KEY
                self.problem(
                    key_node,
                    (*path, key),
                    say(
                        "{what} {key!r} written twice (first at line {first})",
                        "{what} {key!r} staat er twee keer (eerst op regel {first})",
                        what=what,
                        key=key,
                        first=first_line[key],
                    ),
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
        raise ScenarioError([Problem(_NESTED, (), file)]) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "not valid YAML"
        raise ScenarioError([Problem(_not_yaml(reason), (), file, line)]) from None
    except YAMLError as error:
        raise ScenarioError([Problem(_not_yaml(str(error)), (), file, None)]) from None
    if root is None:
        empty = say(
            "the file is empty; expected a scenario mapping",
            "het bestand is leeg; verwacht werd een scenario met sleutels",
        )
        raise ScenarioError([Problem(empty, (), file)])
    try:
        data = builder.build(root, ())
    except _TooLarge as stop:
        message = say(
            "the document expands to more than {most:,} values (aliases repeated too often); "
            "refused",
            "het document groeit uit tot meer dan {most:,} waarden (verwijzingen met aliassen te "
            "vaak herhaald); geweigerd",
            most=MAX_NODES,
        )
        raise ScenarioError([Problem(message, (), file, stop.node.start_mark.line + 1)]) from None
    except RecursionError:
        raise ScenarioError([Problem(_NESTED, (), file)]) from None
    if builder.problems:
        raise ScenarioError(builder.problems)
    if not isinstance(data, dict):
        top = say(
            "expected a mapping of keys at the top level",
            "verwacht werden sleutels met waarden op het hoogste niveau",
        )
        raise ScenarioError([Problem(top, (), file, 1)])
    return YamlDocument(data, builder.lines, file)


def _not_yaml(reason: str) -> Wording:
    """A YAML syntax error: the parser's own reason in English; in Dutch where to look, as the
    parser's words cannot be translated."""
    return say(
        "not valid YAML: {reason}",
        "geen geldige YAML: de opbouw klopt niet op of vlak voor deze regel (kijk naar "
        "inspringing, dubbele punten, haakjes en aanhalingstekens)",
        reason=reason,
    )


def _unreadable(error: OSError) -> Wording:
    return say(
        "cannot read the file ({reason})",
        "kan het bestand niet lezen ({reason})",
        reason=error.strerror,
    )


def _too_large(size: int) -> Wording:
    return say(
        "the file is {size:,} bytes; scenario files are limited to {most:,}",
        "het bestand is {size:,} bytes; scenariobestanden mogen hoogstens {most:,} bytes zijn",
        size=size,
        most=MAX_FILE_BYTES,
    )


def read_yaml_file(path: Path, shown_as: str | None = None) -> YamlDocument:
    """Read a scenario file, refusing a missing, unreadable, binary or oversized file."""
    name = shown_as or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        missing = say("file not found", "bestand niet gevonden")
        raise ScenarioError([Problem(missing, (), name)]) from None
    except OSError as error:
        raise ScenarioError([Problem(_unreadable(error), (), name)]) from None
    if path.is_dir():
        folder = say("is a folder, not a scenario file", "is een map, geen scenariobestand")
        raise ScenarioError([Problem(folder, (), name)])
    if not path.is_file():
        special = say("is not a regular file", "is geen gewoon bestand")
        raise ScenarioError([Problem(special, (), name)])
    if size > MAX_FILE_BYTES:
        raise ScenarioError([Problem(_too_large(size), (), name)])
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioError([Problem(_unreadable(error), (), name)]) from None
    return read_yaml_bytes(raw, name)


def read_yaml_bytes(raw: bytes, name: str) -> YamlDocument:
    """Read an uploaded or already-read scenario, with the same limits as a file."""
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError([Problem(_too_large(len(raw)), (), name)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = say(
            "not a UTF-8 text file (byte {byte} cannot be read)",
            "geen UTF-8-tekstbestand (byte {byte} is onleesbaar)",
            byte=error.start,
        )
        raise ScenarioError([Problem(message, (), name)]) from None
    return read_yaml_text(text, name)
