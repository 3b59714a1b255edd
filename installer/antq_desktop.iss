; ANTQ Desktop — Windows installer (Inno Setup 6.3 or newer).
; Per-user install: no administrator rights, no network. See docs/packaging.md.
;
; Build on Windows, after the PyInstaller folder exists (python installer\make_dist.py):
;   iscc /DAppVersion=0.1.0 installer\antq_desktop.iss
; Output: dist\antq-desktop-<version>-windows-setup.exe
;
; Vietnamese wizard text: Vietnamese.isl is one of Inno Setup's UNOFFICIAL translations, not
; installed with the compiler. Get it from https://jrsoftware.org/files/istrans/ (or the issrc
; repository, Files/Languages/Unofficial/Vietnamese.isl) and put it either in the compiler's
; Languages\Unofficial folder or next to this script (installer\Vietnamese.isl).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ANTQ Desktop"
#define AppExe "antq-desktop.exe"
#define DebugExe "antq-desktop-debug.exe"
#define SourceDir AddBackslash(SourcePath) + "..\dist\antq-desktop"

#if FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Unofficial\Vietnamese.isl"
#elif FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#else
  #error Vietnamese.isl not found: see the note at the top of this script.
#endif

[Setup]
AppId={{6E0F4B7C-2E54-4C1B-9F3A-7A1D2C5B8E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ANTQ Desktop
VersionInfoVersion={#AppVersion}
; Per user: {autopf} is %LOCALAPPDATA%\Programs; shortcuts go to the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\resources\icons\antq.ico
OutputDir=..\dist
OutputBaseFilename=antq-desktop-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes
; .antq packages open in the app (the [Registry] association below): Explorer must learn of it.
ChangesAssociations=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; First entry = default when the Windows display language is neither.
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.DesktopIcon=Tạo biểu tượng ANTQ Desktop trên màn hình nền
en.DesktopIcon=Create an ANTQ Desktop icon on the desktop
vi.LaunchProgram=Mở ANTQ Desktop ngay
en.LaunchProgram=Start ANTQ Desktop now
vi.AppComment=Phong trào Toàn dân bảo vệ an ninh Tổ quốc — quản lý hồ sơ, không cần mạng
en.AppComment=Movement "All people protect national security" — offline records
vi.SelfTest=Kiểm tra bản cài đặt ANTQ Desktop
en.SelfTest=Check the ANTQ Desktop installation
vi.DataKept=Dữ liệu của đơn vị (thư mục %LOCALAPPDATA%\antq-desktop) không bị xóa khi gỡ chương trình.
vi.PackageFile=Gói dữ liệu ANTQ
en.PackageFile=ANTQ data package
en.DataKept=The unit's data (folder %LOCALAPPDATA%\antq-desktop) is not removed when uninstalling.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole library folder: no stale modules from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#DebugExe}"" --self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; A double-clicked .antq opens ANTQ Desktop on the import page with that package selected (per user:
; HKCU\Software\Classes, no administrator rights needed; removed on uninstall).
Root: HKCU; Subkey: "Software\Classes\.antq"; ValueType: string; ValueName: ""; ValueData: "ANTQDesktop.Package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ANTQDesktop.Package"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageFile}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ANTQDesktop.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\ANTQDesktop.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Messages]
vi.FinishedLabel=Đã cài xong [name] trên máy này. Mở chương trình từ menu Start (ANTQ Desktop).
en.FinishedLabel=Setup has finished installing [name]. Start it from the Start menu (ANTQ Desktop).

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
