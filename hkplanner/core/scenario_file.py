"""The `.hkplan` scenario file: human-readable JSON, read defensively and written atomically.

Nothing in a file is ever executed: it is parsed as JSON and every field is checked against the
parameter registry and the phase rules. Every problem raises ScenarioFileError naming the file,
the key and, where it can, the line.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hkplanner import __version__
from hkplanner.core.data_versions import DefaultChange, changes_since, current_version
from hkplanner.core.json_lines import line_of
from hkplanner.core.parameters import REGISTRY, ParameterError
from hkplanner.core.phases import Phase
from hkplanner.core.scenario import Scenario

FORMAT_VERSION = 1
EXTENSION = ".hkplan"
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 8  # the format itself needs 3 levels
TEXT_FIELDS = ("name", "description", "notes", "author")
REQUIRED = ("format_version", "app_version", "data_version", "name", "created", "modified", "parameters", "phases")
OPTIONAL = ("description", "notes", "author")
PHASE_FIELDS = ("name", "owner", "capacity_pf", "start_year", "completion_year", "ramp")
PHASE_OPTIONAL = ("source", "tag")  # a file without tags takes them from the phase names

# Older format versions and the function that lifts a file's dict to the next version.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class ScenarioFileError(ValueError):
    """A scenario file that cannot be opened or saved; the message says where and why."""

    def __init__(self, reason: str, path: str | os.PathLike | None = None, key: str | None = None, line=None):
        self.reason, self.path, self.key, self.line = reason, path, key, line
        where = [Path(path).name if path else None, f"line {line}" if line else None, key]
        prefix = ", ".join(part for part in where if part)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class ScenarioDocument:
    """A scenario with what a file says about it."""

    scenario: Scenario
    description: str = ""
    notes: str = ""
    author: str = ""
    created: str = field(default_factory=now)
    modified: str = field(default_factory=now)


@dataclass(frozen=True)
class OpenedFile:
    document: ScenarioDocument
    app_version: str
    data_version: str
    default_changes: tuple[DefaultChange, ...] | None  # None: made with data this app does not know
    filled_in: tuple[str, ...] = ()  # parameters the file lacked, given their defaults

    @property
    def notices(self) -> list[str]:
        """What the user should be told on opening, in plain words."""
        notices = []
        if self.default_changes is None:
            notices.append(
                f"This scenario was made with default data version {self.data_version}, which this app does "
                f"not know (it has {current_version()}). It opens with the values it was saved with."
            )
        for change in self.default_changes or ():
            notices.append(
                f"Since this scenario was saved, the default for {change.key} changed from {change.old} to "
                f"{change.new} ({change.why}). The scenario keeps its own value."
            )
        if self.filled_in:
            notices.append(f"Not in the file, so set to their defaults: {', '.join(self.filled_in)}.")
        return notices


# Writing -------------------------------------------------------------------------------------------


def to_json(document: ScenarioDocument) -> str:
    scenario = document.scenario
    content = {
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "data_version": current_version(),
        "name": scenario.name,
        "description": document.description,
        "notes": document.notes,
        "author": document.author,
        "created": document.created,
        "modified": document.modified,
        "parameters": dict(scenario.values),
        "phases": [{name: getattr(phase, name) for name in PHASE_FIELDS + PHASE_OPTIONAL} for phase in scenario.phases],
    }
    return json.dumps(content, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save(path: str | os.PathLike, document: ScenarioDocument) -> None:
    """Write atomically: a failure at any point leaves the previous file as it was."""
    write_atomically(Path(path), to_json(document).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as out:
            temporary = Path(out.name)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))  # temporary files are private; the saved file should not be
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise ScenarioFileError(f"could not be saved: {error.strerror or error}", path) from error


def _mode_for(path: Path) -> int:
    """The file's current permissions, or those a new file gets under the user's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Reading -------------------------------------------------------------------------------------------


def open_file(path: str | os.PathLike) -> OpenedFile:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ScenarioFileError(f"is {size / 1e6:.1f} MB; scenario files are at most {MAX_BYTES // 2**20} MB", path)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ScenarioFileError(f"could not be read: {error.strerror or error}", path) from error
    return from_bytes(data, path)


def from_bytes(data: bytes, path: str | os.PathLike | None = None) -> OpenedFile:
    """Parse and check a scenario file's bytes; raises ScenarioFileError, never anything else."""
    if len(data) > MAX_BYTES:
        raise ScenarioFileError(f"is over {MAX_BYTES // 2**20} MB; scenario files are smaller", path)
    if b"\x00" in data:
        raise ScenarioFileError("is not a scenario file (it holds binary data, not text)", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScenarioFileError(f"is not valid UTF-8 text (byte {error.start})", path, line=line) from None
    content = _parse_json(text, path)
    return _read_content(content, text, path)


def _parse_json(text: str, path) -> dict:
    try:
        content = json.loads(text)  # NaN and Infinity parse as floats; the field checks refuse them by name
    except json.JSONDecodeError as error:
        raise ScenarioFileError(f"is not valid JSON ({error.msg})", path, line=error.lineno) from None
    except RecursionError:
        raise ScenarioFileError("is nested too deeply to be a scenario file", path) from None
    except ValueError:  # a number with thousands of digits
        raise ScenarioFileError("holds a number too long to be a parameter value", path) from None
    if _depth(content) > MAX_DEPTH:
        raise ScenarioFileError("is nested too deeply to be a scenario file", path)
    if not isinstance(content, dict):
        raise ScenarioFileError("is not a scenario file (expected a JSON object at the top)", path, line=1)
    try:
        json.dumps(content, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ScenarioFileError("holds text that is not valid Unicode (a lone surrogate escape)", path) from None
    return content


def _is_whole(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer()


def _depth(value, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return max((_depth(child, level + 1) for child in children), default=level)


def _read_content(content: dict, text: str, path) -> OpenedFile:
    def fail(reason: str, key: str):
        raise ScenarioFileError(reason, path, key, line_of(text, key))

    if "format_version" not in content:
        fail("the required field 'format_version' is missing", "format_version")
    version = content["format_version"]
    oldest = min(MIGRATIONS, default=FORMAT_VERSION)
    if not _is_whole(version) or version < oldest:
        fail(
            f"format_version = {version!r} is not a format version this app knows ({oldest} to {FORMAT_VERSION})",
            "format_version",
        )
    version = int(version)
    if version > FORMAT_VERSION:
        fail(
            f"was made by a newer HK Planner (format {version}; this app reads up to {FORMAT_VERSION}). "
            "Open it with a newer version of the app.",
            "format_version",
        )
    while version < FORMAT_VERSION:
        if version not in MIGRATIONS:
            fail(f"format {version} cannot be brought up to date by this app", "format_version")
        try:
            content, version = MIGRATIONS[version](content), version + 1
        except Exception as error:  # a migration meeting a malformed old file
            fail(f"could not be brought up from format {version}: {error}", "format_version")
        if not isinstance(content, dict):
            fail(f"could not be brought up from format {version - 1}", "format_version")

    for key in content:
        if key not in REQUIRED + OPTIONAL:
            fail(f"unknown field {key!r} (a scenario file has: {', '.join(REQUIRED + OPTIONAL)})", key)
    for key in REQUIRED:
        if key not in content:
            fail(f"the required field {key!r} is missing", key)
    for key in ("app_version", "data_version", "created", "modified", *TEXT_FIELDS):
        if key in content and not isinstance(content[key], str):
            fail(f"{key} = {content[key]!r} should be text", key)
    for key in ("created", "modified"):
        try:
            datetime.fromisoformat(content[key])
        except ValueError:
            fail(f"{key} = {content[key]!r} is not a date and time (ISO 8601)", key)
    if not content["name"].strip():
        fail("the name must not be empty", "name")

    parameters = content["parameters"]
    if not isinstance(parameters, dict):
        fail("parameters should be an object from parameter keys to numbers", "parameters")
    values = {}
    for key, value in parameters.items():
        if key not in REGISTRY:
            fail(f"unknown parameter {key!r} = {value!r}", f"parameters.{key}")
        try:
            values[key] = REGISTRY[key].validate(value)
        except ParameterError as error:
            fail(str(error), f"parameters.{key}")

    phase_list = content["phases"]
    if not isinstance(phase_list, list):
        fail("phases should be a list of phase objects", "phases")
    phases = []
    for index, entry in enumerate(phase_list):
        where = f"phases[{index}]"
        if not isinstance(entry, dict):
            fail(f"{where} should be an object with {', '.join(PHASE_FIELDS)}", where)
        for key in entry:
            if key not in PHASE_FIELDS + PHASE_OPTIONAL:
                fail(f"{where}: unknown field {key!r}", f"{where}.{key}")
        for key in PHASE_FIELDS:
            if key not in entry:
                fail(f"{where}: the required field {key!r} is missing", f"{where}.{key}")
        for key in PHASE_OPTIONAL:
            if key in entry and not isinstance(entry[key], str):
                fail(f"{where}: {key} should be text", f"{where}.{key}")
        try:
            phases.append(Phase(**entry))
        except (ParameterError, TypeError) as error:
            fail(str(error), where)

    extras = {key: content.get(key, "") for key in OPTIONAL}
    document = ScenarioDocument(
        Scenario(content["name"], values, tuple(phases)),
        created=content["created"],
        modified=content["modified"],
        **extras,
    )
    return OpenedFile(
        document=document,
        app_version=content["app_version"],
        data_version=content["data_version"],
        default_changes=changes_since(content["data_version"]),
        filled_in=tuple(key for key in REGISTRY if key not in parameters),
    )
