"""Every question the app asks the user, in one place: the rest of the UI calls these functions
(and tests replace them), so no modal dialog is scattered through the code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hkplanner.core.scenario_file import EXTENSION

SCENARIO_FILTER = f"HK Planner scenarios (*{EXTENSION});;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


MAX_SHOWN = 2000  # characters of a message a dialog shows: a huge value must not freeze the window
MAX_TEXT_SHOWN = 1024 * 1024


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else f"{text[:MAX_SHOWN]}… ({len(text) - MAX_SHOWN:,} more characters)"


def warn(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, _shown(text))


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, _shown(text))


def _yes(parent: QWidget, title: str, text: str, default_yes: bool = False) -> bool:
    buttons = QMessageBox.StandardButton
    default = buttons.Yes if default_yes else buttons.No
    return QMessageBox.question(parent, title, _shown(text), buttons.Yes | buttons.No, default) == buttons.Yes


def ask_overwrite(parent: QWidget, path: Path) -> bool:
    return _yes(parent, tr("Replace the file?"), tr("“{0}” already exists. Replace it?").format(path.name))


def ask_break_link(parent: QWidget, text: str) -> bool:
    return _yes(parent, tr("Save as a separate copy?"), tr("{0}\n\nSave anyway?").format(text))


def offer_unrecovered(parent: QWidget, folder: Path, count: int) -> bool:
    """True: the user wants to see the set-aside work as text."""
    return _yes(
        parent,
        tr("Unsaved work could not be read"),
        tr(
            "HK Planner found {0} piece(s) of unsaved work from an earlier run that it cannot open (made by a "
            "newer version, or damaged). Nothing was deleted: it is in\n{1}\n\nOpen it as text?"
        ).format(count, folder),
        default_yes=True,
    )


def show_text(parent: QWidget, title: str, path: Path) -> None:
    """A file's text, read-only, so work that cannot be opened as a scenario can still be read and copied."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

    try:
        with open(path, "rb") as handle:
            text = handle.read(MAX_TEXT_SHOWN).decode("utf-8", errors="replace")
    except OSError as error:
        text = tr("It could not be read: {0}").format(error.strerror or error)
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"{title}: {path.name}")
    view = QPlainTextEdit(text, readOnly=True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(700, 500)
    dialog.exec()


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        tr("Unsaved changes"),
        tr("Save the changes to “{0}” first?").format(name),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def _yes(parent: QWidget, title: str, text: str, default_yes: bool) -> bool:
    buttons = QMessageBox.StandardButton
    default = buttons.Yes if default_yes else buttons.No
    return QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, default) == buttons.Yes


def ask_restore(parent: QWidget, name: str, saved: str) -> bool:
    text = tr("HK Planner closed before “{0}” was saved. Restore it as it was at {1}?").format(name, saved)
    return _yes(parent, tr("Restore unsaved work?"), text, default_yes=True)


def ask_resume(parent: QWidget, step: int, title: str) -> bool:
    """The last show stopped part-way: True to carry on there, False to start at step 1."""
    text = tr("The last show stopped at step {0}, “{1}”. Resume there? (No starts at step 1.)").format(step, title)
    return _yes(parent, tr("Resume the show?"), text, default_yes=False)


def confirm_notes_on_audience_screen(parent: QWidget) -> bool:
    """With one screen the presenter view covers the charts: the audience would read the notes."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        parent,
        tr("The audience will see the notes"),
        tr(
            "There is only one screen: the presenter view, with the speaker notes, will show on the screen "
            "the audience sees. Show it anyway?"
        ),
        buttons.Yes | buttons.Cancel,
        buttons.Cancel,
    )
    return answer == buttons.Yes


def choose_open_path(parent: QWidget, folder: str, file_filter: str = SCENARIO_FILTER) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open"), folder, file_filter)
    return Path(path) if path else None


def choose_save_path(parent: QWidget, suggested: str, file_filter: str = SCENARIO_FILTER) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save as"), suggested, file_filter)
    return Path(path) if path else None


def choose_folder(parent: QWidget, title: str, folder: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(path) if path else None


def ask_new_phase(parent: QWidget, suggested):
    """The phase the user fills in from `suggested`, or None if they cancel."""
    from hkplanner.ui.phase_form import PhaseForm

    form = PhaseForm(suggested, parent)
    return form.phase if form.exec() else None


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    value, accepted = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if accepted and value.strip() else None
