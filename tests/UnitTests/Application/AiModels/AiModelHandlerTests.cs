using AssetManager.Application.AiModels.Queries.GetAiModel;
using AssetManager.Application.AiModels.Queries.ListAiModels;
using AssetManager.Application.Common.Paging;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Application.AiModels;

public sealed class AiModelHandlerTests : IDisposable
{
    private readonly TestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task List_is_the_seeded_catalogue_in_id_order()
    {
        var page = await new ListAiModelsHandler(_db.NewContext()).Handle(new ListAiModelsQuery(new PageRequest()), default);

        Assert.True(page.Count >= 8);
        Assert.Equal(page.Results.Select(m => m.Id).Order(), page.Results.Select(m => m.Id));
        Assert.All(page.Results, m => Assert.Contains(m.Kind, new[] { "IMAGE", "VIDEO", "ANY" }));
        Assert.Contains(page.Results, m => m.Kind == "VIDEO");
        Assert.Contains(page.Results, m => m.Kind == "IMAGE");
    }

    [Fact]
    public async Task Get_one_and_unknown_is_404()
    {
        var handler = new GetAiModelHandler(_db.NewContext());

        var sora = await handler.Handle(new GetAiModelQuery(6), default);
        Assert.Equal(new("Sora", "OpenAI", "VIDEO"), (sora.Name, sora.Provider, sora.Kind));

        await Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new GetAiModelQuery(999), default).AsTask());
    }
}
