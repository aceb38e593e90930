# The tasks behind build.ps1. Kept in a module so build.ps1 reads as a table of contents.

$script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$script:Out = Join-Path $script:Root 'out'
$script:PesterVersion = '5.9.1'

# dotnet's own output goes to the host, never into the pipeline, so a function that calls it returns only its value.
function Invoke-Dotnet {
    dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $args failed with exit code $LASTEXITCODE" }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $script:Root 'IoTCentral.psd1')).ModuleVersion
}

function Get-EmulatorDll([string] $Configuration) {
    $dll = Join-Path $script:Root "src/IoTCentral.Emulator/bin/$Configuration/net10.0/IoTCentral.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing." }
    $dll
}

function Import-BuiltModule {
    Import-Module (Join-Path $script:Out 'IoTCentral/IoTCentral.psd1') -Force -Global
}

<#
 Runs every docs/examples/*.ps1 against a fresh emulator, the way a newcomer meets the module. Each script
 takes -ApplicationUrl and -ApiToken, so the same scripts run against a real application too.
#>
function Invoke-Tutorial([string] $Configuration) {
    Import-BuiltModule
    $emulator = Start-IoTCentralEmulator -Path (Get-EmulatorDll $Configuration)
    try {
        Write-Host "No application given: using the IoT Central emulator at $($emulator.ApplicationUrl)"
        foreach ($script in Get-ChildItem (Join-Path $script:Root 'docs/examples') -Filter *.ps1) {
            Write-Host "`n== $($script.Name)" -ForegroundColor Cyan
            # Each script gets what it declares: the emulator's application and token, or its management endpoint.
            $declared = (Get-Command $script.FullName).Parameters
            $arguments = @{}
            foreach ($pair in @{ ApplicationUrl = $emulator.ApplicationUrl; ApiToken = $emulator.AdminApiToken; ManagementUrl = $emulator.ManagementUrl }.GetEnumerator()) {
                if ($declared.ContainsKey($pair.Key)) { $arguments[$pair.Key] = $pair.Value }
            }
            & $script.FullName @arguments | Format-List | Out-Host
        }
    }
    finally {
        $emulator | Stop-IoTCentralEmulator
    }
}

<#
 What users install: the module published with PSResourceGet to a local file repository (the same nupkg a
 gallery would get), the zip Azure Automation imports (module folder at the root of the archive), and the
 emulator as a .NET tool package.
#>
function New-ModulePackage([string] $Configuration) {
    $version = Get-ModuleVersion
    $repository = Join-Path $script:Out 'repository'
    $packages = Join-Path $script:Out 'packages'
    foreach ($folder in $repository, $packages) {
        if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
        New-Item -ItemType Directory $folder | Out-Null
    }

    # A repository registration is per user; a unique name that is always removed leaves the user's list as it was.
    $name = 'IoTCentralBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path (Join-Path $script:Out 'IoTCentral') -Repository $name
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }

    $zip = Join-Path $script:Out 'IoTCentral.zip'
    Write-AutomationZip -ModuleFolder (Join-Path $script:Out 'IoTCentral') -Destination $zip

    Invoke-Dotnet pack (Join-Path $script:Root 'src/IoTCentral.Emulator/IoTCentral.Emulator.csproj') -c $Configuration --no-build -o $packages -v quiet -nologo

    [pscustomobject]@{
        Version         = $version
        Repository      = $repository
        ModulePackage   = Join-Path $repository "IoTCentral.$version.nupkg"
        AutomationZip   = $zip
        EmulatorPackage = Join-Path $packages "IoTCentral.Emulator.$version.nupkg"
    }
}

# Entries are written one by one so every name uses '/' and starts with 'IoTCentral/', whatever the OS.
function Write-AutomationZip([string] $ModuleFolder, [string] $Destination) {
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    if (Test-Path $Destination) { Remove-Item $Destination -Force }
    $archive = [System.IO.Compression.ZipFile]::Open($Destination, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        $prefix = (Resolve-Path $ModuleFolder).Path.TrimEnd('/', '\').Length + 1
        foreach ($file in Get-ChildItem $ModuleFolder -Recurse -File) {
            $entry = 'IoTCentral/' + $file.FullName.Substring($prefix).Replace('\', '/')
            [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, $file.FullName, $entry) | Out-Null
        }
    }
    finally {
        $archive.Dispose()
    }
}

<#
 Installs the packed emulator tool into out/tools, the way a user installs it, and returns the folder that holds
 the iotcentral-emulator command. A private NuGet cache keeps a rebuilt package of the same version from being
 answered by a stale copy in the user's global cache.
#>
function Install-EmulatorTool($Package) {
    $toolPath = Join-Path $script:Out 'tools/emulator'
    $cache = Join-Path $script:Out 'tools/nuget-cache'
    foreach ($folder in $toolPath, $cache) {
        if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
    }
    $saved = $env:NUGET_PACKAGES
    $env:NUGET_PACKAGES = $cache
    try {
        Invoke-Dotnet tool install IoTCentral.Emulator --version $Package.Version --tool-path $toolPath --add-source (Split-Path $Package.EmulatorPackage)
    }
    finally {
        $env:NUGET_PACKAGES = $saved
    }
    $toolPath
}

function Get-PesterModulePath {
    Invoke-Dotnet restore (Join-Path $script:Root 'tools/PesterRestore/PesterRestore.csproj') -v quiet -nologo
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages "pester/$script:PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $script:PesterVersion was restored but $manifest is missing." }
    $manifest
}

function Invoke-XunitSuite([string] $Configuration, [string] $ResultsDirectory) {
    dotnet test (Join-Path $script:Root 'IoTCentral.sln') -c $Configuration --no-build --logger trx --results-directory $ResultsDirectory | Out-Host
    $exitCode = $LASTEXITCODE
    $passed = $failed = $skipped = 0
    foreach ($trx in Get-ChildItem $ResultsDirectory -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $skipped += [int] $counters.notExecuted
    }
    # A run that failed without a failing test (a crashed test host, a missing project) still counts as a failure.
    if ($exitCode -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Suite = 'xunit'; Passed = $passed; Failed = $failed; Skipped = $skipped }
}

<#
 The user-level proof, in a fresh pwsh: tests/Pester against the built module, and the testing sample in
 docs/examples/testing against the emulator installed from its tool package, as a user would have it.
#>
function Invoke-PesterSuite($Package, [string] $ResultsDirectory) {
    $pesterManifest = Get-PesterModulePath
    $toolPath = Install-EmulatorTool $Package
    New-Item -ItemType Directory $ResultsDirectory -Force | Out-Null
    $summaryPath = Join-Path $ResultsDirectory 'summary.json'

    $saved = @{ PATH = $env:PATH; Repository = $env:IOTCENTRAL_TEST_REPOSITORY; Zip = $env:IOTCENTRAL_TEST_AUTOMATION_ZIP }
    $env:PATH = $toolPath + [System.IO.Path]::PathSeparator + $env:PATH
    $env:IOTCENTRAL_TEST_REPOSITORY = $Package.Repository
    $env:IOTCENTRAL_TEST_AUTOMATION_ZIP = $Package.AutomationZip
    try {
        $pwsh = Get-PwshCommand
        $runner = Join-Path $PSScriptRoot 'Invoke-PesterRun.ps1'
        # -File passes each argument as one string, so the test folders travel as one list separated by '|'.
        $testPaths = (Join-Path $script:Root 'tests/Pester') + '|' + (Join-Path $script:Root 'docs/examples/testing')
        $resultPath = Join-Path $ResultsDirectory 'pester.xml'
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $runner -PesterManifest $pesterManifest `
            -Path $testPaths -ResultPath $resultPath -SummaryPath $summaryPath | Out-Host
    }
    finally {
        $env:PATH = $saved.PATH
        $env:IOTCENTRAL_TEST_REPOSITORY = $saved.Repository
        $env:IOTCENTRAL_TEST_AUTOMATION_ZIP = $saved.Zip
    }
    if (-not (Test-Path $summaryPath)) {
        # The run itself broke (Pester did not load, the process died): that is a failure, not zero tests.
        return [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 1; Skipped = 0 }
    }
    $summary = Get-Content $summaryPath -Raw | ConvertFrom-Json
    [pscustomobject]@{ Suite = 'Pester'; Passed = $summary.Passed; Failed = $summary.Failed; Skipped = $summary.Skipped }
}

# The pwsh running this build, to start another: the .NET tool runs as `dotnet pwsh.dll`.
function Get-PwshCommand {
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ((Test-Path $dll) -and (Split-Path (Get-Process -Id $PID).Path -Leaf) -like 'dotnet*') { return @('dotnet', $dll) }
    @((Get-Process -Id $PID).Path)
}

# Prints each suite's counts and the one closing line CI reads; returns whether everything passed.
function Write-TestSummary($Counts) {
    # Only the suites' count objects: anything else that reached this list would skew the sums silently.
    $Counts = @($Counts | ForEach-Object { $_ } | Where-Object { $_ -is [pscustomobject] -and $_.PSObject.Properties['Suite'] })
    foreach ($count in $Counts) {
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped" -f $count.Suite, $count.Passed, $count.Failed, $count.Skipped)
    }
    $passed = ($Counts | Measure-Object Passed -Sum).Sum
    $failed = ($Counts | Measure-Object Failed -Sum).Sum
    $skipped = ($Counts | Measure-Object Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    # Every suite must have run something: a suite that ran nothing is broken, not green.
    $failed -eq 0 -and -not ($Counts | Where-Object { $_.Passed -eq 0 })
}

<#
 PlatyPS 1.x regenerates the parameter metadata of each page from the cmdlets and keeps the prose; the build
 compiles the pages either way, so without PlatyPS the pages stay as written.
#>
function Update-CommandHelp {
    $platyPS = Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS | Where-Object Version -ge '1.0.0' | Select-Object -First 1
    if (-not $platyPS) {
        Write-Warning 'Microsoft.PowerShell.PlatyPS 1.x is not installed, so docs/en-US was compiled as written and not refreshed from the cmdlets. Install it with: Install-PSResource Microsoft.PowerShell.PlatyPS'
        return
    }
    Import-Module $platyPS
    Import-BuiltModule
    $pages = Join-Path $script:Root 'docs/en-US'
    $fresh = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-help-' + [guid]::NewGuid().ToString('N'))
    foreach ($command in Get-Command -Module IoTCentral -CommandType Cmdlet) {
        $page = Join-Path $pages "$($command.Name).md"
        if (Test-Path $page) {
            Update-MarkdownCommandHelp -Path $page | Out-Null
        }
        else {
            # New pages land in <folder>/<module>/; move them beside the others.
            $created = New-MarkdownCommandHelp -CommandInfo $command -OutputFolder $fresh
            Move-Item $created.FullName $page
            Write-Host "New help page: $page (fill in the synopsis, description and examples)"
        }
    }
    if (Test-Path $fresh) { Remove-Item $fresh -Recurse -Force }
}

Export-ModuleMember -Function Invoke-Dotnet, Invoke-Tutorial, New-ModulePackage, Invoke-XunitSuite, Invoke-PesterSuite, Write-TestSummary, Update-CommandHelp
