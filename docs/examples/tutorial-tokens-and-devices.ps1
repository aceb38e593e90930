<#
.SYNOPSIS
    The first half of the IoT Central REST API tutorial, in PowerShell: sign in with an API token, list the
    roles, create an operator API token, register a device with it and read the device's credentials.

.DESCRIPTION
    Without parameters it runs against the local emulator (start it first with
    `dotnet run --project src/IoTCentral.Emulator`). Give -ApplicationUrl and -ApiToken (an administrator
    token as a SecureString) to run it against a real application.
    The script returns one summary object; it never prints a token or a key.

.EXAMPLE
    ./docs/examples/tutorial-tokens-and-devices.ps1

.EXAMPLE
    $token = Read-Host -AsSecureString 'Administrator API token'
    ./docs/examples/tutorial-tokens-and-devices.ps1 -ApplicationUrl https://contoso.azureiotcentral.com -ApiToken $token -Cleanup
#>
[CmdletBinding()]
param(
    [Uri] $ApplicationUrl,
    [SecureString] $ApiToken,
    [string] $DeviceId = ('tutorial-device-' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
    [switch] $Cleanup
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IoTCentral)) {
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1')
}

# 1. Sign in as an administrator.
$admin = if ($ApiToken) {
    Connect-IoTCentral -ApplicationUrl $ApplicationUrl -ApiToken $ApiToken
}
elseif ($ApplicationUrl) {
    Connect-IoTCentral -Emulator -ApplicationUrl $ApplicationUrl
}
else {
    Connect-IoTCentral -Emulator
}

# 2. The roles an API token or a user can have.
$roles = @(Get-IoTCentralRole -Session $admin)

# 3. An operator API token: the role object pipes straight in; the value comes back as a SecureString.
$tokenId = 'tutorial-operator-' + $DeviceId.Substring($DeviceId.Length - 8)
$operatorToken = Get-IoTCentralRole -Name Operator -Session $admin |
    New-IoTCentralApiToken -Id $tokenId -Expiry ([datetime]::UtcNow.AddDays(30)) -Session $admin

# 4. Sign in with the operator token and register a device.
$operator = Connect-IoTCentral -ApplicationUrl $admin.ApplicationUrl -ApiToken $operatorToken.Token
$device = New-IoTCentralDevice -Id $DeviceId -DisplayName 'Tutorial device' -Session $operator

# 5. What the device needs to provision: the ID scope and its keys (SecureStrings unless -AsPlainText).
$credential = Get-IoTCentralDeviceCredential -DeviceId $DeviceId -Session $operator

if ($Cleanup) {
    Remove-IoTCentralDevice -Id $DeviceId -Force -Session $admin
    Remove-IoTCentralApiToken -Id $tokenId -Force -Session $admin
}

Disconnect-IoTCentral -Session $operator

[pscustomobject]@{
    ApplicationUrl   = $admin.ApplicationUrl
    Roles            = $roles.DisplayName
    OperatorTokenId  = $operatorToken.Id
    DeviceId         = $device.Id
    DeviceStatus     = $device.Status
    IdScope          = $credential.IdScope
    HasPrimaryKey    = $null -ne $credential.PrimaryKey
    CleanedUp        = [bool]$Cleanup
}
