#Requires -Modules Pester
# Tests Disable-ListedDevice against a real (emulated) IoT Central application.
# Needs the emulator tool on PATH: dotnet tool install --global IoTCentral.Emulator

BeforeAll {
    # Inside the IoTCentral repository, use the module the build made; elsewhere, the installed one.
    $built = Join-Path $PSScriptRoot '../../../out/IoTCentral/IoTCentral.psd1'
    if (Test-Path $built) { Import-Module $built -Force } else { Import-Module IoTCentral }
    . (Join-Path $PSScriptRoot 'Disable-ListedDevice.ps1')

    # A fresh, empty application for this file; -Connect makes it the default session.
    $script:emulator = Start-IoTCentralEmulator -Connect
}

AfterAll {
    $script:emulator | Stop-IoTCentralEmulator
}

Describe 'Disable-ListedDevice' {
    BeforeEach {
        # Each test gets its own device ids, so tests do not depend on each other's leftovers.
        $script:prefix = 'd' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:lost = New-IoTCentralDevice -Id "$prefix-lost" -DisplayName 'Lost thermostat'
        $script:kept = New-IoTCentralDevice -Id "$prefix-kept" -DisplayName 'Kept thermostat'
        $script:blocked = New-IoTCentralDevice -Id "$prefix-blocked"
        Set-IoTCentralDevice -Id $blocked.Id -Enabled $false
        $script:csv = Join-Path $TestDrive "$prefix.csv"
        @(
            [pscustomobject]@{ DeviceId = $lost.Id; Reason = 'reported lost' }
            [pscustomobject]@{ DeviceId = $blocked.Id; Reason = 'stolen' }
            [pscustomobject]@{ DeviceId = "$prefix-ghost"; Reason = 'typo' }
        ) | Export-Csv -Path $csv -NoTypeInformation
    }

    It 'blocks the listed devices and leaves the others alone' {
        $report = Disable-ListedDevice -Path $csv -WarningVariable warnings -WarningAction SilentlyContinue

        ($report | Where-Object DeviceId -eq $lost.Id).Result | Should -Be 'Disabled'
        ($report | Where-Object DeviceId -eq $blocked.Id).Result | Should -Be 'AlreadyDisabled'
        ($report | Where-Object DeviceId -eq "$prefix-ghost").Result | Should -Be 'NotFound'
        $warnings | Should -HaveCount 1

        (Get-IoTCentralDevice -Id $lost.Id).Enabled | Should -BeFalse
        (Get-IoTCentralDevice -Id $lost.Id).Status | Should -Be 'Blocked'
        (Get-IoTCentralDevice -Id $kept.Id).Enabled | Should -BeTrue
    }

    It 'changes nothing with -WhatIf' {
        $report = Disable-ListedDevice -Path $csv -WhatIf -WarningAction SilentlyContinue

        ($report | Where-Object DeviceId -eq $lost.Id).Result | Should -Be 'Skipped'
        (Get-IoTCentralDevice -Id $lost.Id).Enabled | Should -BeTrue
    }

    It 'works on the application the -Session names, not the default one' {
        $second = Start-IoTCentralEmulator
        try {
            $other = Connect-IoTCentral -ApplicationUrl $second.ApplicationUrl -ApiToken $second.AdminApiToken
            # Connect-IoTCentral made $other the default; make the first application the default again.
            Connect-IoTCentral -Emulator -ApplicationUrl $emulator.ApplicationUrl | Out-Null
            New-IoTCentralDevice -Id $lost.Id -Session $other | Out-Null

            $report = Disable-ListedDevice -Path $csv -Session $other -WarningAction SilentlyContinue

            ($report | Where-Object DeviceId -eq $lost.Id).Result | Should -Be 'Disabled'
            ($report | Where-Object DeviceId -eq $blocked.Id).Result | Should -Be 'NotFound'
            (Get-IoTCentralDevice -Id $lost.Id -Session $other).Enabled | Should -BeFalse
            (Get-IoTCentralDevice -Id $lost.Id).Enabled | Should -BeTrue
        }
        finally {
            Disconnect-IoTCentral -Session $other
            $second | Stop-IoTCentralEmulator
        }
    }
}
