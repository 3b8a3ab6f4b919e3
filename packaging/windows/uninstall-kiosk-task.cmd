@echo off
rem Removes the Task Scheduler task "fulian-viewer kiosk" that
rem install-kiosk-task.cmd registered: stops the viewer if the task is running
rem it, then deletes the task. Run it as the user who installed the task.
setlocal
set "TASK_NAME=fulian-viewer kiosk"
schtasks /End /TN "%TASK_NAME%" >nul 2>&1
schtasks /Delete /TN "%TASK_NAME%" /F
if errorlevel 1 (
    echo schtasks could not delete "%TASK_NAME%" ^(is it installed for this user?^)
    exit /b 1
)
echo "%TASK_NAME%" is removed; fulian-viewer no longer starts at log-on.
endlocal
