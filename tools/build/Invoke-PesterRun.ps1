<#
 Runs Pester in a pwsh of its own, started by Build.psm1: tests then see a session like a user's console, not
 the build's module scope and preferences. Writes the counts to -SummaryPath as JSON.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    # Test folders separated by '|'.
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $SummaryPath
)

Import-Module $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path -split '\|'
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed  = $result.PassedCount
    # A container that failed to load, or a failing BeforeAll/AfterAll, is a failure as well.
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $SummaryPath
