using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Assets.Commands.CompleteDirectUpload;

public sealed class CompleteDirectUploadValidator : AbstractValidator<CompleteDirectUploadCommand>
{
    /// <summary>S3's most parts of one upload.</summary>
    public const int MaxParts = 10_000;

    public CompleteDirectUploadValidator(IAppDbContext db)
    {
        RuleFor(c => c.UploadId).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank);
        RuleFor(c => c.Parts).Cascade(CascadeMode.Stop)
            .Must(p => p!.Count is > 0 and <= MaxParts).WithMessage($"Give between 1 and {MaxParts} parts.")
            .Must(p => p!.All(part => part.PartNumber is >= 1 and <= MaxParts)).WithMessage($"A part_number is between 1 and {MaxParts}.")
            .Must(p => p!.All(part => part.ETag.Length > 0)).WithMessage("Every part needs its etag.")
            .Must(p => p!.Select(part => part.PartNumber).Distinct().Count() == p!.Count).WithMessage("A part_number is given twice.")
            .When(c => c.Parts is not null);
        this.AddAssetFieldRules(db);
    }
}
