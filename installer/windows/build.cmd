@echo off
rem Build the Windows installer on a Windows 10/11 x64 PC with Python 3.11 and Inno Setup 6.3+:
rem   installer\windows\build.cmd        (from the repository root)
rem Result: dist\onewindow\ (the bundle) and dist\onewindow-setup-VERSION-x64.exe
setlocal
cd /d "%~dp0\..\.."
if not exist .venv\Scripts\python.exe py -3.11 -m venv .venv || goto :error
.venv\Scripts\python -m pip install -q -e ".[dist]" || goto :error
for %%L in (zh_CN en) do (
  .venv\Scripts\pyside6-lrelease -silent resources\translations\onewindow_%%L.ts -qm resources\translations\onewindow_%%L.qm || goto :error
)
.venv\Scripts\python -m installer.build dist || goto :error
dist\onewindow\onewindow-cli.exe --smoke-test || goto :error
set ISCC="%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
if not exist %ISCC% set ISCC=iscc
rem The version is written once, in pyproject.toml; the installed package reports it.
for /f "usebackq delims=" %%V in (`.venv\Scripts\python -c "import importlib.metadata as m; print(m.version('onewindow'))"`) do set APP_VERSION=%%V
if "%APP_VERSION%"=="" goto :error
%ISCC% /Q /DAppVersion=%APP_VERSION% installer\windows\onewindow.iss || goto :error
echo Done: see dist\
exit /b 0
:error
echo Build failed.
exit /b 1
