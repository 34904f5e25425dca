using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Assets.Commands.UpdateAsset;

public sealed class UpdateAssetValidator : AbstractValidator<UpdateAssetCommand>
{
    public UpdateAssetValidator(IAppDbContext db)
    {
        RuleFor(c => c.PromptText)
            .Must(p => p.Value.Length <= Asset.PromptMaxLength).When(c => c.PromptText.IsSet)
            .WithMessage(Messages.MaxLength(Asset.PromptMaxLength));
        RuleFor(c => c.GenerationConfig)
            .Must(g => g.Value.Length <= Asset.GenerationConfigMaxLength).When(c => c.GenerationConfig.IsSet)
            .WithMessage(Messages.GenerationConfigTooLong);
        RuleFor(c => c.AiModel)
            .MustAsync(async (model, ct) => model.Value is not { } id || await db.AiModelExistsAsync(id, ct))
            .When(c => c.AiModel.IsSet)
            .WithMessage(c => Messages.InvalidPk(c.AiModel.Value.ToString()!));
        RuleFor(c => c.Box)
            .MustAsync(async (command, box, ct) => await db.OwnsBoxAsync(command.UserId, box.Value, ct))
            .When(c => c.Box.IsSet)
            .WithMessage(c => Messages.InvalidPk(c.Box.Value.ToString()));
    }
}
