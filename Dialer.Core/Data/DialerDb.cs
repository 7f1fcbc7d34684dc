using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.History;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Core.OutboundWebhooks;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Core.Data;

public sealed class DialerDb(DbContextOptions<DialerDb> options) : DbContext(options)
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<CallAttempt> CallAttempts => Set<CallAttempt>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<AgentStateChange> AgentStateChanges => Set<AgentStateChange>();
    public DbSet<DoNotCallEntry> DoNotCall => Set<DoNotCallEntry>();
    public DbSet<DoNotCallRemoval> DoNotCallRemovals => Set<DoNotCallRemoval>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Pacing.PacingState> PacingStates => Set<Pacing.PacingState>();
    public DbSet<CampaignChange> CampaignChanges => Set<CampaignChange>();
    public DbSet<Supervision.SupervisionSession> SupervisionSessions => Set<Supervision.SupervisionSession>();
    public DbSet<Recordings.CallRecording> CallRecordings => Set<Recordings.CallRecording>();
    public DbSet<Transfers.CallTransfer> CallTransfers => Set<Transfers.CallTransfer>();
    public DbSet<Teams.Team> Teams => Set<Teams.Team>();
    public DbSet<Teams.CampaignAgent> CampaignAgents => Set<Teams.CampaignAgent>();
    public DbSet<Changes.OutboxMessage> OutboxMessages => Set<Changes.OutboxMessage>();
    public DbSet<WorkerLease> WorkerLeases => Set<WorkerLease>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<Preview.PreviewCardShown> PreviewCards => Set<Preview.PreviewCardShown>();
    public DbSet<Privacy.Erasure> Erasures => Set<Privacy.Erasure>();
    public DbSet<CallerIds.CallerIdDay> CallerIdDays => Set<CallerIds.CallerIdDay>();
    public DbSet<Lists.ContactList> ContactLists => Set<Lists.ContactList>();
    public DbSet<Lists.ContactListRow> ContactListRows => Set<Lists.ContactListRow>();
    public DbSet<Lists.CampaignList> CampaignLists => Set<Lists.CampaignList>();
    public DbSet<Lists.LocalTime.ZoneSlot> ZoneSlots => Set<Lists.LocalTime.ZoneSlot>();
    public DbSet<Compliance.Consents.ContactConsent> Consents => Set<Compliance.Consents.ContactConsent>();
    public DbSet<Compliance.Registries.RegistryList> RegistryLists => Set<Compliance.Registries.RegistryList>();
    public DbSet<Compliance.Registries.RegistryNumber> RegistryNumbers =>
        Set<Compliance.Registries.RegistryNumber>();
    public DbSet<Campaigns.Audio.MessageAudio> MessageAudio => Set<Campaigns.Audio.MessageAudio>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(DialerDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
