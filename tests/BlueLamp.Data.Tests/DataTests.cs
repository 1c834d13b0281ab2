using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using BlueLamp.Core.Triage;
using BlueLamp.Data.Audit;
using BlueLamp.Data.Intake;
using BlueLamp.Data.Leases;
using BlueLamp.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlueLamp.Data.Tests;

/// <summary>The same behaviour proved on every database BlueLamp runs on.</summary>
public abstract class DataTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    protected BlueLampDbFactory Dbs => Database.Dbs;

    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 12, 0, TimeSpan.Zero);

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
            Assert.SkipWhen(TestDatabase.PostgresConnectionString is null, $"{TestDatabase.PostgresVariable} is not set; ./test.sh sets it.");
        _database = await TestDatabase.CreateAsync(provider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<(Force Force, Account Account)> NewForceAsync(string slug)
    {
        var force = new Force(Guid.CreateVersion7(), slug, $"{slug} Police", Now);
        var account = new Account(Guid.CreateVersion7(), force.Id, null, Platform.WebChat, AccountKind.Corporate, slug, $"{slug} web chat");
        await using var db = Dbs.ForForce(force.Id);
        db.Forces.Add(force);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (force, account);
    }

    protected async Task<Conversation> NewConversationAsync(Force force, Account account, string text)
    {
        await using var db = Dbs.ForForce(force.Id);
        var person = new Person(Guid.CreateVersion7(), force.Id, "Sam", Now);
        var conversation = new Conversation(Guid.CreateVersion7(), force.Id, account.Id, person.Id, ConversationKind.DirectMessage, $"thread-{Guid.NewGuid():N}", Now);
        var message = Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, $"m-{Guid.NewGuid():N}", text, Now, Now);
        conversation.Receive(message);
        db.People.Add(person);
        db.Conversations.Add(conversation);
        db.Messages.Add(message);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return conversation;
    }

    [Fact]
    public async Task A_force_sees_only_its_own_conversations_and_messages()
    {
        var (north, northChat) = await NewForceAsync("north");
        var (south, southChat) = await NewForceAsync("south");
        var northConversation = await NewConversationAsync(north, northChat, "Car broken into on Mill Lane");
        await NewConversationAsync(south, southChat, "Noise from the flat above");

        await using var db = Dbs.ForForce(north.Id);
        var conversations = await db.Conversations.ToListAsync(TestContext.Current.CancellationToken);
        var messages = await db.Messages.ToListAsync(TestContext.Current.CancellationToken);
        var accounts = await db.Accounts.ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(northConversation.Id, Assert.Single(conversations).Id);
        Assert.Equal("Car broken into on Mill Lane", Assert.Single(messages).Text);
        Assert.Equal(northChat.Id, Assert.Single(accounts).Id);
    }

    [Fact]
    public async Task Looking_up_another_forces_conversation_by_its_id_finds_nothing()
    {
        var (north, _) = await NewForceAsync("north");
        var (south, southChat) = await NewForceAsync("south");
        var southConversation = await NewConversationAsync(south, southChat, "Private matter");

        await using var db = Dbs.ForForce(north.Id);

        Assert.Null(await db.Conversations.FindAsync([southConversation.Id], TestContext.Current.CancellationToken));
        Assert.False(await db.Conversations.AnyAsync(c => c.Id == southConversation.Id, TestContext.Current.CancellationToken));
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == southConversation.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_context_not_scoped_to_a_force_reads_no_force_records_at_all()
    {
        var (force, account) = await NewForceAsync("north");
        await NewConversationAsync(force, account, "hello");

        await using var db = Dbs.Unscoped();

        Assert.Empty(await db.Conversations.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Messages.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Single(await db.Forces.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_platform_message_id_on_the_same_account_is_refused_by_the_database()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "first");
        await using var db = Dbs.ForForce(force.Id);
        var existingId = await db.Messages.Select(m => m.PlatformMessageId).SingleAsync(TestContext.Current.CancellationToken);

        db.Messages.Add(Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, existingId, "again", Now, Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(1, await check.Messages.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Timestamps_come_back_exactly_as_written_and_sort_in_time_order()
    {
        var (force, account) = await NewForceAsync("north");
        await using (var db = Dbs.ForForce(force.Id))
        {
            var person = new Person(Guid.CreateVersion7(), force.Id, "Sam", Now);
            var c = new Conversation(Guid.CreateVersion7(), force.Id, account.Id, person.Id, ConversationKind.DirectMessage, "t", Now);
            db.People.Add(person);
            db.Conversations.Add(c);
            // Written out of order, as platforms deliver them.
            foreach (var minutes in new[] { 5, 1, 3 })
            {
                var m = Message.Inbound(Guid.CreateVersion7(), force.Id, c.Id, account.Id, $"m{minutes}", $"at {minutes}", Now.AddMinutes(minutes).AddTicks(120), Now);
                c.Receive(m);
                db.Messages.Add(m);
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Dbs.ForForce(force.Id);
        var sentAts = await read.Messages.OrderBy(m => m.SentAt).Select(m => m.SentAt).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Now.AddMinutes(1).AddTicks(120), Now.AddMinutes(3).AddTicks(120), Now.AddMinutes(5).AddTicks(120)], sentAts);
    }

    [Fact]
    public async Task Audit_entries_saved_with_a_change_form_an_intact_chain_that_verify_accepts()
    {
        var (force, _) = await NewForceAsync("north");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        for (var i = 0; i < 5; i++)
        {
            await using var db = Dbs.ForForce(force.Id);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationOpened, "u1", "PC Jones", "conversation", $"c{i}"), TestContext.Current.CancellationToken);
        }

        var result = await Database.Services.GetRequiredService<AuditVerifier>().VerifyAsync(force.Id, TestContext.Current.CancellationToken);

        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(5, result.CheckedCount);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_entry()
    {
        var (force, _) = await NewForceAsync("north");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        await using (var db = Dbs.ForForce(force.Id))
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.LoginSucceeded, "u1", "PC Jones"), TestContext.Current.CancellationToken);

        await using var raw = Dbs.Unscoped();
        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Detail\" = 'changed'", TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => raw.Database.ExecuteSqlRawAsync("DELETE FROM audit_events", TestContext.Current.CancellationToken));
        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(1, await check.AuditEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_nodes_appending_at_once_still_make_one_unbroken_chain()
    {
        var (force, _) = await NewForceAsync("north");
        // Two AuditTrail instances do not share their in-process lock: like two nodes, only the database keeps them in line.
        var nodeA = new AuditTrail(TimeProvider.System, WriteTurn.Free);
        var nodeB = new AuditTrail(TimeProvider.System, WriteTurn.Free);
        async Task Append(AuditTrail node, int n)
        {
            await using var db = Dbs.ForForce(force.Id);
            await node.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationOpened, "u", "PC", "conversation", $"{n}"), TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(() => Append(n % 2 == 0 ? nodeA : nodeB, n), TestContext.Current.CancellationToken)));

        var result = await Database.Services.GetRequiredService<AuditVerifier>().VerifyAsync(force.Id, TestContext.Current.CancellationToken);
        Assert.True(result.IsIntact, result.Reason);
        Assert.Equal(40, result.CheckedCount);
    }

    [Fact]
    public async Task A_transaction_begun_by_the_audit_trail_holds_the_forces_turn_until_its_commit()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "hello");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        var ct = TestContext.Current.CancellationToken;

        await using var first = Dbs.ForForce(force.Id);
        Task second;
        await using (var transaction = await audit.BeginTransactionAsync(first, ct))
        {
            await first.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1), ct);
            // Another writer of the same force's chain waits for the turn, not for the database the transaction holds.
            second = Task.Run(async () =>
            {
                await using var other = Dbs.ForForce(force.Id);
                await audit.SaveWithAuditAsync(other, new AuditEntry(AuditActions.ConversationOpened, "u2", "PC Two", "conversation", "second"), ct);
            }, ct);
            await audit.SaveWithAuditAsync(first, new AuditEntry(AuditActions.ConversationOpened, "u1", "PC One", "conversation", "first"), ct);
            Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300), ct)));
            await transaction.CommitAsync(ct);
            // The commit ends the turn: what the caller does next (telling the desks) never holds it.
            await second.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(["first", "second"], await check.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.SubjectId).ToListAsync(ct));
        Assert.Equal(conversation.Version + 1, await check.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.Version).SingleAsync(ct));
        var result = await Database.Services.GetRequiredService<AuditVerifier>().VerifyAsync(force.Id, ct);
        Assert.True(result.IsIntact, result.Reason);
    }

    [Fact]
    public async Task Audit_entries_in_a_transaction_the_audit_trail_did_not_begin_are_refused_and_nothing_is_written()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "hello");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        var ct = TestContext.Current.CancellationToken;

        await using (var db = Dbs.ForForce(force.Id))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version + 1), ct);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationOpened, "u1", "PC One", "conversation", "x"), ct));
            Assert.Contains("BeginTransactionAsync", refused.Message, StringComparison.Ordinal);
        }

        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(0, await check.AuditEvents.CountAsync(ct));
        Assert.Equal(conversation.Version, await check.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.Version).SingleAsync(ct));
    }

    [Fact]
    public async Task A_tampered_audit_entry_is_named_by_audit_verify_which_exits_1()
    {
        var (force, _) = await NewForceAsync("north");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= 4; i++)
        {
            await using var db = Dbs.ForForce(force.Id);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationReplied, "u1", "PC Jones", "conversation", $"c{i}", $"reply {i}"), TestContext.Current.CancellationToken);
        }
        var intact = new StringWriter();
        Assert.Equal(0, await Cli.CliApp.RunAsync(["audit", "verify"], intact, new StringWriter(), Settings()));
        Assert.Contains("4 audit events checked", intact.ToString(), StringComparison.Ordinal);

        // Someone with database access removes the guard and rewrites history.
        await TamperAsync("UPDATE audit_events SET \"Detail\" = 'no reply was sent' WHERE \"Sequence\" = 3");

        var output = new StringWriter();
        var exit = await Cli.CliApp.RunAsync(["audit", "verify"], output, new StringWriter(), Settings());

        Assert.Equal(1, exit);
        Assert.Contains("audit event 3", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("edited", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_audit_entry_is_found_by_verify()
    {
        var (force, _) = await NewForceAsync("north");
        var audit = Database.Services.GetRequiredService<AuditTrail>();
        for (var i = 1; i <= 3; i++)
        {
            await using var db = Dbs.ForForce(force.Id);
            await audit.SaveWithAuditAsync(db, new AuditEntry(AuditActions.ConversationOpened, "u1", "PC Jones"), TestContext.Current.CancellationToken);
        }

        await TamperAsync("DELETE FROM audit_events WHERE \"Sequence\" = 3");

        var result = await Database.Services.GetRequiredService<AuditVerifier>().VerifyAsync(force.Id, TestContext.Current.CancellationToken);
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenSequence);
    }

    [Fact]
    public async Task Full_text_search_finds_conversations_by_whole_and_partial_words_in_any_order_within_the_force_only()
    {
        var (north, northChat) = await NewForceAsync("north");
        var (south, southChat) = await NewForceAsync("south");
        var bike = await NewConversationAsync(north, northChat, "My bicycle was stolen from outside Tesco on Mill Lane");
        await NewConversationAsync(north, northChat, "Loud party next door until 3am");
        await NewConversationAsync(south, southChat, "Bicycle stolen in the south too");
        var welsh = await NewConversationAsync(north, northChat, "Mae fy meic wedi cael ei ddwyn o'r orsaf");

        await using var db = Dbs.ForForce(north.Id);
        async Task<List<Guid>> Find(string query) =>
            await MessageSearch.MatchingConversations(db, MessageSearch.Terms(query)).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([bike.Id], await Find("stolen bicycle"));
        Assert.Equal([bike.Id], await Find("bicyc mill"));
        Assert.Equal([bike.Id], await Find("TESCO"));
        Assert.Equal([welsh.Id], await Find("ddwyn"));
        Assert.Empty(await Find("stolen party"));
        Assert.Empty(await Find("\"; DROP TABLE messages; --"));
    }

    [Fact]
    public async Task The_open_conversation_search_follows_closing_reopening_and_moved_messages_and_never_another_forces()
    {
        var ct = TestContext.Current.CancellationToken;
        var (north, northChat) = await NewForceAsync("north");
        var (south, southChat) = await NewForceAsync("south");
        var bike = await NewConversationAsync(north, northChat, "My bicycle was stolen from outside Tesco on Mill Lane");
        var otherBike = await NewConversationAsync(north, northChat, "Another bicycle stolen at the station");
        var party = await NewConversationAsync(north, northChat, "Loud party next door until 3am");
        await NewConversationAsync(south, southChat, "Bicycle stolen in the south too");
        var conversationToken = bike.Id.ToString("N")[..12];

        await using var db = Dbs.ForForce(north.Id);
        async Task<List<Guid>> Find(string query) =>
            (await MessageSearch.MatchingOpenConversations(db, MessageSearch.Terms(query)).ToListAsync(ct)).Order().ToList();
        async Task SetStatusAsync(Guid conversationId, ConversationStatus status) =>
            await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, status), ct);

        Assert.Equal([bike.Id, otherBike.Id], await Find("stolen bicyc"));
        Assert.Equal([bike.Id], await Find("tesco"));
        // The conversation ids kept in the index are never matched by what the operator types.
        Assert.Empty(await Find(conversationToken));

        await SetStatusAsync(bike.Id, ConversationStatus.Closed);
        Assert.Equal([otherBike.Id], await Find("stolen bicycle"));
        Assert.Equal([bike.Id], await MessageSearch.MatchingConversations(db, MessageSearch.Terms("tesco")).ToListAsync(ct));

        // A closed conversation takes new messages into the index only when it reopens.
        db.Messages.Add(Message.Inbound(Guid.CreateVersion7(), north.Id, bike.Id, northChat.Id, $"m-{Guid.NewGuid():N}", "They also took the pannier bags", Now, Now));
        await db.SaveChangesAsync(ct);
        Assert.Empty(await Find("pannier"));
        await SetStatusAsync(bike.Id, ConversationStatus.Open);
        Assert.Equal([bike.Id], await Find("pannier"));
        Assert.Equal([bike.Id], await Find("tesco"));

        // A message moved to another conversation is found under its new one; a deleted one is not found at all.
        var loud = await db.Messages.Where(m => m.ConversationId == party.Id).Select(m => m.Id).SingleAsync(ct);
        await db.Messages.Where(m => m.Id == loud).ExecuteUpdateAsync(set => set.SetProperty(m => m.ConversationId, otherBike.Id), ct);
        Assert.Equal([otherBike.Id], await Find("party"));
        await db.Messages.Where(m => m.Id == loud).ExecuteDeleteAsync(ct);
        Assert.Empty(await Find("party"));
    }

    [Fact]
    public async Task The_full_text_search_follows_edited_moved_and_deleted_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        var (north, northChat) = await NewForceAsync("north");
        var bike = await NewConversationAsync(north, northChat, "My bicycle was stolen from outside Tesco on Mill Lane");
        var party = await NewConversationAsync(north, northChat, "Loud party next door until 3am");
        await using var db = Dbs.ForForce(north.Id);
        async Task<List<Guid>> Find(string query) =>
            (await MessageSearch.MatchingConversations(db, MessageSearch.Terms(query)).ToListAsync(ct)).Order().ToList();
        var loud = await db.Messages.Where(m => m.ConversationId == party.Id).Select(m => m.Id).SingleAsync(ct);

        // An edit replaces the words in the index (the trigger finds the row through its conversation).
        await db.Messages.Where(m => m.Id == loud).ExecuteUpdateAsync(set => set.SetProperty(m => m.Text, "Music blaring next door until 4am"), ct);
        Assert.Empty(await Find("party"));
        Assert.Equal([party.Id], await Find("blaring"));
        Assert.Equal([bike.Id], await Find("tesco"));

        // Moved to another conversation: found under the new one only.
        await db.Messages.Where(m => m.Id == loud).ExecuteUpdateAsync(set => set.SetProperty(m => m.ConversationId, bike.Id), ct);
        Assert.Equal([bike.Id], await Find("blaring"));

        // Deleted: gone from the index, and the other message of the conversation is still found.
        await db.Messages.Where(m => m.Id == loud).ExecuteDeleteAsync(ct);
        Assert.Empty(await Find("blaring"));
        Assert.Equal([bike.Id], await Find("tesco"));
    }

    [Fact]
    public void Search_terms_keep_only_words_so_query_syntax_cannot_be_injected()
    {
        Assert.Equal(["stolen", "bike", "near", "or"], MessageSearch.Terms("stolen* \"bike\" NEAR(OR)"));
        Assert.Empty(MessageSearch.Terms("*** -- ;"));
    }

    [Fact]
    public async Task Rows_written_by_multi_row_inserts_read_back_and_query_exactly_as_SaveChanges_writes_them()
    {
        var (force, account) = await NewForceAsync("north");
        var person = new Person(Guid.CreateVersion7(), force.Id, "Siân ap Dafydd 🌿", Now);
        var identity = new PersonIdentity(Guid.CreateVersion7(), force.Id, person.Id, Platform.Facebook, "psid-1");
        var conversation = new Conversation(Guid.CreateVersion7(), force.Id, account.Id, person.Id, ConversationKind.CommentThread, "thread-1", Now);
        var sentAt = Now.AddMinutes(3).AddTicks(70); // microseconds: what PostgreSQL keeps, however written
        var plain = Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, "m-1", "Mae'n iawn, diolch", sentAt, Now);
        var underPost = Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, "m-2", "seen him by the bridge", sentAt.AddSeconds(1), Now, "post-9");
        conversation.Receive(plain);
        conversation.Receive(underPost);
        var assessment = RiskAssessment.Record(Guid.CreateVersion7(), force.Id, conversation.Id, underPost.Id,
            TriageEngine.Default.Assess(underPost.Text, new TriageContext(ConversationKind.CommentThread, "missing_person")), Now);
        object[] written = [person, identity, conversation, plain, underPost, assessment];

        await using (var db = Dbs.ForForce(force.Id))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.AddRange(written);
            var count = await BulkRows.InsertAddedAsync(db,
                [typeof(Person), typeof(PersonIdentity), typeof(Conversation), typeof(Message), typeof(RiskAssessment)], TestContext.Current.CancellationToken);
            Assert.Equal(written.Length, count);
            Assert.Empty(db.ChangeTracker.Entries());
            // Nothing is left for SaveChanges to write twice.
            Assert.Equal(0, await db.SaveChangesAsync(TestContext.Current.CancellationToken));
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Dbs.ForForce(force.Id);
        // Found by EF Core's own parameters (a Guid as SQLite text, a time as ticks), so stored in the same form.
        foreach (var row in written)
        {
            var entityType = read.Model.FindEntityType(row.GetType())!;
            var id = (Guid)entityType.FindPrimaryKey()!.Properties[0].GetGetter().GetClrValue(row)!;
            var stored = await read.FindAsync(row.GetType(), [id], TestContext.Current.CancellationToken);
            Assert.NotNull(stored);
            foreach (var property in entityType.GetProperties())
                Assert.True(Equals(property.GetGetter().GetClrValue(row), property.GetGetter().GetClrValue(stored)), $"{entityType.DisplayName()}.{property.Name} came back changed.");
        }
        Assert.Equal(["m-2"], await read.Messages.Where(m => m.SentAt > sentAt && m.ParentPostId == "post-9" && m.ConversationId == conversation.Id)
            .Select(m => m.PlatformMessageId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(underPost.Id, await read.RiskAssessments.Where(a => a.ConversationId == conversation.Id).Select(a => a.MessageId).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_multi_row_insert_that_meets_a_unique_index_fails_as_SaveChanges_would_and_writes_none_of_its_rows()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "first");
        await using var db = Dbs.ForForce(force.Id);
        var existingId = await db.Messages.Select(m => m.PlatformMessageId).SingleAsync(TestContext.Current.CancellationToken);

        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            db.Messages.Add(Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, "new-one", "new", Now, Now));
            db.Messages.Add(Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, existingId, "again", Now, Now));
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => BulkRows.InsertAddedAsync(db, [typeof(Message)], TestContext.Current.CancellationToken));
            Assert.Contains("Message", failure.Message, StringComparison.Ordinal);
        }

        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal([existingId], await check.Messages.Select(m => m.PlatformMessageId).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rows_spread_over_many_statements_are_all_written_or_with_the_transaction_none()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "busy");
        // More rows than one SQLite statement takes (a few, to keep its parameter count small), fewer than PostgreSQL's.
        const int count = 3 * BulkRows.SqliteMaxParameters;
        Message Numbered(int n, string? id = null) =>
            Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, id ?? $"bulk-{n:000}", $"message {n}", Now.AddSeconds(n), Now);

        await using (var db = Dbs.ForForce(force.Id))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.Messages.AddRange(Enumerable.Range(0, count).Select(n => Numbered(n)));
            Assert.Equal(count, await BulkRows.InsertAddedAsync(db, [typeof(Message)], TestContext.Current.CancellationToken));
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        await using (var read = Dbs.ForForce(force.Id))
        {
            var stored = await read.Messages.Where(m => m.PlatformMessageId.StartsWith("bulk-")).OrderBy(m => m.SentAt).Select(m => m.Text).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Enumerable.Range(0, count).Select(n => $"message {n}"), stored);
        }

        // A duplicate in the last statement: the earlier statements' rows go with the caller's transaction.
        await using (var db = Dbs.ForForce(force.Id))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.Messages.AddRange(Enumerable.Range(count, count).Select(n => Numbered(n)).Append(Numbered(0, "bulk-000")));
            await Assert.ThrowsAsync<DbUpdateException>(() => BulkRows.InsertAddedAsync(db, [typeof(Message)], TestContext.Current.CancellationToken));
        }
        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(count, await check.Messages.CountAsync(m => m.PlatformMessageId.StartsWith("bulk-"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Changed_rows_written_by_one_update_read_back_as_changed_and_leave_other_rows_alone()
    {
        var (force, account) = await NewForceAsync("north");
        var first = await NewConversationAsync(force, account, "first");
        var second = await NewConversationAsync(force, account, "second");
        var untouched = await NewConversationAsync(force, account, "third");
        var at = Now.AddMinutes(9);

        await using (var db = Dbs.ForForce(force.Id))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var tracked = await db.Conversations.Where(c => c.Id == first.Id || c.Id == second.Id).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var conversation in tracked)
            {
                var message = Message.Inbound(Guid.CreateVersion7(), force.Id, conversation.Id, account.Id, $"later-{conversation.Id:N}", $"later news for {conversation.Id:N}", at, at);
                conversation.Receive(message);
                conversation.AssignTo("user-1", "PC Jones", at);
                db.Messages.Add(message);
            }
            Assert.Equal(2, await BulkRows.InsertAddedAsync(db, [typeof(Message)], TestContext.Current.CancellationToken));
            Assert.Equal(2, await BulkRows.UpdateModifiedAsync(db, [typeof(Conversation)], TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.SaveChangesAsync(TestContext.Current.CancellationToken));
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Dbs.ForForce(force.Id);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var stored = await read.Conversations.AsNoTracking().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal($"later news for {id:N}", stored.Preview);
            Assert.Equal(at, stored.LastInboundAt);
            Assert.Equal("PC Jones", stored.AssignedToName);
            Assert.True(stored.Version > first.Version);
        }
        var third = await read.Conversations.AsNoTracking().SingleAsync(c => c.Id == untouched.Id, TestContext.Current.CancellationToken);
        Assert.Equal("third", third.Preview);
        Assert.Null(third.AssignedToName);
        Assert.Equal(untouched.Version, third.Version);
    }

    [Fact]
    public async Task An_update_of_a_row_someone_else_changed_first_is_refused_as_SaveChanges_would_and_writes_nothing()
    {
        var (force, account) = await NewForceAsync("north");
        var conversation = await NewConversationAsync(force, account, "first");
        var other = await NewConversationAsync(force, account, "second");
        await using var db = Dbs.ForForce(force.Id);
        var tracked = await db.Conversations.Where(c => c.Id == conversation.Id || c.Id == other.Id).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var c in tracked)
            c.AssignTo("user-1", "PC Jones", Now.AddMinutes(1));

        // Another operator takes the first conversation meanwhile.
        await using (var elsewhere = Dbs.ForForce(force.Id))
        {
            var theirs = await elsewhere.Conversations.SingleAsync(c => c.Id == conversation.Id, TestContext.Current.CancellationToken);
            theirs.AssignTo("user-2", "PC Evans", Now.AddMinutes(2));
            await elsewhere.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => BulkRows.UpdateModifiedAsync(db, [typeof(Conversation)], TestContext.Current.CancellationToken));
        }

        await using var read = Dbs.ForForce(force.Id);
        Assert.Equal("PC Evans", await read.Conversations.Where(c => c.Id == conversation.Id).Select(c => c.AssignedToName).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Null(await read.Conversations.Where(c => c.Id == other.Id).Select(c => c.AssignedToName).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Rate_windows_let_exactly_the_limit_through_when_many_count_at_once_and_refused_attempts_are_not_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = new DateTimeOffset(2026, 11, 25, 21, 0, 30, TimeSpan.Zero);
        async Task<List<RateCount>> CountManyAsync()
        {
            var seen = new List<RateCount>();
            for (var i = 0; i < 15; i++)
            {
                await using var db = Dbs.Unscoped();
                seen.Add(await RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:abc", 40, TimeSpan.FromMinutes(1), now, TimeSpan.FromSeconds(30), ct));
            }
            return seen;
        }

        var counts = (await Task.WhenAll(Task.Run(CountManyAsync, ct), Task.Run(CountManyAsync, ct), Task.Run(CountManyAsync, ct))).SelectMany(c => c).ToList();

        // Atomic: each counted attempt saw a different total, so no two nodes could both take the last place.
        Assert.Equal(Enumerable.Range(1, 40), counts.Where(c => c.Counted).Select(c => c.Count).Order());
        // Refused, each told to wait until the bucket they filled has left the window: a minute and that second after 21:00:30.
        Assert.All(counts.Where(c => !c.Counted), c => Assert.Equal((40, TimeSpan.FromSeconds(61)), (c.Count, c.RetryAfter)));
        await using (var db = Dbs.Unscoped())
        {
            Assert.Equal(40, await db.RateWindows.Where(w => w.Name == "referral-key:abc").SumAsync(w => w.Count, ct));
            Assert.Equal(1, (await RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:other", 40, TimeSpan.FromMinutes(1), now, TimeSpan.FromSeconds(5), ct)).Count);
            // A name that starts afresh clears everyone's buckets more than an hour old.
            Assert.True((await RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:abc", 40, TimeSpan.FromMinutes(1), now.AddHours(2), TimeSpan.FromSeconds(5), ct)).Counted);
            Assert.Equal(0, await db.RateWindows.CountAsync(w => w.WindowStart < now.AddHours(1), ct));
        }
    }

    [Fact]
    public async Task A_sliding_rate_window_does_not_let_a_sender_through_twice_across_a_minutes_boundary()
    {
        var ct = TestContext.Current.CancellationToken;
        var minute = TimeSpan.FromMinutes(1);
        var beforeBoundary = new DateTimeOffset(2026, 11, 25, 21, 0, 59, 500, TimeSpan.Zero);
        await using var db = Dbs.Unscoped();
        Task<RateCount> CountAt(DateTimeOffset at) => RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:burst", 5, minute, at, TimeSpan.FromSeconds(5), ct);

        for (var i = 1; i <= 5; i++)
            Assert.Equal((true, i), ((await CountAt(beforeBoundary)).Counted, (await db.RateWindows.Where(w => w.Name == "referral-key:burst").SumAsync(w => w.Count, ct))));
        var sixth = await CountAt(beforeBoundary);
        Assert.False(sixth.Counted);
        Assert.Equal(TimeSpan.FromSeconds(60.5), sixth.RetryAfter);

        // A fixed window on the minute would let five more through at 21:01:00; the sliding one holds them until a minute
        // (and its one-second bucket) after the burst, and tells each how long to wait.
        foreach (var later in new[] { beforeBoundary.AddSeconds(0.6), beforeBoundary.AddSeconds(30), beforeBoundary.AddSeconds(60.4) })
        {
            var refused = await CountAt(later);
            Assert.False(refused.Counted, $"let through at {later:HH:mm:ss.fff}");
            var due = beforeBoundary.AddSeconds(60.5) - later;
            Assert.Equal(due < RateWindows.Bucket ? RateWindows.Bucket : due, refused.RetryAfter); // never less than a bucket
        }
        var after = beforeBoundary.AddSeconds(60.5);
        for (var i = 1; i <= 5; i++)
            Assert.True((await CountAt(after)).Counted);
        Assert.False((await CountAt(after.AddSeconds(59))).Counted);
    }

    [Fact]
    public async Task A_rate_count_takes_the_write_turn_before_a_waiting_intake_batch_and_gives_up_within_its_timeout_when_the_turn_is_not_passed_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var window = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        using var writeTurn = new WriteTurn(oneWriter: true);
        await using var db = Dbs.Unscoped();
        Task<RateCount> CountAsync(TimeSpan timeout) => RateWindows.TryCountAsync(db, writeTurn, "referral-key:turn", 5, TimeSpan.FromMinutes(1), window, timeout, ct);
        async Task<int> CountedAsync()
        {
            await using var read = Dbs.Unscoped();
            return await read.RateWindows.Where(w => w.Name == "referral-key:turn").SumAsync(w => w.Count, ct);
        }

        var holder = await writeTurn.EnterAsync(cancellationToken: ct);
        // An intake batch queues first; what it sees once it has the turn tells who went before it.
        var batchSaw = writeTurn.EnterAsync(cancellationToken: ct).AsTask().ContinueWith(async granted =>
        {
            using var batch = await granted;
            return await CountedAsync();
        }, ct, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

        await Assert.ThrowsAsync<TimeoutException>(() => CountAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(0, await CountedAsync());

        var count = CountAsync(TimeSpan.FromSeconds(5));
        holder.Dispose();
        Assert.Equal((true, 1), ((await count).Counted, (await count).Count));
        Assert.Equal(1, await batchSaw);
    }

    [Fact]
    public async Task A_rate_count_gives_up_while_another_writer_holds_SQLites_lock_instead_of_waiting_as_long_as_other_writes_do()
    {
        Assert.SkipWhen(Database.Provider != DatabaseProvider.Sqlite, "SQLite only: PostgreSQL has row locks.");
        var ct = TestContext.Current.CancellationToken;
        var window = new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);
        await using var db = Dbs.Unscoped();
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection(db.Database.GetConnectionString()))
        {
            await holder.OpenAsync(ct);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(ct);
            // The lock is let go after 4 s: a count that waited as long as other writes do (10 s) would then succeed.
            var release = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(4), ct);
                await using var rollback = holder.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync(ct);
            }, ct);

            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:busy", 5, TimeSpan.FromMinutes(1), window, TimeSpan.FromSeconds(1), ct));
            await release;
        }

        Assert.Equal(1, (await RateWindows.TryCountAsync(db, WriteTurn.Free, "referral-key:busy", 5, TimeSpan.FromMinutes(1), window, TimeSpan.FromSeconds(1), ct)).Count);
        // The connection goes back to waiting as long as every other one does.
        await db.Database.OpenConnectionAsync(ct);
        await using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(10_000L, await pragma.ExecuteScalarAsync(ct));
    }

    [Fact]
    public async Task Every_SQLite_connection_waits_inside_SQLite_for_the_write_lock()
    {
        Assert.SkipWhen(Database.Provider != DatabaseProvider.Sqlite, "SQLite only: PostgreSQL has row locks and waits by itself.");
        await using var db = Dbs.Unscoped();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(10_000L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Multi_row_inserts_refuse_to_run_outside_a_transaction()
    {
        var (force, account) = await NewForceAsync("north");
        await using var db = Dbs.ForForce(force.Id);
        db.People.Add(new Person(Guid.CreateVersion7(), force.Id, "Sam", Now));

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkRows.InsertAddedAsync(db, [typeof(Person)], TestContext.Current.CancellationToken));

        await using var check = Dbs.ForForce(force.Id);
        Assert.Equal(0, await check.People.CountAsync(TestContext.Current.CancellationToken));
    }

    private Dictionary<string, string?> Settings() => new(Database.Settings);

    private async Task TamperAsync(string sql)
    {
        await using var raw = Dbs.Unscoped();
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            await raw.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update", TestContext.Current.CancellationToken);
            await raw.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_delete", TestContext.Current.CancellationToken);
        }
        else
        {
            await raw.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_append_only ON audit_events", TestContext.Current.CancellationToken);
        }
        await raw.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteDataTests() : DataTests(DatabaseProvider.Sqlite);

public sealed class PostgresDataTests() : DataTests(DatabaseProvider.Postgres);
