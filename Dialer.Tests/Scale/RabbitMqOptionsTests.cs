using System.ComponentModel.DataAnnotations;
using Dialer.ServiceDefaults.Hosting;

namespace Dialer.Tests.Scale;

public sealed class RabbitMqOptionsTests
{
    [Theory]
    [InlineData("rabbit-0.rabbit")]
    [InlineData("10.0.0.7:5672")]
    [InlineData("127.0.0.1:5681")]
    public void A_node_as_host_or_host_and_port_is_accepted(string node) =>
        Assert.Empty(Validate(new RabbitMqOptions { ClusterNodes = [node] }));

    [Theory]
    [InlineData("")]
    [InlineData("amqp://rabbit:5672")]
    [InlineData("rabbit:0")]
    [InlineData("rabbit:70000")]
    [InlineData("rabbit:port")]
    [InlineData("bad host:5672")]
    public void A_node_that_is_not_host_or_host_and_port_stops_the_process_naming_the_setting(string node)
    {
        var error = Assert.Single(Validate(new RabbitMqOptions { ClusterNodes = [node] }));
        Assert.Contains("RabbitMq:ClusterNodes", error.ErrorMessage);
        Assert.Contains(node, error.ErrorMessage);
    }

    [Fact]
    public void Each_process_tries_every_node_once_in_the_clusters_order_from_a_node_of_its_own()
    {
        var options = new RabbitMqOptions { ClusterNodes = ["a:1", "b:2", "c:3"] };
        var random = new Random(16);
        var firsts = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var order = options.NodesInConnectOrder(random);
            var at = Array.IndexOf(options.ClusterNodes, order[0]);
            Assert.Equal([.. options.ClusterNodes[at..], .. options.ClusterNodes[..at]], order);
            firsts.Add(order[0]);
        }
        Assert.Equal(3, firsts.Count); // the processes spread over the nodes
        Assert.Empty(new RabbitMqOptions().NodesInConnectOrder(random));
    }

    static List<ValidationResult> Validate(RabbitMqOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
