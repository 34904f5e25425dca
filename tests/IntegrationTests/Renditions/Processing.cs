using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using Xunit.Sdk;

namespace AssetManager.IntegrationTests.Renditions;

public static class Processing
{
    /// <summary>Polls the asset until its processing is no longer pending; returns it as it then is.</summary>
    public static async Task<JsonObject> SettledAsync(HttpClient http, int assetId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            using var response = await http.GetAsync($"/api/assets/{assetId}/");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new XunitException($"GET asset {assetId}: {(int)response.StatusCode} {text}");
            var asset = JsonNode.Parse(text)!.AsObject();
            if ((string?)asset["processing"] != "pending") return asset;
            if (DateTime.UtcNow > deadline) throw new XunitException($"asset {assetId} still pending after the timeout: {text}");
            await Task.Delay(200);
        }
    }

    public static int Id(this JsonObject asset) => (int)asset["id"]!;
}
