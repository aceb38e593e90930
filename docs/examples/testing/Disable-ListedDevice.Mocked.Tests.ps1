#Requires -Modules Pester
# Tests Disable-ListedDevice with the module's cmdlets mocked: no emulator, no network. The cmdlets return the
# module's own types, built here with their public constructors, so the script sees what it would see live.

BeforeAll {
    $built = Join-Path $PSScriptRoot '../../../out/IoTCentral/IoTCentral.psd1'
    if (Test-Path $built) { Import-Module $built -Force } else { Import-Module IoTCentral }
    . (Join-Path $PSScriptRoot 'Disable-ListedDevice.ps1')
}

Describe 'Disable-ListedDevice (mocked)' {
    BeforeAll {
        # Disable-ListedDevice is dot-sourced into this file, so plain Mock reaches its calls. If your function lives
        # in a module, add -ModuleName YourModule to each Mock and Should -Invoke.
        Mock Get-IoTCentralDevice {
            [IoTCentral.Models.Device]@{ Id = 'pump-01'; DisplayName = 'Pump 1'; Enabled = $true; Provisioned = $true; Template = 'dtmi:contoso:pump;1' }
            [IoTCentral.Models.Device]@{ Id = 'pump-02'; Enabled = $false }
            [IoTCentral.Models.Device]@{ Id = 'pump-03'; Enabled = $true }
        }
        Mock Set-IoTCentralDevice { }

        $script:csv = Join-Path $TestDrive 'blocked.csv'
        Set-Content -Path $csv -Value @(
            'DeviceId,Reason'
            'pump-01,reported lost'
            ' pump-02 ,stolen'
            'pump-99,typo'
            ','
        )
    }

    It 'blocks only the listed devices that are enabled' {
        $report = Disable-ListedDevice -Path $csv -WarningAction SilentlyContinue

        $report.DeviceId | Should -Be @('pump-01', 'pump-02', 'pump-99')
        $report.Result | Should -Be @('Disabled', 'AlreadyDisabled', 'NotFound')
        Should -Invoke Set-IoTCentralDevice -Times 1 -Exactly -ParameterFilter { $Id -eq 'pump-01' -and $Enabled -eq $false }
        Should -Invoke Set-IoTCentralDevice -Times 0 -Exactly -ParameterFilter { $Id -ne 'pump-01' }
    }

    It 'lists the application once, however long the CSV is' {
        Disable-ListedDevice -Path $csv -WarningAction SilentlyContinue | Out-Null
        Should -Invoke Get-IoTCentralDevice -Times 1 -Exactly -Scope It
    }

    It 'warns about each id the application does not have' {
        Disable-ListedDevice -Path $csv -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -HaveCount 1
        "$warnings" | Should -BeLike "*'pump-99'*"
    }

    It 'passes -Session on to every cmdlet' {
        $session = [IoTCentral.Models.IoTCentralSession]::new([uri]'https://contoso.azureiotcentral.com', 'ApiToken', 'ops-token', $null)
        Disable-ListedDevice -Path $csv -Session $session -WarningAction SilentlyContinue | Out-Null
        Should -Invoke Get-IoTCentralDevice -Times 1 -Exactly -Scope It -ParameterFilter { $Session.Identity -eq 'ops-token' }
        Should -Invoke Set-IoTCentralDevice -Times 1 -Exactly -Scope It -ParameterFilter { $Session.SessionId -eq $session.SessionId }
    }

    It 'calls nothing that changes the application with -WhatIf' {
        $report = Disable-ListedDevice -Path $csv -WhatIf -WarningAction SilentlyContinue
        ($report | Where-Object DeviceId -eq 'pump-01').Result | Should -Be 'Skipped'
        Should -Invoke Set-IoTCentralDevice -Times 0 -Exactly -Scope It
    }
}
