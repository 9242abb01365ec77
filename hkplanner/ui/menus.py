"""The menu bar and toolbar: every command, its shortcut and its place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolButton

from hkplanner.core.presets import presets
from hkplanner.core.scenario_file import ScenarioFileError, open_file
from hkplanner.ui import analysis_commands, dialogs

if TYPE_CHECKING:
    from hkplanner.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def _action(window, text, slot, shortcut=None, name=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.setObjectName(name or "")
    action.triggered.connect(slot)
    return action


class Menus:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        files, session = window.files, window.session
        keys = QKeySequence.StandardKey
        bar = window.menuBar()

        file_menu = bar.addMenu(tr("&File"))
        file_menu.addAction(_action(window, tr("&New"), files.new, keys.New, "action_new"))
        file_menu.addAction(_action(window, tr("&Open…"), files.open, keys.Open, "action_open"))
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        self.recent_menu.setObjectName("menu_recent")
        file_menu.addSeparator()
        file_menu.addAction(_action(window, tr("&Save"), files.save, keys.Save, "action_save"))
        file_menu.addAction(_action(window, tr("Save &As…"), files.save_as, keys.SaveAs, "action_save_as"))
        self.revert = _action(window, tr("Re&vert to Saved"), files.revert, None, "action_revert")
        file_menu.addAction(self.revert)
        file_menu.addSeparator()
        export_menu = file_menu.addMenu(tr("&Export"))
        export_menu.setObjectName("menu_export")
        exports = window.exports
        for text, slot, name in (
            (tr("Briefing Pack (PDF, A4)…"), lambda: exports.pdf("a4"), "action_export_pdf"),
            (tr("Briefing Pack (PDF, Letter)…"), lambda: exports.pdf("letter"), "action_export_pdf_letter"),
            (tr("Workbook (XLSX)…"), exports.workbook, "action_export_xlsx"),
            (tr("Projection (CSV)…"), exports.csv, "action_export_csv"),
            (tr("Every Chart as PNG…"), lambda: exports.all_charts("png"), "action_export_png"),
            (tr("Every Chart as SVG…"), lambda: exports.all_charts("svg"), "action_export_svg"),
        ):
            export_menu.addAction(_action(window, text, slot, None, name))
        file_menu.addSeparator()
        file_menu.addAction(_action(window, tr("&Quit"), window.close, keys.Quit, "action_quit"))

        edit_menu = bar.addMenu(tr("&Edit"))
        self.undo = session.undo_stack.createUndoAction(window, tr("&Undo"))
        self.undo.setShortcut(keys.Undo)
        self.undo.setObjectName("action_undo")
        self.redo = session.undo_stack.createRedoAction(window, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.setObjectName("action_redo")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(_action(window, tr("Re&name Scenario…"), self._rename, None, "action_rename"))
        edit_menu.addAction(_action(window, tr("Reset All to the &Plan"), session.reset_all, None, "action_reset"))

        scenario_menu = bar.addMenu(tr("&Scenario"))
        self.presets_menu = scenario_menu.addMenu(tr("&Presets"))
        self.presets_menu.setObjectName("menu_presets")
        for opened in presets():
            action = self.presets_menu.addAction(opened.document.scenario.name)
            action.setToolTip(opened.document.description)
            action.triggered.connect(lambda _=False, o=opened: files.load_preset(o))
        scenario_menu.addSeparator()
        self.pin_current = _action(window, tr("Pin &Current Scenario"), self._pin_current, "Ctrl+P", "action_pin")
        scenario_menu.addAction(self.pin_current)
        self.pin_preset_menu = scenario_menu.addMenu(tr("Pin a P&reset"))
        for opened in presets():
            action = self.pin_preset_menu.addAction(opened.document.scenario.name)
            scenario = opened.document.scenario
            action.triggered.connect(lambda _=False, s=scenario: self._pin(s.name, s))
        scenario_menu.addAction(_action(window, tr("Pin a &File…"), self._pin_file, None, "action_pin_file"))
        self.unpin_menu = scenario_menu.addMenu(tr("&Unpin"))
        self.unpin_menu.setObjectName("menu_unpin")
        scenario_menu.addSeparator()
        self.compare = _action(window, tr("&Compare…"), window.show_comparison, "Ctrl+K", "action_compare")
        scenario_menu.addAction(self.compare)
        scenario_menu.addSeparator()
        for text, command, shortcut, name in (
            (tr("&What Would It Take…"), analysis_commands.what_would_it_take, "Ctrl+G", "action_seek"),
            (tr("W&hy Did It Move…"), analysis_commands.why_did_it_move, None, "action_why"),
        ):
            scenario_menu.addAction(_action(window, text, lambda _=False, c=command: c(window), shortcut, name))

        view_menu = bar.addMenu(tr("&View"))
        theme_menu = view_menu.addMenu(tr("&Theme"))
        self.theme_actions = {}
        group = QActionGroup(window)
        for name, title in (("standard", tr("&Standard")), ("projector", tr("&Projector (large type, thick lines)"))):
            action = theme_menu.addAction(title)
            action.setCheckable(True)
            action.setObjectName(f"theme_{name}")
            action.triggered.connect(lambda _=False, n=name: window.apply_theme(n))
            group.addAction(action)
            self.theme_actions[name] = action
        view_menu.addAction(window.bands.toggle)
        view_menu.addSeparator()
        self.present = _action(window, tr("&Present"), window.presentation.enter, "F5", "action_present")
        view_menu.addAction(self.present)
        view_menu.addAction(_action(window, tr("Edit &Storyline…"), window.edit_storyline, None, "action_storyline"))
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(tr("&Language"))
        english = language_menu.addAction("English")
        english.setCheckable(True)
        english.setChecked(True)
        english.setToolTip(tr("Traditional Chinese will be offered once its translation is complete."))

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(
            _action(window, tr("&Sources and Assumptions…"), window.show_sources, "F1", "action_sources")
        )
        help_menu.addAction(_action(window, tr("&Model Documentation"), window.show_help, None, "action_model_help"))

        self.toolbar = toolbar = window.addToolBar(tr("Scenario"))
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        presets_button = QToolButton()
        presets_button.setText(tr("Presets"))
        presets_button.setObjectName("presets_button")
        presets_button.setMenu(self.presets_menu)
        presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(presets_button)
        for action in (self.pin_current, self.compare, self.present):
            toolbar.addAction(action)
        # The toolbar's undo and redo keep fixed labels (the Edit menu names the step): changing a
        # toolbar action's text or tooltip on every edit costs about a millisecond each time.
        stack = session.undo_stack
        for text, slot, can_signal in (
            (tr("Undo"), stack.undo, stack.canUndoChanged),
            (tr("Redo"), stack.redo, stack.canRedoChanged),
        ):
            action = toolbar.addAction(text, slot)
            action.setEnabled(False)
            can_signal.connect(action.setEnabled)

        files.recent_changed.connect(self.refresh_recent)
        session.pins_changed.connect(self.refresh_pins)
        window.document.state_changed.connect(self._refresh_revert)
        self.refresh_recent()
        self.refresh_pins()
        self._refresh_revert()

    def show_theme(self, name: str) -> None:
        self.theme_actions[name].setChecked(True)

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.preferences.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.files.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def refresh_pins(self) -> None:
        pins = self.window.session.pins
        self.unpin_menu.clear()
        for index, pin in enumerate(pins):
            action = self.unpin_menu.addAction(pin.label)
            action.triggered.connect(lambda _=False, i=index: self.window.session.unpin(i))
        if pins:
            self.unpin_menu.addSeparator()
            self.unpin_menu.addAction(tr("Unpin All"), self.window.session.unpin)
        self.unpin_menu.setEnabled(bool(pins))

    def _refresh_revert(self) -> None:
        document = self.window.document
        self.revert.setEnabled(document.path is not None and document.is_modified)

    def _rename(self) -> None:
        name = dialogs.ask_text(self.window, tr("Rename scenario"), tr("Name:"), self.window.document.name)
        if name:
            self.window.document.rename(name)

    def _pin(self, label: str, scenario) -> None:
        try:
            self.window.session.pin(label, scenario)
        except ValueError as error:
            dialogs.warn(self.window, tr("Cannot pin"), str(error))

    def _pin_current(self) -> None:
        session = self.window.session
        self._pin(tr("{0} (snapshot)").format(session.scenario.name), session.scenario)

    def _pin_file(self) -> None:
        path = dialogs.choose_open_path(self.window, self.window.preferences.last_folder())
        if path is None:
            return
        try:
            opened = open_file(path)
        except ScenarioFileError as error:
            dialogs.warn(self.window, tr("Could not pin the file"), str(error))
            return
        self._pin(opened.document.scenario.name, opened.document.scenario)
