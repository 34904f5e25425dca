using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Accounts.Commands.Register;

public sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public const int UsernameMaxLength = 150;

    public RegisterValidator()
    {
        RuleFor(c => c.Username).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank)
            .MaximumLength(UsernameMaxLength).WithMessage(Messages.MaxLength(UsernameMaxLength))
            .Matches(@"^[\w.@+-]+$").WithMessage(
                "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.");
        RuleFor(c => c.Password).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank);
        RuleFor(c => c.Email)
            .EmailAddress().WithMessage(Messages.InvalidEmail)
            .MaximumLength(254).WithMessage(Messages.MaxLength(254))
            .When(c => !string.IsNullOrEmpty(c.Email));
    }
}
