using System.Reflection;

namespace Dialer.Tests.Configuration;

/// <summary>
/// One class per configuration key: two classes that bind the same key could validate it two ways, and then one
/// process starts with a value the other refuses.
/// </summary>
public sealed class OptionsSectionsTests
{
    static readonly Assembly[] Engine =
    [
        typeof(Core.Data.DialerDb).Assembly, typeof(ServiceDefaults.Twilio.TwilioOptions).Assembly,
        typeof(Api.ApiMarker).Assembly, typeof(Worker.WorkerMarker).Assembly,
    ];

    [Fact]
    public void No_two_options_classes_bind_the_same_key()
    {
        var keys = from type in Engine.SelectMany(a => a.GetTypes())
                   let section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)
                   where section is { IsLiteral: true } && section.FieldType == typeof(string)
                   from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                   where property.CanWrite
                   select (Key: $"{section.GetRawConstantValue()}:{property.Name}", Type: type.FullName);
        var shared = keys.GroupBy(k => k.Key).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} bound by {string.Join(", ", g.Select(k => k.Type))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void The_Twilio_section_has_one_class()
    {
        var classes = Engine.SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f
                && Equals(f.GetRawConstantValue(), "Twilio"));
        Assert.Equal([typeof(ServiceDefaults.Twilio.TwilioOptions)], classes);
    }
}
