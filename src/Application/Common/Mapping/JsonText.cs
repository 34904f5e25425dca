using System.Text.Json.Nodes;

namespace AssetManager.Application.Common.Mapping;

/// <summary>Turns JSON kept as text back into an object for the response.</summary>
public static class JsonText
{
    public static JsonObject ToObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? new JsonObject();
}
