"""Finds the line of a value in JSON text, by its path, so error messages can point at it."""

from __future__ import annotations

import json
import re
from json.decoder import scanstring

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def parse_path(key: str) -> list[str | int]:
    """'phases[1].ramp' -> ['phases', 1, 'ramp']."""
    parts: list[str | int] = []
    for name in key.split("."):
        base, *indices = name.split("[")
        if base:
            parts.append(base)
        parts.extend(int(index.rstrip("]")) for index in indices)
    return parts


def line_of(text: str, key: str) -> int | None:
    """The line where the value at `key` starts; for a key that is not there, the line of the object
    that should hold it. None when the text cannot be walked that far."""
    try:
        position = _skip(text, 0)
        for part in parse_path(key):
            found = _child(text, position, part)
            if found is None:
                break
            position = found
    except (ValueError, IndexError):
        return None
    return text.count("\n", 0, position) + 1


def _skip(text: str, position: int) -> int:
    return _WHITESPACE.match(text, position).end()


def _child(text: str, position: int, part: str | int) -> int | None:
    """Start of the member `part` of the object or array starting at `position`."""
    opening = text[position]
    if (opening == "{") != isinstance(part, str) or opening not in "{[":
        return None
    position = _skip(text, position + 1)
    index = 0
    while text[position] not in "}]":
        if opening == "{":
            name, position = scanstring(text, position + 1)
            position = _skip(text, _skip(text, position) + 1)  # past the colon
            if name == part:
                return position
        elif index == part:
            return position
        _, position = _DECODER.raw_decode(text, position)
        position = _skip(text, position)
        if text[position] == ",":
            position = _skip(text, position + 1)
        index += 1
    return None
