<#
.SYNOPSIS
    Operate a fleet: organizations, a device group by filter, a property job run and waited for, a nightly command
    job, and an X.509 enrollment group verified by proof of possession.

.DESCRIPTION
    Without parameters it runs against the local emulator (start it first with
    `dotnet run --project src/IoTCentral.Emulator`). Give -ApplicationUrl and -ApiToken (an administrator token as a
    SecureString) to run it against a real application. Everything it creates carries -Prefix in its id; -Cleanup
    removes it all again (the device template stays, as other scripts use it too).
    The CA certificate is a throwaway one made here with .NET's CertificateRequest (works on Linux and Windows);
    in production it comes from your PKI. The script returns one summary object; it never prints a key.

.EXAMPLE
    ./docs/examples/fleet-operations.ps1 -Cleanup

.EXAMPLE
    $token = Read-Host -AsSecureString 'Administrator API token'
    ./docs/examples/fleet-operations.ps1 -ApplicationUrl https://contoso.azureiotcentral.com -ApiToken $token
#>
[CmdletBinding()]
param(
    [Uri] $ApplicationUrl,
    [SecureString] $ApiToken,
    [string] $TemplatePath = [System.IO.Path]::Combine($PSScriptRoot, 'templates', 'phone-as-a-device.json'),
    [ValidatePattern('^[a-z0-9-]{1,40}$')]
    [string] $Prefix = ('fleet-' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
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

# 2. Organizations: a region and a site under it; the site's devices, groups and jobs are scoped to it.
$region = New-IoTCentralOrganization -Id "$Prefix-emea" -DisplayName 'EMEA' -Session $session
$site = New-IoTCentralOrganization -Id "$Prefix-berlin" -DisplayName 'Berlin' -Parent $region.Id -Session $session

# 3. Three simulated phones at the site, of the phone template (publishing it again replaces it with the same model).
$template = New-IoTCentralDeviceTemplate -Path $TemplatePath -Session $session

$devices = foreach ($n in 1..3) {
    New-IoTCentralDevice -Id "$Prefix-phone-$n" -DisplayName "Berlin phone $n" -Template $template.Id -Simulated -Organization $site.Id -Session $session
}

# 4. A device group by filter: the simulated phones (backticks keep $template and $simulated for the query language).
$group = New-IoTCentralDeviceGroup -Id "$Prefix-phones" -DisplayName 'Berlin phones' -Organization $site.Id -Session $session `
    -Filter "SELECT * FROM devices WHERE `$template = `"$($template.Id)`" AND `$simulated = true"

# 5. A property job on the group, waited for: every phone reports every 30 seconds from now on.
$job = New-IoTCentralJob -Id "$Prefix-interval" -Group $group.Id -Template $template.Id -Property @{ telemetryInterval = 30 } `
    -DisplayName 'Report every 30 s' -Session $session |
    Wait-IoTCentralJob -Timeout 600 -PollInterval 1 -Session $session
$jobDevices = @(Get-IoTCentralJobDevice -Id $job.Id -Session $session)

# 6. A nightly command job: flash each phone's light at 02:00 UTC, starting tomorrow.
$nightly = New-IoTCentralScheduledJob -Id "$Prefix-nightly" -Group $group.Id -Template $template.Id -Command lightOn `
    -Request @{ duration = 1; delay = 0; pulses = 1 } -Start ([datetimeoffset]::UtcNow.Date.AddDays(1).AddHours(2)) -Recurrence daily `
    -DisplayName 'Nightly light check' -Session $session

# 7. Enroll devices in bulk with X.509: a CA certificate (made here for the example), an enrollment group that
#    trusts it, and proof of possession of its key. Devices with certificates issued by this CA can then provision.
$caKey = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
$caRequest = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Prefix Devices CA", $caKey, 'SHA256')
$caRequest.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
$caRequest.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new('KeyCertSign, CrlSign', $true))
$ca = $caRequest.CreateSelfSigned([datetimeoffset]::UtcNow.AddMinutes(-5), [datetimeoffset]::UtcNow.AddYears(1))
$enrollment = New-IoTCentralEnrollmentGroup -Id "$Prefix-x509" -DisplayName 'Berlin phones (X.509)' -PrimaryCertificate $ca -Session $session
$certificate = Confirm-IoTCentralEnrollmentGroupCertificate -Id $enrollment.Id -SigningCertificate $ca -PassThru -Session $session

if ($Cleanup) {
    Remove-IoTCentralEnrollmentGroup -Id $enrollment.Id -Force -Session $session
    Remove-IoTCentralScheduledJob -Id $nightly.Id -Force -Session $session
    Remove-IoTCentralDeviceGroup -Id $group.Id -Force -Session $session
    $devices | Remove-IoTCentralDevice -Force -Session $session
    Remove-IoTCentralOrganization -Id $site.Id -Force -Session $session
    Remove-IoTCentralOrganization -Id $region.Id -Force -Session $session
}

[pscustomobject]@{
    ApplicationUrl        = $session.ApplicationUrl
    Organizations         = @($region.Id, $site.Id)
    DeviceGroup           = $group.Id
    Devices               = $devices.Count
    JobStatus             = $job.Status
    JobDevicesCompleted   = @($jobDevices | Where-Object Status -eq 'completed').Count
    ScheduledJob          = $nightly.Id
    NextRun               = $nightly.Schedule.Start
    EnrollmentGroup       = $enrollment.Id
    CaThumbprint          = $certificate.Thumbprint
    CertificateVerified   = $certificate.Verified
    CleanedUp             = [bool]$Cleanup
}
