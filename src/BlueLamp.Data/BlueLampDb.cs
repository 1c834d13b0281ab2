using System.Linq.Expressions;
using BlueLamp.Core.Accounts;
using BlueLamp.Core.Audit;
using BlueLamp.Core.Contact;
using BlueLamp.Core.Forces;
using BlueLamp.Core.Publishing;
using BlueLamp.Core.Triage;
using BlueLamp.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BlueLamp.Data;

/// <summary>
/// BlueLamp's database. Every force-owned table is filtered to the force this context is scoped to,
/// here and nowhere else: a context that has not been scoped sees no force's data at all.
/// </summary>
public abstract class BlueLampDb : IdentityDbContext<BlueLampUser>
{
    protected BlueLampDb(DbContextOptions options) : base(options)
    {
    }

    /// <summary>The force whose records this context may read; null reads none.</summary>
    public Guid? ForceId { get; private set; }

    public DbSet<Force> Forces => Set<Force>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonIdentity> PersonIdentities => Set<PersonIdentity>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ThriveAssessment> ThriveAssessments => Set<ThriveAssessment>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<HandoverDispatch> HandoverDispatches => Set<HandoverDispatch>();
    public DbSet<CommandAndControlLink> CommandAndControlLinks => Set<CommandAndControlLink>();
    public DbSet<ReferralApiKey> ReferralApiKeys => Set<ReferralApiKey>();
    public DbSet<ForceIndicatorSet> ForceIndicatorSets => Set<ForceIndicatorSet>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();
    public DbSet<CaseReference> CaseReferences => Set<CaseReference>();
    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<AccountConnection> AccountConnections => Set<AccountConnection>();
    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();
    public DbSet<OutboundDelivery> OutboundDeliveries => Set<OutboundDelivery>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostCopy> PostCopies => Set<PostCopy>();
    public DbSet<HeldComment> HeldComments => Set<HeldComment>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<PostingRights> PostingRights => Set<PostingRights>();
    public DbSet<Lockdown> Lockdowns => Set<Lockdown>();
    public DbSet<Leases.JobLease> JobLeases => Set<Leases.JobLease>();
    public DbSet<Leases.RateWindow> RateWindows => Set<Leases.RateWindow>();
    public DbSet<RaisedAlarm> RaisedAlarms => Set<RaisedAlarm>();
    public DbSet<Keys.StoredKey> DataProtectionKeys => Set<Keys.StoredKey>();

    /// <summary>The transaction <see cref="Audit.AuditTrail.BeginTransactionAsync"/> began on this context, while it lasts.</summary>
    internal Audit.AuditedTransaction? AuditedTransaction { get; set; }

    /// <summary>Limits this context to one force's records. A context serves one force for its whole life.</summary>
    public BlueLampDb ScopeTo(Guid forceId)
    {
        if (ForceId is { } current && current != forceId)
            throw new InvalidOperationException("This database context already serves another force.");
        ForceId = forceId;
        return this;
    }

    /// <summary>
    /// Gives a context just taken from the pool the force it serves now (or none). Pooled contexts are reused, so
    /// <see cref="BlueLampDbFactory"/> sets this on every loan rather than trusting what the last user left.
    /// </summary>
    internal BlueLampDb LendTo(Guid? forceId)
    {
        ForceId = forceId;
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlueLampDb).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(IForceOwned).IsAssignableFrom(entityType.ClrType))
                builder.Entity(entityType.ClrType).HasQueryFilter(ForceFilter(entityType.ClrType));
        }
    }

    private LambdaExpression ForceFilter(Type entityType)
    {
        // e => e.ForceId == this.ForceId; EF Core re-reads this.ForceId for every query.
        var entity = Expression.Parameter(entityType, "e");
        var entityForce = Expression.Convert(Expression.Property(entity, nameof(IForceOwned.ForceId)), typeof(Guid?));
        var contextForce = Expression.Property(Expression.Constant(this), nameof(ForceId));
        return Expression.Lambda(Expression.Equal(entityForce, contextForce), entity);
    }
}
