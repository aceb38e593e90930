<#
.SYNOPSIS
    The IoT Central REST API tutorial from its first step to its last, in PowerShell: create an application with
    Azure Resource Manager, sign in to it, create administrator and operator API tokens, publish the phone's
    device template, register a phone and read its credentials, query its telemetry, read its properties, run its
    lightOn command, and delete the application.

.DESCRIPTION
    Without -SubscriptionId it runs against the local emulator's management endpoint (start the emulator first with
    `dotnet run --project src/IoTCentral.Emulator`, or give -ManagementUrl of one that Start-IoTCentralEmulator
    started). With -SubscriptionId it signs in to Azure with the default credential chain (environment, managed
    identity, Azure CLI, Azure PowerShell) and creates a real application, which it deletes at the end unless -Keep.
    The script returns one summary object; it never prints a token or a key.

.EXAMPLE
    ./docs/examples/tutorial-application-lifecycle.ps1

.EXAMPLE
    ./docs/examples/tutorial-application-lifecycle.ps1 -SubscriptionId 00000000-0000-0000-0000-000000000000 -ResourceGroup my-rg -Location westeurope
#>
[CmdletBinding()]
param(
    # The emulator's management endpoint; default its well-known https://127.0.0.1:5183/.
    [Uri] $ManagementUrl,
    # An Azure subscription: run against Azure instead of the emulator.
    [string] $SubscriptionId,
    [string] $ResourceGroup = 'iotc-tutorial',
    [string] $Location = 'westeurope',
    [string] $Name = ('tutorial-' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
    [string] $TemplatePath = [System.IO.Path]::Combine($PSScriptRoot, 'templates', 'phone-as-a-device.json'),
    # Keep the application at the end instead of deleting it.
    [switch] $Keep
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IoTCentral)) {
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1')
}

# 1. Sign in to Azure Resource Manager (the emulator's development service principal when no subscription is given).
$management = if ($SubscriptionId) {
    Connect-IoTCentral -Management -SubscriptionId $SubscriptionId
}
elseif ($ManagementUrl) {
    Connect-IoTCentral -Management -Emulator -ManagementUrl $ManagementUrl
}
else {
    Connect-IoTCentral -Management -Emulator
}

# 2. Is the name free, and its subdomain? Then create the application and wait until it is ready.
$unavailable = @(Test-IoTCentralApplicationName -Name $Name -Subdomain $Name -Session $management | Where-Object { -not $_.Available })
if ($unavailable) { throw "Cannot create '$Name': $($unavailable[0].Message)" }
$app = New-IoTCentralApplication -Name $Name -ResourceGroup $ResourceGroup -Location $Location -Subdomain $Name -Sku ST2 -DisplayName 'REST tutorial' -Session $management

try {
    # 3. Sign in to the new application as whoever created it (its first administrator).
    $creator = $app | Connect-IoTCentral

    # 4. An administrator and an operator API token; their values come back as SecureStrings.
    $expiry = [datetime]::UtcNow.AddDays(30)
    $adminToken = New-IoTCentralApiToken -Id tutorial-admin -Role Administrator -Expiry $expiry -Session $creator
    $operatorToken = New-IoTCentralApiToken -Id tutorial-operator -Role Operator -Expiry $expiry -Session $creator
    $trust = @{}
    if ($management.TrustedServerCertificate) { $trust.TrustedServerCertificate = $management.TrustedServerCertificate }
    $admin = Connect-IoTCentral -ApplicationUrl $app.ApplicationUrl -ApiToken $adminToken.Token @trust
    $operator = Connect-IoTCentral -ApplicationUrl $app.ApplicationUrl -ApiToken $operatorToken.Token @trust

    # 5. Publish the phone's device template (as the administrator).
    $template = New-IoTCentralDeviceTemplate -Path $TemplatePath -Session $admin

    # 6. Register the phone (as the operator) and read what it needs to provision: ID scope and keys.
    $deviceId = 'phone-' + $Name.Substring($Name.Length - 8)
    $device = New-IoTCentralDevice -Id $deviceId -DisplayName 'Tutorial phone' -Template $template.Id -Simulated -Session $operator
    $credential = Get-IoTCentralDeviceCredential -DeviceId $deviceId -Session $operator

    # 7. Its accelerometer readings of the last day, its device information, and its light.
    $query = "SELECT TOP 10 `$id, `$ts, sensors.accelerometer FROM $($template.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = '$deviceId' ORDER BY `$ts DESC"
    $readings = @(Invoke-IoTCentralQuery $query -Session $operator)
    $info = Get-IoTCentralDeviceProperty -DeviceId $deviceId -Component device_info -Session $operator
    $lightOn = Invoke-IoTCentralCommand -DeviceId $deviceId -Name lightOn -Request @{ duration = 3; delay = 1; pulses = 2 } -Session $operator
}
finally {
    # 8. Delete the application, with its devices, tokens and data.
    if (-not $Keep) {
        Remove-IoTCentralApplication -Name $Name -ResourceGroup $ResourceGroup -Force -Session $management
    }
}

[pscustomobject]@{
    Application         = $app.Name
    ApplicationUrl      = $app.ApplicationUrl
    Location            = $app.Location
    Sku                 = $app.Sku
    TemplateId          = $template.Id
    DeviceId            = $device.Id
    IdScope             = $credential.IdScope
    Readings            = $readings.Count
    Manufacturer        = $info.manufacturer
    LightOnResponseCode = $lightOn.ResponseCode
    Deleted             = -not $Keep
}
