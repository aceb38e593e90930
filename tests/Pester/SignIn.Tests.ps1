#Requires -Modules Pester
# Microsoft Entra sign-ins against the emulator's token service over https, as the xunit EntraSignInTests and
# ManagedIdentityTests run them. Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force

    $script:tenant = '6a1f0c55-0000-4000-8000-0000000000a1'
    $script:sp = @{ clientId = [guid]::NewGuid().Guid; objectId = [guid]::NewGuid().Guid; secret = 'pester-' + [guid]::NewGuid().ToString('N') }
    $script:mi = @{ clientId = [guid]::NewGuid().Guid; objectId = [guid]::NewGuid().Guid }
    $identities = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-identities-' + [guid]::NewGuid().ToString('N') + '.json')
    @{
        servicePrincipals = @(@{ tenantId = $tenant; clientId = $sp.clientId; objectId = $sp.objectId; clientSecret = $sp.secret })
        managedIdentities = @(@{ clientId = $mi.clientId; objectId = $mi.objectId; systemAssigned = $true; tenantId = $tenant })
    } | ConvertTo-Json -Depth 5 | Set-Content $identities

    $script:emulator = Start-TestEmulator -Https -IdentitiesFile $identities
    $script:trust = @{ ApplicationUrl = $emulator.ApplicationUrl; TrustedServerCertificate = $emulator.Certificate }
    $script:admin = Connect-IoTCentral @trust -ApiToken $emulator.AdminApiToken
    New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId $sp.objectId -Role Administrator -Session $admin | Out-Null
    New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId $mi.objectId -Role Operator -Session $admin | Out-Null
}

AfterAll {
    if ($script:emulator) { Stop-TestEmulator $script:emulator }
}

Describe 'Signing in with Microsoft Entra identities' {
    It 'signs in as a service principal whose operator token registers a device' {
        $credential = [pscredential]::new($sp.clientId, (ConvertTo-SecureString $sp.secret -AsPlainText -Force))
        $session = Connect-IoTCentral @trust -AuthorityHost $emulator.AuthorityHost -ServicePrincipal -TenantId $tenant -Credential $credential
        $session.AuthKind | Should -Be 'ServicePrincipal'
        $session.TenantId | Should -Be $tenant

        $id = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $token = New-IoTCentralApiToken -Id $id -Role Operator -Session $session
        $operator = Connect-IoTCentral @trust -ApiToken $token.Token
        (New-IoTCentralDevice -Id $id -Session $operator).Id | Should -Be $id
        { New-IoTCentralApiToken -Id "$id-2" -Role Operator -Session $operator -ErrorAction Stop } |
            Should -Throw -ErrorId 'IoTCentral.ApiTokenAccessDenied,IoTCentral.Commands.ApiToken.NewIoTCentralApiTokenCommand'
    }

    It 'refuses a wrong secret at connect and never shows it' {
        $credential = [pscredential]::new($sp.clientId, (ConvertTo-SecureString 'wrong-secret-value' -AsPlainText -Force))
        $all = { Connect-IoTCentral @trust -AuthorityHost $emulator.AuthorityHost -ServicePrincipal -TenantId $tenant -Credential $credential -Verbose -Debug } |
            Should -Throw -ErrorId 'IoTCentral.SignInFailed,IoTCentral.Commands.Session.ConnectIoTCentralCommand' -PassThru
        ($all | Out-String) | Should -Not -Match 'wrong-secret-value'
    }

    It 'signs in with the managed identity as Azure Automation provides it' {
        $saved = $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER
        try {
            $env:IDENTITY_ENDPOINT = $emulator.ManagedIdentityEndpoint
            $env:IDENTITY_HEADER = $emulator.ManagedIdentityHeader
            $session = Connect-IoTCentral @trust -Identity
            $session.AuthKind | Should -Be 'ManagedIdentity'
            (Get-IoTCentralRole -Name Operator -Session $session).DisplayName | Should -Be 'Operator'
        }
        finally {
            $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER = $saved
        }
    }

    It 'refuses a wrong secret of a credential built from a loaded Azure.Identity as a sign-in failure with the reason' {
        # The module's Azure.Identity loaded into the console, as the README shows: a copy of its own, whose
        # exceptions are types the module's copy does not know.
        Add-Type -Path (Join-Path (Get-Module IoTCentral).ModuleBase 'dependencies/Azure.Identity.dll')
        $handler = [System.Net.Http.HttpClientHandler]@{ ServerCertificateCustomValidationCallback = [System.Net.Http.HttpClientHandler]::DangerousAcceptAnyServerCertificateValidator }
        $options = [Azure.Identity.ClientSecretCredentialOptions]@{
            AuthorityHost = $emulator.AuthorityHost; DisableInstanceDiscovery = $true; Transport = [Azure.Core.Pipeline.HttpClientTransport]::new($handler)
        }
        $credential = [Azure.Identity.ClientSecretCredential]::new($tenant, $sp.clientId, 'wrong-secret-value', $options)
        $failure = { Connect-IoTCentral @trust -TokenCredential $credential } |
            Should -Throw -ErrorId 'IoTCentral.SignInFailed,IoTCentral.Commands.Session.ConnectIoTCentralCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match 'AADSTS7000215'
        ($failure | Out-String) | Should -Not -Match 'wrong-secret-value'
    }

    It 'refuses device-code sign-in in a pwsh started with --NonInteractive' {
        $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh.dll')) { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) } else { @((Get-Process -Id $PID).Path) }
        $manifest = Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1'
        $command = "Import-Module '$manifest'; try { Connect-IoTCentral -ApplicationUrl '$($emulator.ApplicationUrl)' -AuthorityHost '$($emulator.AuthorityHost)' -UseDeviceAuthentication } catch { `$_.FullyQualifiedErrorId }"
        $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) --NonInteractive -NoProfile -Command $command 2>&1
        ($lines -join "`n") | Should -BeLike 'IoTCentral.NonInteractiveHost,*'
    }

    It 'signs in a fresh console with the -TokenCredential lines the README shows' {
        # Exactly the README's lines, in a new pwsh where nothing but PowerShell is loaded; 'contoso' is the emulator,
        # and DefaultAzureCredential finds its managed identity as on App Service or in Azure Automation.
        $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
        $block = [regex]::Match($readme, '(?ms)^```powershell\r?\n(?<code>Add-Type -Path[^\n]*Azure\.Identity\.dll.*?)^```').Groups['code'].Value
        $block | Should -Match 'DefaultAzureCredential'
        $certificateFile = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-trust-' + [guid]::NewGuid().ToString('N') + '.cer')
        [System.IO.File]::WriteAllBytes($certificateFile, $emulator.Certificate.RawData)
        $code = $block.Replace('-Subdomain contoso', "-ApplicationUrl '$($emulator.ApplicationUrl)' -TrustedServerCertificate ([System.Security.Cryptography.X509Certificates.X509Certificate2]::new('$certificateFile'))")
        $script = "`$ErrorActionPreference = 'Stop'; try { `$s = & { $code }; `$s.AuthKind.ToString(); (Get-IoTCentralRole -Name Operator).DisplayName } catch { 'FAILED: ' + `$_ }"
        $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh.dll')) { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) } else { @((Get-Process -Id $PID).Path) }
        $saved = $env:PSModulePath, $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER
        try {
            $env:PSModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../out')).Path + [System.IO.Path]::PathSeparator + $env:PSModulePath
            $env:IDENTITY_ENDPOINT = $emulator.ManagedIdentityEndpoint
            $env:IDENTITY_HEADER = $emulator.ManagedIdentityHeader
            $bare = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command ($script.Replace(($block -split "`n")[0], '')) 2>&1
            $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1
        }
        finally {
            $env:PSModulePath, $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER = $saved
            Remove-Item $certificateFile
        }
        # Without the Add-Type line, the reason the README gives for it.
        ($bare -join "`n") | Should -Match 'Unable to find type \[Azure\.Identity\.DefaultAzureCredential\]'
        @($lines | ForEach-Object { "$_" }) | Should -Be @('TokenCredential', 'Operator')
    }

    It 'refuses device-code sign-in in a non-interactive host' {
        # A thread job's runspace has no user to answer, like an Automation job.
        # Start-ThreadJob takes only plain $using: variables, not property paths.
        $manifest = Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1'
        $applicationUrl = $emulator.ApplicationUrl
        $job = Start-ThreadJob {
            Import-Module $using:manifest
            try { Connect-IoTCentral -ApplicationUrl $using:applicationUrl -UseDeviceAuthentication } catch { $_.FullyQualifiedErrorId }
        }
        $job | Receive-Job -Wait -AutoRemoveJob | Should -BeLike 'IoTCentral.NonInteractiveHost*'
    }
}
