<#
.SYNOPSIS
    The second half of the IoT Central REST API tutorial, in PowerShell: publish a device template, make a device
    of it, query its accelerometer readings over the last day, read its device information and run its lightOn
    command.

.DESCRIPTION
    Without parameters it runs against the local emulator (start it first with
    `dotnet run --project src/IoTCentral.Emulator`). Give -ApplicationUrl and -ApiToken (an administrator token as a
    SecureString) to run it against a real application. Unless -DeviceId names a device that already exists (such
    as a phone running the IoT Plug and Play app), the script creates a simulated device, which sends telemetry,
    reports its properties and answers commands in the emulator and in IoT Central alike.
    The script returns one summary object; it never prints a token or a key.

.EXAMPLE
    ./docs/examples/tutorial-query-and-control.ps1

.EXAMPLE
    $token = Read-Host -AsSecureString 'Administrator API token'
    ./docs/examples/tutorial-query-and-control.ps1 -ApplicationUrl https://contoso.azureiotcentral.com -ApiToken $token -DeviceId my-phone
#>
[CmdletBinding()]
param(
    [Uri] $ApplicationUrl,
    [SecureString] $ApiToken,
    [string] $TemplatePath = [System.IO.Path]::Combine($PSScriptRoot, 'templates', 'phone-as-a-device.json'),
    [string] $DeviceId = ('tutorial-phone-' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
    [switch] $Cleanup
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IoTCentral)) {
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1')
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

# 2. Publish the phone's device template: components sensors and device_info, and a root lightOn command.
$template = New-IoTCentralDeviceTemplate -Path $TemplatePath -Session $session

# 3. A device of that template: an existing one (a real phone), or a new simulated one that sends telemetry, reports
#    its device_info and answers commands.
$existing = Get-IoTCentralDevice -Id $DeviceId -Session $session -ErrorAction SilentlyContinue
$device = if ($existing) { $existing } else {
    New-IoTCentralDevice -Id $DeviceId -DisplayName 'Tutorial phone' -Template $template.Id -Simulated -Session $session
}

# 4. The accelerometer readings of the last day (newest first). Backticks keep $id and $ts for the query language.
$query = "SELECT TOP 100 `$id, `$ts, sensors.accelerometer FROM $($template.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = '$DeviceId' ORDER BY `$ts DESC"
$readings = @(Invoke-IoTCentralQuery $query -Session $session)

# 5. The device information component's properties: each one is a property of the object.
$info = Get-IoTCentralDeviceProperty -DeviceId $DeviceId -Component device_info -Session $session

# 6. Flash the light: 2 pulses of 3 seconds after 1 second.
$lightOn = Invoke-IoTCentralCommand -DeviceId $DeviceId -Name lightOn -Request @{ duration = 3; delay = 1; pulses = 2 } -Session $session

if ($Cleanup) {
    Remove-IoTCentralDevice -Id $DeviceId -Force -Session $session
}

[pscustomobject]@{
    ApplicationUrl      = $session.ApplicationUrl
    TemplateId          = $template.Id
    DeviceId            = $device.Id
    Readings            = $readings.Count
    LatestAccelerometer = if ($readings.Count) { $readings[0].'sensors.accelerometer' } else { $null }
    Manufacturer        = $info.manufacturer
    Model               = $info.model
    LightOnResponseCode = $lightOn.ResponseCode
    LightOnResponse     = $lightOn.Response
    CleanedUp           = [bool]$Cleanup
}
