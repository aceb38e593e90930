<#
.SYNOPSIS
    One listing of every device, in a fresh process so its memory growth is its own (run by Invoke-Benchmark.ps1).
    Prints one JSON line: seconds, count, growthMB (peak working set during the listing minus the working set before it, in MiB).
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Module', 'RestMethod')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ApplicationUrl,
    [Parameter(Mandatory)] [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
$token = $env:IOTC_BENCH_TOKEN
if ($Mode -eq 'Module') {
    Import-Module $ModulePath
    Connect-IoTCentral -ApplicationUrl $ApplicationUrl -ApiToken (ConvertTo-SecureString $token -AsPlainText -Force) | Out-Null
    Get-IoTCentralDevice -Id nothing-here -ErrorAction SilentlyContinue | Out-Null   # warm up
}
else {
    Invoke-RestMethod "$ApplicationUrl/api/roles?api-version=2022-07-31" -Headers @{ Authorization = $token } | Out-Null
}

[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$before = [Environment]::WorkingSet
$watch = [Diagnostics.Stopwatch]::StartNew()
$count = 0
if ($Mode -eq 'Module') {
    Get-IoTCentralDevice | ForEach-Object { $count++ }
}
else {
    $next = "$ApplicationUrl/api/devices?api-version=2022-07-31"
    while ($next) {
        $page = Invoke-RestMethod $next -Headers @{ Authorization = $token }
        $page.value | ForEach-Object { $count++ }   # each item through the pipeline, as the module's are
        $next = $page.nextLink
    }
}
$seconds = $watch.Elapsed.TotalSeconds
# The peak, not the end: memory a listing needed and the GC has since freed still had to be there.
$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
$growth = ([Math]::Max($peak, [Environment]::WorkingSet) - $before) / 1MB
[pscustomobject]@{ seconds = $seconds; count = $count; growthMB = $growth } | ConvertTo-Json -Compress
