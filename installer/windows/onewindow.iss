; OneWindow (一窗通) Windows installer: Inno Setup 6.3 or later (x64compatible), per machine.
;
;   installer\windows\build.cmd          builds dist\onewindow with PyInstaller, then this script
;   iscc installer\windows\onewindow.iss  only this script (dist\onewindow must exist)
;
; It packages the PyInstaller one-folder bundle of installer\onewindow.spec: dist\onewindow\
; holds onewindow.exe (windowed) and onewindow-cli.exe (console: config check, demo, queue).
; Saved as UTF-8 with a byte-order mark, which Inno Setup needs for the Chinese texts.
;
; What stays on uninstall: the hall's configuration (C:\ProgramData\onewindow\config.toml,
; written by the program on first install, never listed for removal), every user's data and
; logs (%LOCALAPPDATA%\onewindow) and the PostgreSQL database. Only the program folder goes.

#define AppName "OneWindow"
#define AppNameZh "一窗通"
; AppVersion is pyproject.toml's [project] version, passed by build.cmd (/DAppVersion=...).
#ifndef AppVersion
  #error Run installer\windows\build.cmd, or iscc /DAppVersion=X.Y.Z (the version in pyproject.toml)
#endif
#define AppExe "onewindow.exe"
#define CliExe "onewindow-cli.exe"
#define Icons "{app}\_internal\resources\icons"

[Setup]
AppId={{F7B447C8-CA1D-4AA9-8958-6C293760FE36}
AppName={#AppName} {#AppNameZh}
AppVersion={#AppVersion}
AppPublisher=OneWindow
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName} {#AppNameZh}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=onewindow-setup-{#AppVersion}-x64
SetupIconFile=..\..\resources\icons\onewindow.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppNameZh}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3+; with an older one, put the file from the
; Inno Setup translations page beside this script and write "ChineseSimplified.isl" instead.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.ModeClerk=一窗通 窗口受理
chinesesimplified.ModeSupervisor=一窗通 大厅管理
chinesesimplified.ModeKiosk=一窗通 取号机
chinesesimplified.ModeDisplay=一窗通 叫号屏
chinesesimplified.CheckConfig=检查本机配置
chinesesimplified.DesktopIcons=在桌面创建快捷方式：
chinesesimplified.HallPageCaption=大厅设置
chinesesimplified.HallPageDescription=本机连接哪个数据库、属于哪个大厅、是几号窗口
chinesesimplified.HallPageNote=这些设置写入 C:\ProgramData\onewindow\config.toml，以后可以直接编辑该文件（每一项的说明见安装目录下 config\onewindow.example.toml）。单机使用时数据库一栏留空即可。
chinesesimplified.HallDb=数据库地址（例如 postgresql://onewindow@hall-db:5432/onewindow；单机留空）：
chinesesimplified.HallServer=中心审批系统地址（https://…；不同步则留空）：
chinesesimplified.HallCode=大厅代码（例如 CC01）：
chinesesimplified.HallWindow=本机窗口号（取号机、叫号屏留空）：
chinesesimplified.WindowNotNumber=窗口号应为 1 到 999 之间的数字。
chinesesimplified.ConfigFailed=配置文件未能写入，请安装完成后在命令提示符中运行“onewindow-cli config check”查看原因。
english.ModeClerk=OneWindow Counter
english.ModeSupervisor=OneWindow Supervisor
english.ModeKiosk=OneWindow Ticket kiosk
english.ModeDisplay=OneWindow Hall display
english.CheckConfig=Check this PC's configuration
english.DesktopIcons=Desktop shortcuts:
english.HallPageCaption=Hall settings
english.HallPageDescription=Which database this PC uses, which hall it belongs to, and its window number
english.HallPageNote=These settings are written to C:\ProgramData\onewindow\config.toml, which you can edit later (every setting is explained in config\onewindow.example.toml in the program folder). Leave the database empty for a single PC.
english.HallDb=Database URL (e.g. postgresql://onewindow@hall-db:5432/onewindow; empty for a single PC):
english.HallServer=Central approval server (https://…; empty when this PC does not sync):
english.HallCode=Hall code (e.g. CC01):
english.HallWindow=This PC's window number (empty for a kiosk or a display):
english.WindowNotNumber=The window number must be a number from 1 to 999.
english.ConfigFailed=The configuration file could not be written. After the installation, run "onewindow-cli config check" in a command prompt to see why.

[Tasks]
Name: "desktopclerk"; Description: "{cm:ModeClerk}"; GroupDescription: "{cm:DesktopIcons}"
Name: "desktopsupervisor"; Description: "{cm:ModeSupervisor}"; GroupDescription: "{cm:DesktopIcons}"; Flags: unchecked
Name: "desktopkiosk"; Description: "{cm:ModeKiosk}"; GroupDescription: "{cm:DesktopIcons}"; Flags: unchecked
Name: "desktopdisplay"; Description: "{cm:ModeDisplay}"; GroupDescription: "{cm:DesktopIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\onewindow\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Excludes: ".inputs"
Source: "..\config\onewindow.example.toml"; DestDir: "{app}\config"; Flags: ignoreversion

[Dirs]
; The hall's configuration folder: created here, never removed (uninsneveruninstall).
Name: "{commonappdata}\onewindow"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{cm:ModeClerk}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode clerk"; IconFilename: "{#Icons}\onewindow-clerk.ico"
Name: "{group}\{cm:ModeSupervisor}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode supervisor"; IconFilename: "{#Icons}\onewindow-supervisor.ico"
Name: "{group}\{cm:ModeKiosk}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode kiosk"; IconFilename: "{#Icons}\onewindow-kiosk.ico"
Name: "{group}\{cm:ModeDisplay}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode display"; IconFilename: "{#Icons}\onewindow-display.ico"
Name: "{group}\{cm:CheckConfig}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" config check"; IconFilename: "{#Icons}\onewindow.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:ModeClerk}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode clerk"; IconFilename: "{#Icons}\onewindow-clerk.ico"; Tasks: desktopclerk
Name: "{autodesktop}\{cm:ModeSupervisor}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode supervisor"; IconFilename: "{#Icons}\onewindow-supervisor.ico"; Tasks: desktopsupervisor
Name: "{autodesktop}\{cm:ModeKiosk}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode kiosk"; IconFilename: "{#Icons}\onewindow-kiosk.ico"; Tasks: desktopkiosk
Name: "{autodesktop}\{cm:ModeDisplay}"; Filename: "{app}\{#AppExe}"; Parameters: "run --mode display"; IconFilename: "{#Icons}\onewindow-display.ico"; Tasks: desktopdisplay

[Run]
; Proves the installed program on this PC before anyone relies on it (a few seconds, hidden).
Filename: "{app}\{#CliExe}"; Parameters: "--smoke-test"; Flags: runhidden waituntilterminated; StatusMsg: "OneWindow --smoke-test"

[Code]
var
  HallPage: TInputQueryWizardPage;

function ConfigFile(): String;
begin
  Result := ExpandConstant('{commonappdata}\onewindow\config.toml');
end;

procedure InitializeWizard();
begin
  HallPage := CreateInputQueryPage(wpSelectTasks, CustomMessage('HallPageCaption'),
    CustomMessage('HallPageDescription'), CustomMessage('HallPageNote'));
  HallPage.Add(CustomMessage('HallDb'), False);
  HallPage.Add(CustomMessage('HallServer'), False);
  HallPage.Add(CustomMessage('HallCode'), False);
  HallPage.Add(CustomMessage('HallWindow'), False);
end;

{ A reinstall or an upgrade keeps the hall's configuration: the page is not even shown. }
function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = HallPage.ID) and FileExists(ConfigFile());
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Window: Integer;
begin
  Result := True;
  if (CurPageID = HallPage.ID) and (Trim(HallPage.Values[3]) <> '') then
  begin
    Window := StrToIntDef(Trim(HallPage.Values[3]), 0);
    if (Window < 1) or (Window > 999) then
    begin
      MsgBox(CustomMessage('WindowNotNumber'), mbError, MB_OK);
      Result := False;
    end;
  end;
end;

procedure AddOption(var Params: String; const Name, Value: String);
begin
  if Trim(Value) <> '' then
    Params := Params + ' ' + Name + ' ' + AddQuotes(Trim(Value));
end;

{ The program writes and checks the file itself (clerk-app config init): nothing is written
  when a value is wrong, and an existing file is never overwritten. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  Params: String;
  ResultCode: Integer;
begin
  if (CurStep = ssPostInstall) and not FileExists(ConfigFile()) then
  begin
    Params := 'config init ' + AddQuotes(ConfigFile());
    AddOption(Params, '--db', HallPage.Values[0]);
    AddOption(Params, '--server', HallPage.Values[1]);
    AddOption(Params, '--hall-code', HallPage.Values[2]);
    AddOption(Params, '--window', HallPage.Values[3]);
    if ActiveLanguage() = 'english' then
      Params := Params + ' --lang en'
    else
      Params := Params + ' --lang zh_CN';
    if not Exec(ExpandConstant('{app}\{#CliExe}'), Params, '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      MsgBox(CustomMessage('ConfigFailed'), mbError, MB_OK);
  end;
end;
