using AssetManager.Application.Common.Mapping;
using Mapster;

namespace AssetManager.UnitTests.Application.Common;

public sealed class MappingConfigTests
{
    [Fact]
    public void Every_map_compiles()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        MappingConfig.Register(config);

        config.Compile(); // throws for a map with a destination member that has no source, or a type never configured
    }
}
