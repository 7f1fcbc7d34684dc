using MassTransit;

namespace Dialer.Worker.Dialing;

/// <summary>
/// Many dials in flight per worker (each mostly waits on Twilio). Only a request that cannot have
/// placed a call is retried, with growing delays; anything else is settled on the attempt, not by redelivery.
/// </summary>
public sealed class PlaceCallConsumerDefinition : ConsumerDefinition<PlaceCallConsumer>
{
    public PlaceCallConsumerDefinition()
    {
        ConcurrentMessageLimit = 64;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<PlaceCallConsumer> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = 128;
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<TwilioUnavailableException>();
            r.Exponential(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        });
    }
}
