using System.Globalization;

namespace BlueLamp.LoadGenerator;

/// <summary>The CPU time (user + system) a process on this machine has used so far, from <c>/proc/PID/stat</c>.</summary>
public static class AppCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static TimeSpan? Read(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
            return null;
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, so 12 and 13 after the name.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
