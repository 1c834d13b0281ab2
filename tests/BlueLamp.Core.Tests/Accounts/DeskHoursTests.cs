using BlueLamp.Core.Accounts;

namespace BlueLamp.Core.Tests.Accounts;

public sealed class DeskHoursTests
{
    [Theory]
    [InlineData("2026-11-25T09:00:00Z", true)]   // Wednesday 09:00 UK (GMT)
    [InlineData("2026-11-25T19:59:00Z", true)]
    [InlineData("2026-11-25T20:00:00Z", false)]
    [InlineData("2026-11-28T11:00:00Z", true)]   // Saturday 11:00
    [InlineData("2026-11-28T17:00:00Z", false)]  // Saturday 17:00
    [InlineData("2026-07-01T07:30:00Z", true)]   // Wednesday 08:30 BST: UK time, not UTC
    public void A_rota_is_read_in_uk_time(string at, bool monitored)
    {
        var hours = DeskHours.Parse("Mon-Fri 08:00-20:00; Sat-Sun 10:00-16:00", out var problem);

        Assert.Null(problem);
        Assert.Equal(monitored, hours!.IsMonitored(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("24/7")]
    public void No_rota_means_always_monitored(string? rota)
    {
        Assert.True(DeskHours.Parse(rota, out _)!.IsAlwaysMonitored);
    }

    [Theory]
    [InlineData("weekdays 9-5")]
    [InlineData("Mon-Fri 20:00-08:00")]
    [InlineData("Xyz 08:00-10:00")]
    public void A_rota_that_cannot_be_read_is_refused_with_a_reason(string rota)
    {
        Assert.Null(DeskHours.Parse(rota, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
