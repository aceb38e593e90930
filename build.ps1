<#
.SYNOPSIS
    The front door of the repository: build, test, document, package, and run the tutorials.

.DESCRIPTION
    Needs only the .NET SDK: the repository's tool manifest brings PowerShell 7.6.9 and a restore-only project
    brings Pester 5.9.1 from NuGet, so on a fresh machine run it as

        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

    Tasks:
      Build     assembles the importable module in out/IoTCentral/
      Test      every xunit suite, then the Pester suite (tests/Pester, the packaged module, and the
                testing sample in docs/examples/testing against the emulator installed as a .NET tool);
                results under out/test-results/, one closing "N passed, N failed, N skipped" line
      Docs      refreshes docs/en-US from the cmdlets with Microsoft.PowerShell.PlatyPS 1.x when it is installed
      Package   publishes the module to the local PSResourceGet repository out/repository, writes the Azure
                Automation zip out/IoTCentral.zip and packs the emulator tool into out/packages
      Tutorial  starts the emulator and runs every docs/examples/*.ps1 against it

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Tutorial

.EXAMPLE
    ./build.ps1 -Task Test -SkipXunit     # the Pester half only (after a build)
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Tutorial')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Pester only: skips the xunit suites (useful while writing Pester tests).
    [switch] $SkipXunit
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Set-Location $PSScriptRoot
Import-Module (Join-Path $PSScriptRoot 'tools/build/Build.psm1') -Force

switch ($Task) {
    'Build' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
    }
    'Tutorial' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        Invoke-Tutorial -Configuration $Configuration
    }
    'Package' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        New-ModulePackage -Configuration $Configuration | Format-List
    }
    'Docs' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        Update-CommandHelp
    }
    'Test' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        $results = Join-Path $PSScriptRoot 'out/test-results'
        if (Test-Path $results) { Remove-Item $results -Recurse -Force }
        $counts = [System.Collections.Generic.List[object]]::new()
        if (-not $SkipXunit) {
            $counts.Add((Invoke-XunitSuite -Configuration $Configuration -ResultsDirectory (Join-Path $results 'xunit')))
        }
        $package = New-ModulePackage -Configuration $Configuration
        $counts.Add((Invoke-PesterSuite -Package $package -ResultsDirectory (Join-Path $results 'pester')))
        if (-not (Write-TestSummary $counts)) { exit 1 }
    }
}
