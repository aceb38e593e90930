#Requires -Version 7.0
<#
.SYNOPSIS
    Store analytics with data export: store sensors send telemetry, an export sends the sales-floor readings, tagged
    with the store they come from, to a webhook, and the script reads what arrived.

.DESCRIPTION
    The story of Microsoft Learn's store-management solution, in PowerShell: a retailer's stores have sensors that
    measure temperature, humidity and the number of shoppers in an area. The analytics team wants the sales-floor
    readings in near real time, each tagged with its store, and not those of the stockroom.

    The script publishes a store-sensor device template (templates/store-sensor.json), makes three simulated
    sensors (two sales floors and a stockroom, each knowing its store through the cloud property storeName), a
    webhook destination, and a telemetry export whose filter leaves out the stockroom and whose enrichments add the
    store and area from the device's properties and a static chain name.

    Without parameters it runs against the local emulator (start it first with
    `dotnet run --project src/IoTCentral.Emulator`). Then the webhook is a small HTTP listener the script starts
    itself on a free loopback port (http://127.0.0.1:<port>/store-export/): it waits (up to -TimeoutSeconds) until
    readings of both sales floors have arrived, reads them, and stops the listener again. The destination sends an
    authorization header (-WebhookAuthorization, or a random one made for this run); the listener counts requests
    without it as rejected.

    Against a real application (-ApplicationUrl and -ApiToken, an administrator token as a SecureString), IoT Central
    runs in Azure and cannot reach a listener on your machine: give -WebhookUrl, a public https endpoint you own
    (an Azure Function, a Logic App's HTTP trigger, ...), and optionally -WebhookAuthorization, the Authorization
    header value it expects. The script then sets up the same export, but does not read messages (they go to your
    endpoint): MessagesReceived and the other message counts are $null, and it reports the export's status only.
    Simulated devices in IoT Central send telemetry too, so your endpoint receives the readings within a minute or
    so. Without -WebhookUrl against an application that is not on this machine, the script stops with an error
    before signing in.

    It needs PowerShell 7 or later (it reads the webhook's messages with System.Text.Json, which Windows PowerShell
    5.1 does not load); the module itself also runs in Windows PowerShell 5.1.

    Everything it creates carries -Prefix in its id; -Cleanup removes it all again at the end, also when a step
    failed (the device template stays, as other runs use it too). The script returns one summary object; it never
    prints a token or the authorization header. Without -Cleanup, an export that sent to the script's own listener is
    left disabled (the listener stops with the script); one that sends to -WebhookUrl stays enabled.

.EXAMPLE
    ./docs/examples/store-data-export.ps1 -Cleanup

.EXAMPLE
    $token = Read-Host -AsSecureString 'Administrator API token'
    $authorization = Read-Host -AsSecureString 'Authorization header your webhook expects'
    ./docs/examples/store-data-export.ps1 -ApplicationUrl https://contoso.azureiotcentral.com -ApiToken $token `
        -WebhookUrl https://contoso-analytics.azurewebsites.net/api/store-readings -WebhookAuthorization $authorization
#>
[CmdletBinding()]
param(
    [Uri] $ApplicationUrl,
    [SecureString] $ApiToken,
    [Uri] $WebhookUrl,
    [SecureString] $WebhookAuthorization,
    [string] $TemplatePath = [System.IO.Path]::Combine($PSScriptRoot, 'templates', 'store-sensor.json'),
    [ValidatePattern('^[a-z0-9-]{1,40}$')]
    [string] $Prefix = ('stores-' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
    [ValidateRange(5, 600)]
    [int] $TimeoutSeconds = 60,
    [switch] $Cleanup
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IoTCentral)) {
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1')
}

# A listener here is reachable only by an application on this machine (the emulator, the default when no
# -ApplicationUrl is given); say so before signing in or creating anything.
$address = $null
$onThisMachine = -not $ApplicationUrl -or $ApplicationUrl.Host -eq 'localhost' -or
    ([System.Net.IPAddress]::TryParse($ApplicationUrl.Host, [ref] $address) -and [System.Net.IPAddress]::IsLoopback($address))
if (-not $WebhookUrl -and -not $onThisMachine) {
    throw "$ApplicationUrl cannot reach a listener on this machine: give -WebhookUrl, a public endpoint that receives the export."
}

# 1. Sign in as an administrator (the emulator's development token when no application is given).
$session = if ($ApiToken) {
    Connect-IoTCentral -ApplicationUrl $ApplicationUrl -ApiToken $ApiToken
}
elseif ($ApplicationUrl) {
    Connect-IoTCentral -Emulator -ApplicationUrl $ApplicationUrl
}
else {
    Connect-IoTCentral -Emulator
}


$floors = @(
    @{ Id = "$Prefix-seattle-floor"; DisplayName = 'Seattle sales floor'; Store = 'Seattle'; Area = 'sales floor' }
    @{ Id = "$Prefix-portland-floor"; DisplayName = 'Portland sales floor'; Store = 'Portland'; Area = 'sales floor' }
)
$stockroom = @{ Id = "$Prefix-seattle-stockroom"; DisplayName = 'Seattle stockroom'; Store = 'Seattle'; Area = 'stockroom' }

# System.Text.Json and a sorted set rather than ConvertFrom-Json and Sort-Object: the script then also runs in a bare
# PowerShell engine (an SDK host with only the core commands), as the module's tests and the tutorial runner use.
function ConvertFrom-JsonElement([System.Text.Json.JsonElement] $Element) {
    switch ($Element.ValueKind) {
        'Object' {
            $members = [ordered]@{}
            foreach ($member in $Element.EnumerateObject()) { $members[$member.Name] = ConvertFrom-JsonElement $member.Value }
            [pscustomobject]$members
        }
        'Array' { , @(foreach ($item in $Element.EnumerateArray()) { ConvertFrom-JsonElement $item }) }
        'String' { $Element.GetString() }
        'Number' { $Element.GetDouble() }
        'True' { $true }
        'False' { $false }
        default { $null }
    }
}

function Get-Distinct([object[]] $Values) {
    $set = [System.Collections.Generic.SortedSet[string]]::new([System.StringComparer]::Ordinal)
    foreach ($value in $Values) { if ($null -ne $value) { [void]$set.Add([string]$value) } }
    , [string[]]@($set)
}

$listener = $null
$devices = @()
$destination = $null
$export = $null
try {
    # 2. The webhook: the caller's endpoint, or a listener on a free loopback port (a TcpListener on port 0 finds one).
    if ($WebhookUrl) {
        $hookUrl = $WebhookUrl
        $authorization = $WebhookAuthorization
    }
    else {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port
        $probe.Stop()
        $hookUrl = [Uri] "http://127.0.0.1:$port/store-export/"
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add($hookUrl.AbsoluteUri)
        $listener.Start()
        $authorization = if ($WebhookAuthorization) { $WebhookAuthorization } else {
            [System.Net.NetworkCredential]::new('', 'Bearer ' + [guid]::NewGuid().ToString('N')).SecurePassword
        }
    }

    # 3. The store-sensor template and three simulated sensors; storeName and area are cloud properties set here.
    $template = New-IoTCentralDeviceTemplate -Path $TemplatePath -Session $session
    $devices = foreach ($sensor in $floors + $stockroom) {
        New-IoTCentralDevice -Id $sensor.Id -DisplayName $sensor.DisplayName -Template $template.Id -Simulated -Session $session
        Set-IoTCentralDeviceProperty -DeviceId $sensor.Id -Value @{ storeName = $sensor.Store; area = $sensor.Area } -Session $session
    }

    # 4. The destination, and the export: sales-floor telemetry only (backticks keep $id for the query language),
    #    enriched with the store and area from each device's properties and a static chain name.
    $destinationArguments = @{ Id = "$Prefix-analytics"; DisplayName = 'Store analytics webhook'; Url = $hookUrl; Session = $session }
    if ($authorization) { $destinationArguments.AuthorizationHeader = $authorization }
    $destination = New-IoTCentralExportDestination @destinationArguments
    $filter = "SELECT * FROM $($template.Id) WHERE `$id != '$($stockroom.Id)'"
    $export = New-IoTCentralExport -Id "$Prefix-floor-telemetry" -DisplayName 'Sales-floor telemetry' -Source telemetry `
        -Destination $destination.Id -Filter $filter -Session $session -Enrichment @{
            store = @{ Target = $template.Id; Path = 'storeName' }
            area  = @{ Target = $template.Id; Path = 'area' }
            chain = 'Contoso Markets'
        }

    # 5. Read what arrives until both sales floors have reported (simulated sensors send every few seconds).
    $messages = [System.Collections.Generic.List[object]]::new()
    $rejected = 0
    if ($listener) {
        $expected = [System.Net.NetworkCredential]::new('', $authorization).Password
        $floorIds = $floors.Id
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        $pending = $listener.GetContextAsync()
        while ([DateTime]::UtcNow -lt $deadline) {
            $seen = Get-Distinct $messages.deviceId
            if (@($floorIds | Where-Object { $_ -notin $seen }).Count -eq 0) { break }
            if (-not $pending.Wait(500)) { continue }
            $context = $pending.Result
            $pending = $listener.GetContextAsync()
            if ($context.Request.Headers['Authorization'] -ceq $expected) {
                $reader = [System.IO.StreamReader]::new($context.Request.InputStream, [System.Text.Encoding]::UTF8)
                $document = try { [System.Text.Json.JsonDocument]::Parse($reader.ReadToEnd()) } finally { $reader.Dispose() }
                try { $messages.Add((ConvertFrom-JsonElement $document.RootElement)) } finally { $document.Dispose() }
                $context.Response.StatusCode = 200
            }
            else {
                $rejected++
                $context.Response.StatusCode = 401
            }
            $context.Response.Close()
        }
    }

    # 6. The export's status: healthy once a delivery worked (error, with the failures, when the webhook fails).
    $status = Get-IoTCentralExport -Id $export.Id -Session $session

    $summary = [pscustomobject]@{
        ApplicationUrl    = $session.ApplicationUrl
        TemplateId        = $template.Id
        Devices           = @($devices.Id)
        Destination       = $destination.Id
        WebhookUrl        = $hookUrl
        Export            = $export.Id
        Filter            = $filter
        ExcludedDevice    = $stockroom.Id
        MessagesReceived  = if ($listener) { $messages.Count } else { $null }
        RejectedRequests  = if ($listener) { $rejected } else { $null }
        DevicesSeen       = if ($listener) { Get-Distinct $messages.deviceId } else { $null }
        StoresSeen        = if ($listener) { Get-Distinct $messages.enrichments.store } else { $null }
        ChainSeen         = if ($listener) { Get-Distinct $messages.enrichments.chain } else { $null }
        LatestReading     = if ($messages.Count) { $messages[-1].telemetry } else { $null }
        ExportStatus      = $status.Status
        LastExportTime    = $status.LastExportTime
        CleanedUp         = [bool]$Cleanup
    }
}
finally {
    if ($listener) {
        $listener.Stop()
        $listener.Close()
    }
    if ($listener -and $export -and -not $Cleanup) {
        # The listener is gone with the script: keep the export to look at, but stop it from delivering into nothing.
        Set-IoTCentralExport -Id $export.Id -Enabled $false -Session $session
    }
    if ($Cleanup) {
        # Also after a failed step: the export first (a destination in use cannot be removed), then what it used.
        if ($export) { Remove-IoTCentralExport -Id $export.Id -Force -Session $session }
        if ($destination) { Remove-IoTCentralExportDestination -Id $destination.Id -Force -Session $session }
        $devices | Where-Object { $_ } | Remove-IoTCentralDevice -Force -Session $session
    }
}

$summary
