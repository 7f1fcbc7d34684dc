using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// A parsed TwiML document: the verbs under &lt;Response&gt;, and the URL it came from (for relative URLs).
/// </summary>
public sealed record TwimlDocument(IReadOnlyList<XElement> Verbs, string? BaseUrl)
{
    public static TwimlDocument? TryParse(string text, string? baseUrl, out string? problem)
    {
        try
        {
            var root = XDocument.Parse(text).Root;
            if (root?.Name.LocalName != "Response")
            {
                problem = "TwiML root element is not <Response>";
                return null;
            }
            problem = null;
            return new TwimlDocument(root.Elements().ToList(), baseUrl);
        }
        catch (XmlException e)
        {
            problem = "TwiML is not well-formed XML: " + e.Message;
            return null;
        }
    }

    public string Resolve(string url) =>
        BaseUrl is not null && Uri.TryCreate(new Uri(BaseUrl), url, out var absolute) ? absolute.ToString() : url;
}

/// <summary>Reading TwiML attributes with Twilio's defaults.</summary>
public static class TwimlAttributes
{
    public static string? Text(this XElement element, string name) => element.Attribute(name)?.Value;

    public static int Int(this XElement element, string name, int fallback) =>
        int.TryParse(element.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    public static string Method(this XElement element) =>
        element.Attribute("method")?.Value?.ToUpperInvariant() ?? "POST";

    /// <summary>loop="0" means "for ever" to Twilio; a simulated caller gives up long before that.</summary>
    public static int Loop(this XElement element) => element.Int("loop", 1) is var loop and > 0 ? loop : 20;
}
