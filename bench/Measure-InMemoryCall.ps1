<#
.SYNOPSIS
    Times one call of each side with no network at all: a raw HttpClient GET, the bare cmdlet and
    Get-IoTCentralDevice -Id, all answered in memory by the same canned device. Prints one JSON line.

.DESCRIPTION
    Over loopback, a call's time on a small shared machine depends on more than the work each side does: the two
    processes share the cores, every side waits for the emulator and its thread is woken again, and whatever ran
    meanwhile has pushed its code and data out of the caches. Here each side runs in tight loops against an answer
    already in memory, so the figures are the CPU work of each side, hot. Invoke-Benchmark.ps1 runs this script in
    a pwsh of its own and prints what each side adds per call.

    The module has no public way to swap its HTTP transport, and should not have one, so this script reaches into
    its internals (the engine client options' Transport, the session store) with reflection. It is a benchmark
    only: if those internals are renamed, fix it here.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Rounds = 15,
    [int] $Calls = 2000,
    [int] $WarmUpSeconds = 4
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$benchTypes = Add-Type -Path (Join-Path $PSScriptRoot 'BenchHttp.cs'), (Join-Path $PSScriptRoot 'BenchGetCommand.cs') -PassThru -ReferencedAssemblies System.Net.Http, System.Net.Primitives, System.Linq, System.Threading, System.Console, System.IO, System.Runtime.Extensions, System.Management.Automation
Import-Module -Assembly ($benchTypes | Select-Object -First 1).Assembly
Add-Type -Path (Join-Path $PSScriptRoot 'CannedDeviceHandler.cs') -ReferencedAssemblies System.Net.Http, System.Net.Primitives, System.Runtime, System.Threading.Tasks

$applicationUrl = [uri]'http://127.0.0.1:1/'
$handler = [IoTCentralBench.CannedDeviceHandler]::new()
$http = [Net.Http.HttpClient]::new($handler); $http.BaseAddress = $applicationUrl
[IoTCentralBench.GetBenchDeviceCommand]::Http = $http

# The engine and Azure.Core live in the module's private load context; load them there and build a client whose
# transport is the engine's own (CallerThreadHandler) over the canned handler, then make it the default session.
$nonPublic = [Reflection.BindingFlags]'Instance,Static,NonPublic,Public'
$moduleAssembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'IoTCentral' } | Select-Object -First 1
$context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($moduleAssembly)
$engineAssembly = $context.LoadFromAssemblyName([Reflection.AssemblyName]'IoTCentral.Engine')
$azureCore = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engineAssembly).LoadFromAssemblyName([Reflection.AssemblyName]'Azure.Core')
$callerThreadHandler = [Activator]::CreateInstance($engineAssembly.GetType('IoTCentral.Engine.Pipeline.CallerThreadHandler'), $nonPublic, $null, @($handler), $null)
$transport = [Activator]::CreateInstance($azureCore.GetType('Azure.Core.Pipeline.HttpClientTransport'), @([Net.Http.HttpClient]::new($callerThreadHandler)))
$optionsType = $engineAssembly.GetType('IoTCentral.Engine.IoTCentralClientOptions')
$options = [Activator]::CreateInstance($optionsType)
$options.ApplicationUrl = $applicationUrl
$options.RequestsPerSecond = 0
$optionsType.GetProperty('Transport', $nonPublic).SetValue($options, $transport)
$token = ConvertTo-SecureString 'SharedAccessSignature sr=bench' -AsPlainText -Force
$client = $engineAssembly.GetType('IoTCentral.Engine.IoTCentralClient')::CreateWithApiToken($options, $token)
$session = [IoTCentral.Models.IoTCentralSession]::new($applicationUrl, [IoTCentral.Models.IoTCentralAuthKind]::ApiToken, 'bench', $null)
$store = $moduleAssembly.GetType('IoTCentral.Infrastructure.SessionStore')
$null = $store.GetMethod('Add', $nonPublic).Invoke($null, @($session, $client))
$null = $store.GetMethod('SetDefault', $nonPublic).Invoke($null, @($session))
$path = '/api/devices/bench-one?api-version=2022-07-31'

# Tight loops: a side's calls back to back, so its code stays hot, the sides taking turns round by round. The loops
# sit in the script itself, not in script blocks or a switch: PowerShell runs code it has seen only a few times
# through its interpreter, which here tripled the cost of every command and would hide what each side adds.
# Each side first runs for a few seconds on its own: .NET compiles hot methods again, optimized, only once calls to
# them keep coming, and a pwsh that has just started keeps postponing that.
if ((Get-IoTCentralDevice -Id bench-one).ETag -ne [IoTCentralBench.CannedDeviceHandler]::ETag) { throw 'The module did not read the canned device.' }
$watch = [Diagnostics.Stopwatch]::StartNew()
while ($watch.Elapsed.TotalSeconds -lt $WarmUpSeconds) { foreach ($i in 1..100) { $null = [IoTCentralBench.BenchHttp]::Get($http, $path) } }
$watch = [Diagnostics.Stopwatch]::StartNew()
while ($watch.Elapsed.TotalSeconds -lt $WarmUpSeconds) { foreach ($i in 1..100) { $null = Get-BenchDevice -Id bench-one } }
$watch = [Diagnostics.Stopwatch]::StartNew()
while ($watch.Elapsed.TotalSeconds -lt $WarmUpSeconds) { foreach ($i in 1..100) { $null = Get-IoTCentralDevice -Id bench-one } }
$micros = @{ raw = [Collections.Generic.List[double]]::new(); bare = [Collections.Generic.List[double]]::new(); module = [Collections.Generic.List[double]]::new() }
foreach ($round in 1..$Rounds) {
    $watch = [Diagnostics.Stopwatch]::StartNew(); $n = 0
    while ($n -lt $Calls) { foreach ($i in 1..100) { $null = [IoTCentralBench.BenchHttp]::Get($http, $path) }; $n += 100 }
    $raw = $watch.Elapsed.TotalSeconds
    $watch = [Diagnostics.Stopwatch]::StartNew(); $n = 0
    while ($n -lt $Calls) { foreach ($i in 1..100) { $null = Get-BenchDevice -Id bench-one }; $n += 100 }
    $bare = $watch.Elapsed.TotalSeconds
    $watch = [Diagnostics.Stopwatch]::StartNew(); $n = 0
    while ($n -lt $Calls) { foreach ($i in 1..100) { $null = Get-IoTCentralDevice -Id bench-one }; $n += 100 }
    $module = $watch.Elapsed.TotalSeconds
    $micros.raw.Add(1e6 * $raw / $n); $micros.bare.Add(1e6 * $bare / $n); $micros.module.Add(1e6 * $module / $n)
}
function Median([double[]] $values) { $sorted = [double[]]($values | Sort-Object); $sorted[[int][Math]::Floor($sorted.Count / 2)] }
[ordered]@{ raw = Median $micros.raw; bare = Median $micros.bare; module = Median $micros.module } | ConvertTo-Json -Compress
