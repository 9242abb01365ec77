# `make run` and `make test` set everything up from scratch: the environment, the pinned packages, the app.
# `make package` builds the Linux bundle from a clean environment; the other packaging targets are the commands
# the release workflow (.github/workflows/release.yml) runs on each platform, so each can be run by hand there.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
PIP := --quiet --disable-pip-version-check

# The packaging environment: only the app's pins and PyInstaller's, so nothing else ends up in the bundle.
PACKAGE_VENV := build/package-venv
PACKAGE_BIN := $(PACKAGE_VENV)/bin
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' hkplanner/__init__.py)
BUNDLE := dist/hkplanner
ARCHIVE := dist/hkplanner-$(VERSION)-linux-x86_64.tar.xz

.PHONY: run test lint bench clean package package-bundle self-test wheel-test icon installer-windows dmg \
	actionlint qt-libraries bundle-size

run: $(READY) qt-libraries
	$(BIN)/hkplanner

# The X11 libraries Qt's xcb plugin needs on a fresh Linux machine (installed as root, named otherwise).
qt-libraries: $(READY)
	@$(BIN)/python packaging/linux/qt_system_libraries.py

# Offscreen: needs no X11 libraries. Checks the Linux bundle too when one has been built (make package).
test: $(READY) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	@if [ -x $(BUNDLE)/hkplanner ]; then $(MAKE) --no-print-directory self-test; \
	else echo "No Linux bundle in $(BUNDLE): its self-test is skipped (make package builds it)."; fi

lint: $(READY)
	$(BIN)/ruff check hkplanner tests benchmarks packaging
	$(BIN)/ruff format --check hkplanner tests benchmarks packaging

bench: $(READY)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

$(READY): requirements/app.txt requirements/dev.txt pyproject.toml setup.py
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed (the pinned Qt is stable on Python 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP) -r requirements/dev.txt
	$(BIN)/python -m pip install $(PIP) --no-deps -e .
	touch $(READY)

# The one-folder bundle (dist/hkplanner) and its archive, from a fresh environment; prints size and build time.
package:
	rm -rf $(PACKAGE_VENV) build/pyinstaller $(BUNDLE) $(ARCHIVE)
	$(PYTHON) -m venv $(PACKAGE_VENV)
	$(PACKAGE_BIN)/python -m pip install $(PIP) -r requirements/package.txt
	@# The X11 libraries Qt's xcb plugin links go into the bundle, so users need not install them (PyInstaller
	@# leaves libxcb itself and Wayland's libraries to the system, which has them wherever a desktop runs).
	$(PACKAGE_BIN)/python packaging/linux/qt_system_libraries.py
	$(MAKE) --no-print-directory package-bundle PACKAGE_PYTHON=$(PACKAGE_BIN)/python
	@# xz: 57 MB against gzip's 79 MB (the budget is 75 MB), for about two minutes of compression
	tar -C dist -cf - hkplanner | xz -T0 -6 > $(ARCHIVE)
	$(MAKE) --no-print-directory bundle-size SIZE_PATH=$(BUNDLE) BUDGET_MB=210
	$(MAKE) --no-print-directory bundle-size SIZE_PATH=$(ARCHIVE) BUDGET_MB=75

# A bundle, an archive or an installer against its budget (MB): 210/75 Linux, 150 installed on Windows/macOS.
bundle-size:
	$(PYTHON) packaging/bundle_size.py "$(SIZE_PATH)" $(BUDGET_MB)

# PyInstaller alone, with whichever Python has requirements/package.txt (the workflow's, on Windows and macOS).
PACKAGE_PYTHON ?= $(PACKAGE_BIN)/python
package-bundle:
	@start=$$(date +%s); \
	$(PACKAGE_PYTHON) -m PyInstaller --noconfirm --clean --log-level WARN \
		--workpath build/pyinstaller --distpath dist packaging/hkplanner.spec && \
	echo "PyInstaller build: $$(( $$(date +%s) - start )) s"

# The bundle checks itself: window, every chart, every preset, a PDF and an XLSX written and read back.
# SELF_TEST_EXE: hkplanner-cli.exe on Windows (it has a console), the .app's executable on macOS.
SELF_TEST_EXE ?= $(BUNDLE)/hkplanner
self-test:
	QT_QPA_PLATFORM=offscreen "$(SELF_TEST_EXE)" --self-test

# A non-editable install from a built wheel, in a fresh environment (the data must travel inside the package).
wheel-test: $(READY)
	PACKAGE=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/packaging -q

# Redraws the app icon in resources/ (the files are committed).
icon: $(READY)
	$(BIN)/python packaging/make_icon.py

# Windows (Inno Setup 6's iscc on PATH) and macOS: run on those systems, after `make package-bundle`.
# WINDOWS_SIGN_COMMAND (e.g. `signtool sign /fd sha256 /tr TIMESTAMP_URL /td sha256 /a`), when set, signs the
# executables, the installer and the uninstaller with Authenticode; unset, nothing is signed.
installer-windows:
	$(if $(WINDOWS_SIGN_COMMAND),$(WINDOWS_SIGN_COMMAND) dist/hkplanner/hkplanner.exe dist/hkplanner/hkplanner-cli.exe)
	iscc /DAppVersion=$(VERSION) $(if $(WINDOWS_SIGN_COMMAND),'/Ssigntool=$(WINDOWS_SIGN_COMMAND) $$f' /DSignTool=signtool) \
		packaging/windows/hkplanner.iss

dmg:
	packaging/macos/make_dmg.sh $(VERSION)

# Lints the release workflow (actionlint from PyPI, in the dev environment).
actionlint: $(READY)
	$(BIN)/python -m pip install $(PIP) -r requirements/actionlint.txt
	$(BIN)/actionlint .github/workflows/*.yml

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
