using AssetManager.Application.AiModels;
using AssetManager.Application.Assets;
using AssetManager.Application.Boxes;
using AssetManager.Application.Projects;
using AssetManager.Domain.AiModels;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using System.Text.Json.Nodes;
using Mapster;

namespace AssetManager.Application.Common.Mapping;

/// <summary>Entity-to-DTO maps. The same expressions serve in-memory mapping and EF query projection.</summary>
public static class MappingConfig
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void Register(TypeAdapterConfig config)
    {
        lock (Gate)
        {
            if (_registered && config == TypeAdapterConfig.GlobalSettings) return;
            // JSON kept as an object is handed over as it is, not deep-copied member by member.
            config.NewConfig<JsonObject, JsonObject>().MapWith(source => source);
            config.NewConfig<Project, ProjectDto>()
                .Map(d => d.BoxCount, s => s.Boxes.Count);
            config.NewConfig<Box, BoxDto>()
                .Map(d => d.Project, s => s.ProjectId)
                .Map(d => d.AssetCount, s => s.Assets.Count);
            config.NewConfig<AiModel, AiModelDto>()
                .Map(d => d.Kind, s => s.Kind == AiModelKind.Image ? "IMAGE" : s.Kind == AiModelKind.Video ? "VIDEO" : "ANY");
            config.NewConfig<Asset, AssetDto>()
                .Map(d => d.Box, s => s.BoxId)
                .Map(d => d.BoxName, s => s.Box!.Name)
                .Map(d => d.AssetType, s => s.AssetType == AssetType.Image ? "IMAGE" : "VIDEO")
                .Map(d => d.AiModel, s => s.AiModelId)
                .Map(d => d.AiModelName, s => s.AiModel == null ? null : s.AiModel.Name)
                .Map(d => d.GenerationConfig, s => JsonText.ToObject(s.GenerationConfig))
                .Map(d => d.Processing, s => s.Processing == ProcessingState.Ready ? "ready" : s.Processing == ProcessingState.Failed ? "failed" : "pending");
            if (config == TypeAdapterConfig.GlobalSettings) _registered = true;
        }
    }
}
