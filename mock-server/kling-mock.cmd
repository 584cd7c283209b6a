@echo off
rem Starts the mock from the runnable jar with the class-data archive the build made beside it: the same
rem server as java -jar target\kling-effects-mock-server.jar, first answer about a third sooner. Flags as
rem in --help; JVM options in KLING_MOCK_JAVA_OPTS. Without the archive, or on a JDK other than the build's,
rem the JVM starts without it, silently.
setlocal
set "dir=%~dp0target"
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
set "archive="
if exist "%dir%\kling-effects-mock-server.jsa" set "archive="-XX:SharedArchiveFile=%dir%\kling-effects-mock-server.jsa" -Xlog:cds=off"
"%java%" %archive% %KLING_MOCK_JAVA_OPTS% -jar "%dir%\kling-effects-mock-server.jar" %*
exit /b %ERRORLEVEL%
