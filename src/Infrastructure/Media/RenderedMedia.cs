using AssetManager.Application.Common.Media;

namespace AssetManager.Infrastructure.Media;

/// <summary>A file's facts and its two renditions, encoded as WebP but not yet written anywhere.</summary>
internal sealed record RenderedMedia(MediaFacts Facts, byte[] Thumbnail, byte[] Preview);
