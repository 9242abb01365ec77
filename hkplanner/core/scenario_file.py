"""The `.hkplan` scenario file: human-readable JSON, read defensively and written atomically.

Nothing in a file is ever executed: it is parsed as JSON and every field is checked against the
parameter registry and the phase rules. Every problem raises ScenarioFileError naming the file,
the key and, where it can, the line. Only regular files are read (never a pipe or a device), and
every save is checked before it is written and read back after, so a file this app writes always opens.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
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
MAX_PHASES = 200  # far beyond any plan; keeps drawing and projecting quick
MAX_NAME = 200  # characters in a scenario's or a phase's name
QUOTE_LIMIT = 40  # characters of a bad value quoted in a message
MAX_MESSAGE = 1000
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Older format versions and the function that lifts a file's dict to the next version.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class ScenarioFileError(ValueError):
    """A scenario file that cannot be opened or saved; the message says where and why."""

    def __init__(self, reason: str, path: str | os.PathLike | None = None, key: str | None = None, line=None):
        reason = _clipped(reason, MAX_MESSAGE)  # a last guard: messages quote values through quoted()
        key = _clipped(key, QUOTE_LIMIT) if key else key
        self.reason, self.path, self.key, self.line = reason, path, key, line
        where = [Path(path).name if path else None, f"line {line}" if line else None, key]
        prefix = ", ".join(part for part in where if part)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)


class LinkedFileError(ScenarioFileError):
    """Saving would replace a file that has other names (hard links): they would keep the old content."""


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value as a message shows it: its repr, cut to `limit` characters."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def control_character(text: str) -> str | None:
    """A message naming the first control character in `text`, or None when there is none."""
    found = CONTROL.search(text)
    return f"holds a control character (U+{ord(found.group()):04X}) at position {found.start() + 1}" if found else None


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


def checked_bytes(document: ScenarioDocument, path: str | os.PathLike | None = None) -> bytes:
    """The file's bytes, refused unless this app can open them again: nothing unreadable is ever written."""
    try:
        data = to_json(document).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        raise ScenarioFileError("could not be saved: it holds text that is not valid Unicode", path) from None
    try:
        from_bytes(data, path)
    except ScenarioFileError as error:
        raise ScenarioFileError(f"could not be saved, as it could not be opened again: {error.reason}", path) from None
    return data


def save(path: str | os.PathLike, document: ScenarioDocument, break_links: bool = False) -> None:
    """Write atomically, then read the file back: a failure at any point raises and leaves the previous
    file as it was (or, should the read-back differ, says so)."""
    data = checked_bytes(document, path)
    written = write_atomically(Path(path), data, break_links=break_links)
    if read_regular(written, MAX_BYTES) != data:
        raise ScenarioFileError("was written but reads back differently: the disk may be failing", path)


def write_atomically(path: Path, data: bytes, mode: int | None = None, break_links: bool = False) -> Path:
    """Replace the file as a whole, through a symlink to its target, keeping its owner and permissions
    (or `mode`). Refuses devices, pipes, folders and read-only files by name, and files with other hard
    links unless `break_links`. Returns the path written."""
    target = Path(os.path.realpath(path))  # a symlink stays a link; its target gets the new content
    info = _existing(target, path)
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioFileError(f"could not be saved: it is {_kind(info)}, not a file; choose a file name", path)
        if not info.st_mode & 0o222:
            raise ScenarioFileError("is read-only; save under another name, or make the file writable first", path)
        if info.st_nlink > 1 and not break_links:
            raise LinkedFileError(
                f"has {info.st_nlink - 1} other name(s) (hard links); saving makes this a separate copy, "
                "and the other names keep the old content",
                path,
            )
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as out:
            temporary = Path(out.name)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode if mode is not None else _mode_for(info))  # temporary files are private
        if info is not None:
            _keep_owner(temporary, info)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise ScenarioFileError(f"could not be saved: {error.strerror or error}", path) from error
    return target


def _kind(info: os.stat_result) -> str:
    """What a non-regular directory entry is, in words."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _existing(target: Path, path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ScenarioFileError(f"could not be saved: {error.strerror or error}", path) from error


def _keep_owner(temporary: Path, info: os.stat_result) -> None:
    """Saving someone else's file (as an administrator can) leaves it theirs."""
    if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only an administrator can give a file away
            os.chown(temporary, info.st_uid, info.st_gid)


def _mode_for(info: os.stat_result | None) -> int:
    """The file's current permissions, or those a new file gets under the user's umask."""
    if info is not None:
        return info.st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# Reading -------------------------------------------------------------------------------------------


def open_file(path: str | os.PathLike) -> OpenedFile:
    path = Path(path)
    return from_bytes(read_regular(path, MAX_BYTES, "scenario files"), path)


def read_regular(path: str | os.PathLike, limit: int, what: str = "scenario files") -> bytes:
    """A regular file's bytes, at most `limit` of them. A pipe or a device is refused before any read,
    so it can neither block nor run on for ever."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)  # non-blocking: opening a named pipe must not wait for a writer
    except OSError as error:
        raise ScenarioFileError(f"could not be read: {error.strerror or error}", path) from error
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioFileError(f"could not be read: it is {_kind(info)}, not a file", path)
        if info.st_size > limit:
            raise ScenarioFileError(f"is {info.st_size / 1e6:.1f} MB; {what} are at most {limit // 2**20} MB", path)
        with open(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise ScenarioFileError(f"could not be read: {error.strerror or error}", path) from error
    finally:
        os.close(handle)
    if len(data) > limit:
        raise ScenarioFileError(f"is over {limit // 2**20} MB; {what} are smaller", path)
    return data


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
    content = parse_json(text, path)
    return _read_content(content, text, path)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are all different: with a key twice, which one counts would be a guess."""
    content = {}
    for key, value in pairs:
        if key in content:
            raise _DuplicateKey(key)
        content[key] = value
    return content


def parse_json(text: str, path, what: str = "a scenario file") -> object:
    """JSON text to values; refuses duplicate keys, over-deep nesting and lone surrogates."""
    try:
        content = json.loads(text, object_pairs_hook=_unique_keys)  # NaN and Infinity: refused by the field checks
    except _DuplicateKey as error:
        raise ScenarioFileError(
            f"the field {quoted(error.key)} appears twice in one object", path, line=line_of(text, error.key)
        ) from None
    except json.JSONDecodeError as error:
        raise ScenarioFileError(f"is not valid JSON ({error.msg})", path, line=error.lineno) from None
    except RecursionError:
        raise ScenarioFileError(f"is nested too deeply to be {what}", path) from None
    except ValueError:  # a number with thousands of digits
        raise ScenarioFileError("holds a number too long to be a parameter value", path) from None
    if _depth(content) > MAX_DEPTH:
        raise ScenarioFileError(f"is nested too deeply to be {what}", path)
    if not isinstance(content, dict):
        raise ScenarioFileError(f"is not {what} (expected a JSON object at the top)", path, line=1)
    try:
        json.dumps(content, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ScenarioFileError("holds text that is not valid Unicode (a lone surrogate escape)", path) from None
    return content


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
    if type(version) is not int or version < oldest:  # not 1.0, not true: a version is a whole number
        fail(
            f"format_version = {quoted(version)} is not a format version this app knows ({oldest} to {FORMAT_VERSION})",
            "format_version",
        )
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
            fail(f"could not be brought up from format {version}: {quoted(str(error), MAX_MESSAGE)}", "format_version")
        if not isinstance(content, dict):
            fail(f"could not be brought up from format {version - 1}", "format_version")

    for key in content:
        if key not in REQUIRED + OPTIONAL:
            fail(f"unknown field {quoted(key)} (a scenario file has: {', '.join(REQUIRED + OPTIONAL)})", key)
    for key in REQUIRED:
        if key not in content:
            fail(f"the required field {key!r} is missing", key)
    for key in ("app_version", "data_version", "created", "modified", *TEXT_FIELDS):
        if key in content and not isinstance(content[key], str):
            fail(f"{key} = {quoted(content[key])} should be text", key)
    for key in ("created", "modified"):
        try:
            datetime.fromisoformat(content[key])
        except ValueError:
            fail(f"{key} = {quoted(content[key])} is not a date and time (ISO 8601)", key)
    problem = name_problem(content["name"])
    if problem:
        fail(f"the name {problem}", "name")

    parameters = content["parameters"]
    if not isinstance(parameters, dict):
        fail("parameters should be an object from parameter keys to numbers", "parameters")
    try:
        values = parameter_values(parameters)
    except ScenarioFileError as error:
        fail(error.reason, error.key)

    phase_list = content["phases"]
    if not isinstance(phase_list, list):
        fail("phases should be a list of phase objects", "phases")
    if len(phase_list) > MAX_PHASES:
        fail(f"has {len(phase_list):,} phases; a scenario has at most {MAX_PHASES}", "phases")
    phases = []
    for index, entry in enumerate(phase_list):
        try:
            phases.append(phase_from(entry, f"phases[{index}]"))
        except ScenarioFileError as error:
            fail(error.reason, error.key)

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


# Checks shared with storylines ---------------------------------------------------------------------


def name_problem(name: object) -> str | None:
    """Why `name` cannot name a scenario or a phase, or None when it can."""
    if not isinstance(name, str):
        return f"= {quoted(name)} should be text"
    if not name.strip():
        return "must not be empty"
    if len(name) > MAX_NAME:
        return f"is {len(name):,} characters long; at most {MAX_NAME}"
    return control_character(name)


def parameter_values(parameters: dict, where: str = "parameters") -> dict[str, float]:
    """Checked values for the keys given; raises ScenarioFileError naming the key."""
    values = {}
    for key, value in parameters.items():
        if key not in REGISTRY:
            raise ScenarioFileError(f"unknown parameter {quoted(key)} = {quoted(value)}", key=f"{where}.{key}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ScenarioFileError(f"{key} = {quoted(value)} is not a number", key=f"{where}.{key}")
        try:
            values[key] = REGISTRY[key].validate(value)
        except ParameterError as error:
            raise ScenarioFileError(str(error), key=f"{where}.{key}") from None
    return values


def phase_from(entry: object, where: str) -> Phase:
    """A phase from its JSON object, every field checked; raises ScenarioFileError naming `where`."""
    if not isinstance(entry, dict):
        raise ScenarioFileError(f"{where} should be an object with {', '.join(PHASE_FIELDS)}", key=where)
    for key in entry:
        if key not in PHASE_FIELDS + PHASE_OPTIONAL:
            raise ScenarioFileError(f"{where}: unknown field {quoted(key)}", key=f"{where}.{key}")
    for key in PHASE_FIELDS:
        if key not in entry:
            raise ScenarioFileError(f"{where}: the required field {key!r} is missing", key=f"{where}.{key}")
    problem = name_problem(entry["name"])
    if problem:
        raise ScenarioFileError(f"{where}: the name {problem}", key=f"{where}.name")
    for key in ("owner", "ramp", *PHASE_OPTIONAL):
        if key in entry and not isinstance(entry[key], str):
            raise ScenarioFileError(f"{where}: {key} = {quoted(entry[key])} should be text", key=f"{where}.{key}")
    for key in ("owner", "ramp"):
        if len(entry[key]) > QUOTE_LIMIT:
            raise ScenarioFileError(
                f"{where}: {key} = {quoted(entry[key])} is not one this app knows", key=f"{where}.{key}"
            )
    try:
        return Phase(**entry)
    except (ParameterError, TypeError) as error:
        raise ScenarioFileError(str(error), key=where) from None
