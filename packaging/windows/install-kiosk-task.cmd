@echo off
rem Registers the Task Scheduler task "fulian-viewer kiosk", which starts
rem fulian-viewer in kiosk mode when this user logs on and starts it again
rem within a minute whenever it is not running (after a crash, for example).
rem
rem Run it logged on as the kiosk user, by double-clicking it or from a
rem command prompt; no administrator is needed. It reads
rem fulian-viewer-kiosk.xml from this folder (adapt the paths in it first),
rem puts this user's name in it, saves the result as UTF-16 in %TEMP% and
rem registers it with schtasks, replacing an earlier version of the task.
rem Undo with uninstall-kiosk-task.cmd.
setlocal
set "TASK_NAME=fulian-viewer kiosk"
set "TASK_TEMPLATE=%~dp0fulian-viewer-kiosk.xml"
set "TASK_XML=%TEMP%\fulian-viewer-kiosk-task.xml"

if not exist "%TASK_TEMPLATE%" (
    echo Cannot find "%TASK_TEMPLATE%".
    exit /b 1
)

rem PowerShell only rewrites the file: this user's name for KIOSK_USER (XML-escaped)
rem and a UTF-16 declaration, written as UTF-16 LE with a byte order mark.
set "PS=$ErrorActionPreference = 'Stop';"
set "PS=%PS% $user = [Security.Principal.WindowsIdentity]::GetCurrent().Name;"
set "PS=%PS% $xml = [IO.File]::ReadAllText($env:TASK_TEMPLATE, [Text.Encoding]::UTF8);"
set "PS=%PS% $xml = $xml.Replace('KIOSK_USER', [Security.SecurityElement]::Escape($user));"
set "PS=%PS% $declaration = '<?xml version=''1.0'' encoding=''UTF-16''?>';"
set "PS=%PS% $xml = $xml -replace '^\s*<\?xml[^>]*\?>', $declaration;"
set "PS=%PS% [IO.File]::WriteAllText($env:TASK_XML, $xml, [Text.Encoding]::Unicode)"
powershell.exe -NoProfile -NonInteractive -Command "%PS%"
if errorlevel 1 (
    echo Could not prepare "%TASK_XML%" from "%TASK_TEMPLATE%".
    exit /b 1
)

schtasks /Create /TN "%TASK_NAME%" /XML "%TASK_XML%" /F
set "RESULT=%ERRORLEVEL%"
del "%TASK_XML%" 2>nul
if not "%RESULT%"=="0" (
    echo schtasks could not register "%TASK_NAME%" ^(error %RESULT%^).
    exit /b %RESULT%
)
echo.
echo "%TASK_NAME%" is registered: fulian-viewer starts at this user's next log-on.
echo Start it now with:      schtasks /Run /TN "%TASK_NAME%"
echo Pause it (maintenance): schtasks /Change /TN "%TASK_NAME%" /DISABLE
echo                         schtasks /End /TN "%TASK_NAME%"
echo Resume it:              schtasks /Change /TN "%TASK_NAME%" /ENABLE
endlocal
