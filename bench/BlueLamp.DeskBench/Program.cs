using BlueLamp.DeskBench;

// Two measured runs of the desk (not assertions: figures for the README's Performance section).
//   search: seeds a million messages and times the desk's full-text queue search on SQLite or PostgreSQL.
//   queue:  drives the desk queue page in headless Chromium with 500 open conversations: first render and live updates.
// See README.md, "Performance", for the exact commands.
return args.FirstOrDefault() switch
{
    "search" => await SearchBench.RunAsync(args[1..]),
    "queue" => await QueuePageBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: BlueLamp.DeskBench search [--provider Sqlite|Postgres] [--postgres <admin connection string>] [--messages 1000000]");
    Console.Error.WriteLine("       BlueLamp.DeskBench queue --url http://127.0.0.1:5183 --data <BLUELAMP_DATA of that app> [--pid <the app's process id>] [--screenshot <png>] [--conversations 500] [--updates 50]");
    return 2;
}
