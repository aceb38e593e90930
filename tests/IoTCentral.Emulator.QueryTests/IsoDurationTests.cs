using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.QueryTests;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT10M", 0, 0, 10, 0)]
    [InlineData("P1D", 1, 0, 0, 0)]
    [InlineData("P2DT12H", 2, 12, 0, 0)]
    [InlineData("P1W", 7, 0, 0, 0)]
    [InlineData("PT5H", 0, 5, 0, 0)]
    [InlineData("PT1.5S", 0, 0, 0, 1.5)]
    [InlineData("pt30s", 0, 0, 0, 30)]
    public void FixedDurations(string text, int days, int hours, int minutes, double seconds)
    {
        var duration = IsoDuration.TryParse(text)!;

        Assert.True(duration.IsFixedLength);
        Assert.Equal(new TimeSpan(days, hours, minutes, 0) + TimeSpan.FromSeconds(seconds), duration.FixedLength());
    }

    [Fact]
    public void Months_CountCalendarMonthsBack()
    {
        var duration = IsoDuration.TryParse("P1M")!;

        Assert.False(duration.IsFixedLength);
        Assert.Equal(new DateTimeOffset(2030, 2, 28, 0, 0, 0, TimeSpan.Zero), duration.Before(new DateTimeOffset(2030, 3, 28, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("1D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P-1D")]
    [InlineData("P1.5D")]
    [InlineData("P99999999999D")]
    public void Invalid(string text) => Assert.Null(IsoDuration.TryParse(text));

    [Fact]
    public void TooFarBack_IsNull() => Assert.Null(IsoDuration.TryParse("P9999Y")!.Before(TestData.Now));
}
