#Requires -Modules Pester
# Start-/Stop-IoTCentralEmulator in real pwsh, running the built emulator.
# Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester/Emulator.Tests.ps1

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:dll = Join-Path $PSScriptRoot '../../src/IoTCentral.Emulator/bin/Release/net10.0/IoTCentral.Emulator.dll'
    if (-not (Test-Path $dll)) { throw "Build the solution first: $dll is missing." }
    $script:tokenSignature = 'gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU'
}

Describe 'Start-IoTCentralEmulator and Stop-IoTCentralEmulator' {
    AfterEach {
        if ($script:emulator) { $script:emulator | Stop-IoTCentralEmulator }
        $script:emulator = $null
    }

    It 'starts an empty application, serves the cmdlets and stops with the process, session and files' {
        $script:emulator = Start-IoTCentralEmulator -Path $dll -Connect -PageSize 2
        $emulator | Should -BeOfType ([IoTCentral.Models.EmulatorInstance])
        $emulator.ApplicationUrl.ToString() | Should -Match '^http://127\.0\.0\.1:\d+/$'
        (Get-IoTCentralSession).ApplicationUrl | Should -Be $emulator.ApplicationUrl
        Get-IoTCentralDevice | Should -BeNullOrEmpty

        'sensor-1', 'sensor-2', 'sensor-3' | ForEach-Object { New-IoTCentralDevice -Id $_ } | Out-Null
        (Get-IoTCentralDevice).Id | Should -Be @('sensor-1', 'sensor-2', 'sensor-3')

        $process = Get-Process -Id $emulator.ProcessId
        $emulator | Stop-IoTCentralEmulator
        $process.HasExited | Should -BeTrue
        Get-IoTCentralSession | Should -BeNullOrEmpty
        { Get-IoTCentralDevice -Session $emulator.Session -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.NotConnected*'
        { $emulator | Stop-IoTCentralEmulator -ErrorAction Stop } | Should -Not -Throw
    }

    It 'never shows the admin token: table, list, string and every stream' {
        $script:emulator = Start-IoTCentralEmulator -Path $dll -Connect -Verbose -Debug *>&1 |
            Tee-Object -Variable streams | Where-Object { $_ -is [IoTCentral.Models.EmulatorInstance] }
        $emulator.AdminApiToken | Should -BeOfType ([securestring])
        $text = @(
            $streams | Out-String
            $emulator | Format-Table | Out-String
            $emulator | Format-List * | Out-String
            "$emulator"
            $emulator | Stop-IoTCentralEmulator -Verbose -Debug *>&1 | Out-String
        ) -join "`n"
        $text | Should -Match ([regex]::Escape("$($emulator.ProcessId)"))
        $text | Should -Not -Match $tokenSignature
        $text | Should -Not -Match 'SharedAccessSignature'
        $script:emulator = $null
    }

    It 'signs in to the admin token it returns, over https with the certificate it returns' {
        $script:emulator = Start-IoTCentralEmulator -Path $dll -Https
        $admin = Connect-IoTCentral -ApplicationUrl $emulator.ApplicationUrl -ApiToken $emulator.AdminApiToken -TrustedServerCertificate $emulator.TlsCertificate
        $admin.Identity | Should -Be 'emulator-admin'
        (Get-IoTCentralRole -Name Administrator -Session $admin).Id | Should -Be 'ca310b8d-2f4a-44e0-a36e-957c202cd8d4'
        $emulator.AuthorityHost.Scheme | Should -Be 'https'
        Disconnect-IoTCentral -Session $admin
    }

    It 'ends with the PowerShell process that started it' {
        $pwsh = @([Environment]::ProcessPath)
        if ((Split-Path -Leaf $pwsh[0]) -like 'dotnet*') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
        $manifest = Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1'
        $childPid = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -Command "Import-Module '$manifest'; (Start-IoTCentralEmulator -Path '$dll').ProcessId"
        $LASTEXITCODE | Should -Be 0
        $childPid | Should -Match '^\d+$'
        $orphan = Get-Process -Id $childPid -ErrorAction SilentlyContinue
        if ($orphan) { $orphan.WaitForExit(30000) | Should -BeTrue }
    }

    It 'says how to install the emulator when it is not on PATH' {
        $savedPath, $savedHome = $env:PATH, $env:HOME
        try {
            $env:PATH = ''
            $env:HOME = $TestDrive
            { Start-IoTCentralEmulator -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.EmulatorNotFound*' -ExpectedMessage '*dotnet tool install --global IoTCentral.Emulator*'
        }
        finally {
            $env:PATH, $env:HOME = $savedPath, $savedHome
        }
        $failure = $null
        try { Start-IoTCentralEmulator -Path (Join-Path $TestDrive 'missing.dll') } catch { $failure = $_ }
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an emulator that exits at start with its error output' {
        $failure = $null
        try { Start-IoTCentralEmulator -Path $dll -ArgumentList '--page-size', 'none' } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'IoTCentral.EmulatorStartFailed*'
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure.Exception.Message | Should -BeLike "*--page-size must be a positive integer, not 'none'*"
    }
}
