using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Accounts.Commands.ObtainToken;

public sealed class ObtainTokenValidator : AbstractValidator<ObtainTokenCommand>
{
    public ObtainTokenValidator()
    {
        RuleFor(c => c.Username).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank);
        RuleFor(c => c.Password).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank);
    }
}
