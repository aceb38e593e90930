<#
.SYNOPSIS
    Measures the module against baselines run beside it, and prints ratios (not absolute targets: the machine varies).

.DESCRIPTION
    1. Per call: Get-IoTCentralDevice -Id vs a raw HttpClient GET vs Invoke-RestMethod, same emulator, same process,
       pacing off; the ratio is the median over rounds that time the sides back to back. PowerShell's own floor is
       measured beside them: the same HttpClient GET passed to Write-Output, and a bare compiled cmdlet that only sends
       the request synchronously (bench/BenchGetCommand.cs), the least any cmdlet making this request can cost; the
       module is also compared with each. So are the same ids piped to one Get-IoTCentralDevice (one command, a
       request per id). Then the same three calls answered in memory (bench/Measure-InMemoryCall.ps1): each side's
       own CPU work with no network, hot, and the module's own work as a share of the loopback GET.
    2. Bulk create: New-IoTCentralDevice -ThrottleLimit 8 of N devices against an emulator started with
       --rate-limit 20 (the service's figure), the session paced at 20/s: the rate as a share of the limit.
    3. Listing: every device of an application of -DeviceCount devices (default 100,000), module vs an
       Invoke-RestMethod loop, each in its own pwsh process: time and working-set growth.
    4. Emulator writes: PUT/s at -DeviceCount stored devices, --data-dir (SQLite) vs in memory.
    Needs the built module (dotnet build IoTCentral.sln -c Release). -Quick runs smaller counts.
    5. With -Engine, also the engine alone (bench/IoTCentral.Benchmarks, BenchmarkDotNet): IoTCentral.Engine's
       Devices.GetAsync against a raw HttpClient GET (the baseline) to an in-process emulator; BenchmarkDotNet prints
       the ratio and the allocations per call. It builds that project first (not part of IoTCentral.sln).

.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmark.ps1

.EXAMPLE
    dotnet pwsh ./bench/Invoke-Benchmark.ps1 -Quick -Engine
#>
param(
    [int] $DeviceCount = 100000,
    [int] $Calls = 4000,
    [int] $BulkCount = 400,
    [switch] $Quick,
    [switch] $Engine,
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
if ($Quick) {
    if (-not $PSBoundParameters.ContainsKey('DeviceCount')) { $DeviceCount = 10000 }
    if (-not $PSBoundParameters.ContainsKey('Calls')) { $Calls = 1000 }
    if (-not $PSBoundParameters.ContainsKey('BulkCount')) { $BulkCount = 100 }
}

$root = Split-Path $PSScriptRoot
$modulePath = Join-Path $root 'out/IoTCentral/IoTCentral.psd1'
$emulatorDll = Join-Path $root "src/IoTCentral.Emulator/bin/$Configuration/net10.0/IoTCentral.Emulator.dll"
foreach ($path in $modulePath, $emulatorDll) {
    if (-not (Test-Path $path)) { throw "$path is missing: run dotnet build IoTCentral.sln -c $Configuration first." }
}
Import-Module $modulePath -Force
$benchTypes = Add-Type -Path (Join-Path $PSScriptRoot 'BenchHttp.cs'), (Join-Path $PSScriptRoot 'BenchGetCommand.cs') -PassThru -ReferencedAssemblies System.Net.Http, System.Net.Primitives, System.Linq, System.Threading, System.Console, System.IO, System.Runtime.Extensions, System.Management.Automation
Import-Module -Assembly ($benchTypes | Select-Object -First 1).Assembly
# This pwsh, to start another: the repository's .NET tool runs as `dotnet pwsh.dll`.
$pwsh = @((Get-Process -Id $PID).Path)
if ((Split-Path $pwsh[0] -Leaf) -like 'dotnet*') { $pwsh = @($pwsh[0], (Join-Path $PSHOME 'pwsh.dll')) }
$results = [System.Collections.Generic.List[object]]::new()
$started = Get-Date

function Add-Result([string] $Figure, [string] $Measured, [string] $Baseline, [double] $Ratio, [string] $Target, [bool] $Met) {
    $results.Add([pscustomobject]@{ Figure = $Figure; Measured = $Measured; Baseline = $Baseline; Ratio = [Math]::Round($Ratio, 3); Target = $Target; Met = $Met })
}

function Plain([securestring] $secure) { [System.Net.NetworkCredential]::new('', $secure).Password }

function Time([scriptblock] $block) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $block
    $watch.Elapsed.TotalSeconds
}

$temp = Join-Path ([IO.Path]::GetTempPath()) ("iotc-bench-" + [guid]::NewGuid().ToString('N'))
$emulators = @()
try {
    # --- 1. per call ---------------------------------------------------------------------------------------------
    $plain = Start-IoTCentralEmulator -Path $emulatorDll
    $emulators += $plain
    $url = $plain.ApplicationUrl.ToString().TrimEnd('/')
    $token = Plain $plain.AdminApiToken
    $http = [IoTCentralBench.BenchHttp]::Create($url, $token)
    [IoTCentralBench.GetBenchDeviceCommand]::Http = $http
    Connect-IoTCentral -ApplicationUrl $url -ApiToken $plain.AdminApiToken | Out-Null
    New-IoTCentralDevice -Id bench-one | Out-Null
    $path = '/api/devices/bench-one?api-version=2022-07-31'
    $headers = @{ Authorization = $token }
    foreach ($i in 1..200) {
        # warm up every side (JIT, connections)
        $null = Get-IoTCentralDevice -Id bench-one
        $null = [IoTCentralBench.BenchHttp]::Get($http, $path)
        $null = Write-Output -InputObject ([IoTCentralBench.BenchHttp]::Get($http, $path))
        $null = Get-BenchDevice -Id bench-one
        $null = 'bench-one' | Get-IoTCentralDevice
        $null = Invoke-RestMethod "$url$path" -Headers $headers
    }
    # Paired rounds: each round times a short run of each side back to back (the order rotating from round to round),
    # and a figure is the median over rounds of each round's ratio. A shared machine's bursts come and go within
    # seconds; runs of a few milliseconds side by side see the same conditions, and the median drops the rounds a
    # burst split unevenly. Invoke-RestMethod, a reference only, is timed after, in rounds of its own: it allocates
    # far more per call and would leave its garbage to whichever side ran next.
    # The third side is PowerShell's own floor: the same HttpClient GET handed to Write-Output, one of the cheapest
    # compiled cmdlets there is. Every cmdlet call pays what that adds (command lookup, parameter binding, the pipeline,
    # PowerShell's command logging and some 20 KB of garbage), so it shows what part of the first ratio no module
    # can remove, and the module's figure against it shows what the module itself adds.
    # The fifth side is the strict floor: Get-BenchDevice (bench/BenchGetCommand.cs), a compiled cmdlet that does nothing
    # but the request, sent the fastest way HttpClient has. No cmdlet that makes this request can cost less; a module
    # also authenticates, retries, maps errors and returns typed objects on top of it.
    # The fourth side pipes the round's ids to one Get-IoTCentralDevice: as many requests, one after another, but one
    # command, so PowerShell's cost per command is paid once per round. It shows what each request costs when a
    # script hands the module many ids.
    $rounds = if ($Quick) { 100 } else { 400 }
    $perRound = [Math]::Max(5, [int]($Calls / $rounds))
    $pipedIds = @('bench-one') * $perRound
    $sides = [ordered]@{
        module = { foreach ($i in 1..$perRound) { $null = Get-IoTCentralDevice -Id bench-one } }
        piped = { $null = $pipedIds | Get-IoTCentralDevice }
        raw = { foreach ($i in 1..$perRound) { $null = [IoTCentralBench.BenchHttp]::Get($http, $path) } }
        floor = { foreach ($i in 1..$perRound) { $null = Write-Output -InputObject ([IoTCentralBench.BenchHttp]::Get($http, $path)) } }
        bare = { foreach ($i in 1..$perRound) { $null = Get-BenchDevice -Id bench-one } }
    }
    $irm = { foreach ($i in 1..$perRound) { $null = Invoke-RestMethod "$url$path" -Headers $headers } }
    $seconds = @{ irm = [Collections.Generic.List[double]]::new() }
    foreach ($side in $sides.Keys) { $seconds[$side] = [Collections.Generic.List[double]]::new() }
    $order = @($sides.Keys)
    foreach ($round in 1..$rounds) {
        $first = $round % $order.Count
        foreach ($k in 0..($order.Count - 1)) { $side = $order[($first + $k) % $order.Count]; $seconds[$side].Add((Time $sides[$side])) }
    }
    foreach ($round in 1..([Math]::Max(10, $rounds / 10))) { $seconds.irm.Add((Time $irm)) }
    function Median([double[]] $values) { $sorted = [double[]]($values | Sort-Object); $sorted[[int][Math]::Floor($sorted.Count / 2)] }
    function PairedRatio([string] $side, [string] $baseline) { Median (0..($rounds - 1) | ForEach-Object { $seconds[$side][$_] / $seconds[$baseline][$_] }) }
    $ratioRaw = PairedRatio module raw
    $ratioFloor = PairedRatio floor raw
    $ratioOverFloor = PairedRatio module floor
    $ratioPiped = PairedRatio piped raw
    $ratioBare = PairedRatio bare raw
    $ratioOverBare = PairedRatio module bare
    $ratioIrm = (Median $seconds.module) / (Median $seconds.irm)
    $ms = { param($side) '{0:N3} ms/call' -f (1000 * (Median $seconds[$side]) / $perRound) }
    $pairing = "per call: the median of $rounds rounds of $perRound calls of each side, the order rotating; " +
        "'Write-Output (GET)' is the same HttpClient GET passed to Write-Output; 'bare cmdlet' is bench/BenchGetCommand.cs, " +
        "a cmdlet that only sends the request synchronously: no cmdlet making this request can cost less"
    Add-Result 'Get-IoTCentralDevice -Id vs HttpClient GET' (& $ms 'module') (& $ms 'raw') $ratioRaw '<= 1.15' ($ratioRaw -le 1.15)
    Add-Result 'Write-Output (GET) vs HttpClient GET' (& $ms 'floor') (& $ms 'raw') $ratioFloor '(reference: any cmdlet)' $true
    Add-Result 'Get-IoTCentralDevice -Id vs Write-Output (GET)' (& $ms 'module') (& $ms 'floor') $ratioOverFloor '(reference: the module''s own share)' $true
    Add-Result 'Bare cmdlet (one HttpClient.Send) vs HttpClient GET' (& $ms 'bare') (& $ms 'raw') $ratioBare '(reference: least any cmdlet costs)' $true
    Add-Result 'Get-IoTCentralDevice -Id vs bare cmdlet' (& $ms 'module') (& $ms 'bare') $ratioOverBare '(reference: the module''s own work)' $true
    Add-Result "$perRound ids piped to Get-IoTCentralDevice vs HttpClient GET" (& $ms 'piped') (& $ms 'raw') $ratioPiped '(reference: per request, one command)' $true
    Add-Result 'Get-IoTCentralDevice -Id vs Invoke-RestMethod' (& $ms 'module') (& $ms 'irm') $ratioIrm '(reference)' $true

    # The same three calls with no network (bench/Measure-InMemoryCall.ps1, in a pwsh of its own): each side's own CPU
    # work, hot. Set against the loopback GET, it shows how much of a side's loopback figure is its work and how much
    # is the round trip's cost to it on this machine (waking the waiting thread, caches refilled after the wait).
    $hotArgs = if ($Quick) { @('-WarmUpSeconds', '1', '-Rounds', '5') } else { @() }
    $line = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-InMemoryCall.ps1') -ModulePath $modulePath @hotArgs
    if ($LASTEXITCODE -ne 0) { throw "The in-memory measurement failed: $line" }
    $hot = $line | Select-Object -Last 1 | ConvertFrom-Json
    $us = { param($value) '{0:N1} us/call' -f $value }
    $loopbackRaw = 1e6 * (Median $seconds.raw) / $perRound
    Add-Result 'In memory, hot: bare cmdlet vs HttpClient GET' (& $us $hot.bare) (& $us $hot.raw) ($hot.bare / $hot.raw) '(reference: a command''s own cost)' $true
    Add-Result 'In memory, hot: Get-IoTCentralDevice -Id vs bare cmdlet' (& $us $hot.module) (& $us $hot.bare) ($hot.module / $hot.bare) '(reference: the module''s own work)' $true
    Add-Result 'Module''s own work (hot) vs the loopback GET' (& $us ($hot.module - $hot.bare)) (& $us $loopbackRaw) (($hot.module - $hot.bare) / $loopbackRaw) '(reference: its share of a call)' $true

    # --- 2. bulk create at the service's limit -----------------------------------------------------------------
    $limited = Start-IoTCentralEmulator -Path $emulatorDll -ArgumentList '--rate-limit', '20'
    $emulators += $limited
    Connect-IoTCentral -ApplicationUrl $limited.ApplicationUrl -ApiToken $limited.AdminApiToken -MaxRequestsPerSecond 20 | Out-Null
    $ids = 1..$BulkCount | ForEach-Object { 'bulk-{0:D5}' -f $_ }
    $errorsBefore = $Error.Count
    $created = 0
    $seconds = Time { $ids | New-IoTCentralDevice -ThrottleLimit 8 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object { $script:created++ } }
    $failures = $BulkCount - $created
    $rate = $BulkCount / $seconds
    Add-Result "Bulk create of $BulkCount, --rate-limit 20" ('{0:N1}/s, {1} failed' -f $rate, $failures) '20/s' ($rate / 20) '>= 0.95, 0 failed' (($rate / 20) -ge 0.95 -and $failures -eq 0)

    # --- 3. listing a large application, and 4. writes at that size ------------------------------------------
    $dataDir = Join-Path $temp 'data'
    $stored = Start-IoTCentralEmulator -Path $emulatorDll -DataDirectory $dataDir
    $emulators += $stored
    $storedHttp = [IoTCentralBench.BenchHttp]::Create($stored.ApplicationUrl.ToString().TrimEnd('/'), (Plain $stored.AdminApiToken))
    $loadDisk = [IoTCentralBench.BenchHttp]::PutDevices($storedHttp, 'load-', 0, $DeviceCount, 8)
    $loadMemory = [IoTCentralBench.BenchHttp]::PutDevices($http, 'load-', 0, $DeviceCount, 8)
    Write-Host ("Loaded {0:N0} devices: {1:N0} PUT/s in memory, {2:N0} PUT/s with --data-dir (while growing)" -f $DeviceCount, $loadMemory, $loadDisk)

    $env:IOTC_BENCH_TOKEN = $token
    $listings = foreach ($mode in 'Module', 'RestMethod') {
        $line = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Listing.ps1') -Mode $mode -ApplicationUrl $url -ModulePath $modulePath
        if ($LASTEXITCODE -ne 0) { throw "The $mode listing failed: $line" }
        $line | Select-Object -Last 1 | ConvertFrom-Json
    }
    $env:IOTC_BENCH_TOKEN = $null
    $m, $r = $listings
    $expected = $DeviceCount + 1
    Add-Result "List $expected devices: time" ('{0:N1} s' -f $m.seconds) ('{0:N1} s (Invoke-RestMethod)' -f $r.seconds) ($m.seconds / $r.seconds) "(reference; all $expected listed)" ($m.count -eq $expected -and $r.count -eq $expected)
    Add-Result "List $expected devices: memory growth" ('{0:N1} MiB' -f $m.growthMB) ('{0:N1} MiB (Invoke-RestMethod)' -f $r.growthMB) ($m.growthMB / [Math]::Max($r.growthMB, 0.1)) '<= 30 MiB' ($m.growthMB -le 30)

    $writes = [Math]::Min(5000, [Math]::Max(1000, $DeviceCount / 20))
    $memoryPuts = $diskPuts = 0
    foreach ($round in 1..2) {
        $memoryPuts = [Math]::Max($memoryPuts, [IoTCentralBench.BenchHttp]::PutDevices($http, "more$round-", 0, $writes, 8))
        $diskPuts = [Math]::Max($diskPuts, [IoTCentralBench.BenchHttp]::PutDevices($storedHttp, "more$round-", 0, $writes, 8))
    }
    Add-Result "Emulator PUT/s at $DeviceCount devices, --data-dir vs memory" ('{0:N0}/s' -f $diskPuts) ('{0:N0}/s' -f $memoryPuts) ($diskPuts / $memoryPuts) '>= 0.5' (($diskPuts / $memoryPuts) -ge 0.5)
}
finally {
    foreach ($emulator in $emulators) { $emulator | Stop-IoTCentralEmulator -Confirm:$false -ErrorAction SilentlyContinue }
    if (Test-Path $temp) { Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue }
}

if ($Engine) {
    # In process: BenchmarkDotNet's default of a separate build and process per job doubles the time on a busy machine,
    # and both sides of the ratio share the process anyway.
    $engineArgs = @('--inProcess', '--launchCount', '1')
    $engineArgs += if ($Quick) { @('--warmupCount', '3', '--iterationCount', '10') } else { @('--warmupCount', '5', '--iterationCount', '30') }
    & dotnet run -c $Configuration --project (Join-Path $PSScriptRoot 'IoTCentral.Benchmarks') -- @engineArgs |
        ForEach-Object { "$_" -replace '\e\[[0-9;]*m', '' } | Where-Object { $_ -match '^\s*\|' } | ForEach-Object { Write-Host $_ }
    if ($LASTEXITCODE -ne 0) { throw "The engine benchmark failed (exit code $LASTEXITCODE)." }
}

$results | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host
if ($pairing) { Write-Host $pairing }
Write-Host ("{0} of {1} targets met; {2:N0} s; {3} cores; PowerShell {4}; device count {5}" -f
    @($results | Where-Object Met).Count, $results.Count, ((Get-Date) - $started).TotalSeconds, [Environment]::ProcessorCount, $PSVersionTable.PSVersion, $DeviceCount)
