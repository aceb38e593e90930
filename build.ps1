<#
.SYNOPSIS
    Convenience entry point for people who have pwsh. Everything here is also reachable with dotnet alone.
.EXAMPLE
    ./build.ps1                 # build: assembles out/IoTCentral
.EXAMPLE
    ./build.ps1 -Task Test      # every xunit suite, then the Pester scenarios if Pester is installed
.EXAMPLE
    ./build.ps1 -Task Package   # a zip of out/IoTCentral ready to publish
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $args failed with exit code $LASTEXITCODE" }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
    }
    'Test' {
        Invoke-Dotnet test IoTCentral.sln -c $Configuration
        if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0') {
            Invoke-Pester -Path ./tests/Pester -Output Detailed
        }
        else {
            Write-Warning 'Pester 5 is not installed; skipped tests/Pester.'
        }
    }
    'Docs' {
        # The build compiles docs/en-US into MAML; with PlatyPS installed, refresh the pages from the cmdlets.
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        if (Get-Module -ListAvailable platyPS) {
            Import-Module ./out/IoTCentral/IoTCentral.psd1 -Force
            Update-MarkdownHelp -Path ./docs/en-US -AlphabeticParamsOrder:$false | Out-Null
        }
        else {
            Write-Warning 'platyPS is not installed; compiled the existing pages only.'
        }
    }
    'Package' {
        Invoke-Dotnet build IoTCentral.sln -c $Configuration
        $version = (Import-PowerShellDataFile ./IoTCentral.psd1).ModuleVersion
        Compress-Archive -Path ./out/IoTCentral -DestinationPath "./out/IoTCentral.$version.zip" -Force
    }
}
