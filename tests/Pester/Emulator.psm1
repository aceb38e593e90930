# Starts the built emulator on a free loopback port for a Pester run and stops it afterwards.
# Build first: dotnet build IoTCentral.sln -c Release

function Start-TestEmulator {
    [CmdletBinding()]
    param(
        [string] $Configuration = 'Release',
        # Serve over https with the emulator's Microsoft Entra stand-in (token service, managed identity endpoint).
        [switch] $Https,
        # An identities.json for the token service (see docs/emulator.md).
        [string] $IdentitiesFile
    )

    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $dll = Join-Path $root "src/IoTCentral.Emulator/bin/$Configuration/net10.0/IoTCentral.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "Build the solution first: $dll is missing." }

    $ready = Join-Path ([System.IO.Path]::GetTempPath()) ("iotc-ready-" + [guid]::NewGuid().ToString('N') + '.json')
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--page-size', '2', '--ready-file', $ready)
    $certificateFile = $null
    if ($Https) {
        $certificateFile = Join-Path ([System.IO.Path]::GetTempPath()) ("iotc-cert-" + [guid]::NewGuid().ToString('N') + '.cer')
        $arguments += @('--https', '--export-cert', $certificateFile)
    }
    if ($IdentitiesFile) { $arguments += @('--identities', $IdentitiesFile) }
    $process = Start-Process dotnet -ArgumentList $arguments -PassThru -NoNewWindow -RedirectStandardOutput ([System.IO.Path]::GetTempFileName())
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited -or [datetime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
            throw 'The emulator did not start within 30 seconds.'
        }
        Start-Sleep -Milliseconds 100
    }
    $info = Get-Content $ready -Raw | ConvertFrom-Json
    Remove-Item $ready
    [pscustomobject]@{
        Process                 = $process
        ApplicationUrl          = $info.applicationUrl
        AdminApiToken           = ConvertTo-SecureString $info.adminApiToken -AsPlainText -Force
        AuthorityHost           = $info.authorityHost
        ManagedIdentityEndpoint = $info.managedIdentityEndpoint
        ManagedIdentityHeader   = $info.managedIdentityHeader
        ManagementUrl           = $info.managementUrl
        SubscriptionId          = $info.subscriptionId
        Certificate             = if ($certificateFile) { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($certificateFile) } else { $null }
    }
}

function Stop-TestEmulator {
    param([Parameter(Mandatory)] $Emulator)
    if (-not $Emulator.Process.HasExited) { Stop-Process -Id $Emulator.Process.Id -Force }
}

Export-ModuleMember -Function Start-TestEmulator, Stop-TestEmulator
