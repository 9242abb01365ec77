; Inno Setup 6 script: a per-user installer, no administrator rights needed.
; Build (on Windows, after `make package-bundle` made dist\hkplanner): make installer-windows
;   or: iscc /DAppVersion=0.1.0 packaging\windows\hkplanner.iss     -> dist\HK-Planner-0.1.0-setup.exe
; Signing: pass /DSignTool=... (see docs/install.md); without it the installer is not signed.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z hkplanner.iss
#endif
#define AppName "HK Planner"
#define AppExe "hkplanner.exe"
#define Bundle "..\..\dist\hkplanner"

[Setup]
AppId={{6C1E9D2A-4F1B-4B7E-9A7C-2E5D8B0F3A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
; Per user: installs under %LOCALAPPDATA%\Programs\HK Planner, registry entries under HKCU, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
SetupIconFile=..\..\resources\hkplanner.ico
OutputDir=..\..\dist
OutputBaseFilename=HK-Planner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Only the program folder: the uninstaller removes exactly these files, never the user's scenarios
; (Documents), settings or autosaves (%APPDATA%\HK Planner).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The .hkplan association, per user (HKA is HKCU in a per-user install), with the app's icon.
Root: HKA; Subkey: "Software\Classes\.hkplan"; ValueType: string; ValueName: ""; ValueData: "HKPlanner.Scenario"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.hkplan\OpenWithProgids"; ValueType: string; ValueName: "HKPlanner.Scenario"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\HKPlanner.Scenario"; ValueType: string; ValueName: ""; ValueData: "HK Planner scenario"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\HKPlanner.Scenario\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\HKPlanner.Scenario\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".hkplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
