using Dialer.Contracts;
using MassTransit;

namespace Dialer.Api.Dashboard;

/// <summary>Every Api instance hears every event (its own temporary queue) and tells its dashboards.</summary>
public sealed class DashboardEventsConsumer(DashboardFeed feed)
    : IConsumer<CallStatusChanged>, IConsumer<CallAnswered>, IConsumer<CallCompleted>, IConsumer<CampaignStateChanged>
{
    public Task Consume(ConsumeContext<CallStatusChanged> context) => Changed(context.Message.CampaignId);
    public Task Consume(ConsumeContext<CallAnswered> context) => Changed(context.Message.CampaignId);
    public Task Consume(ConsumeContext<CallCompleted> context) => Changed(context.Message.CampaignId);
    public Task Consume(ConsumeContext<CampaignStateChanged> context) => Changed(context.Message.CampaignId);

    Task Changed(Guid campaignId)
    {
        feed.Changed(campaignId);
        return Task.CompletedTask;
    }
}
