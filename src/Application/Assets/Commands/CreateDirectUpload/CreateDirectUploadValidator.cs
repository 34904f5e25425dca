using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Assets.Commands.CreateDirectUpload;

public sealed class CreateDirectUploadValidator : AbstractValidator<CreateDirectUploadCommand>
{
    public const int NameMaxLength = 255;

    public CreateDirectUploadValidator()
    {
        RuleFor(c => c.Filename).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank)
            .MaximumLength(NameMaxLength).WithMessage(Messages.MaxLength(NameMaxLength));
        RuleFor(c => c.Size).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .GreaterThanOrEqualTo(0).WithMessage(Messages.AtLeast(0));
        RuleFor(c => c.ContentType)
            .MaximumLength(NameMaxLength).WithMessage(Messages.MaxLength(NameMaxLength));
    }
}
