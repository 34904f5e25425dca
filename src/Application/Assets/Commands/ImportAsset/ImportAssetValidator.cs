using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Assets.Commands.ImportAsset;

public sealed class ImportAssetValidator : AbstractValidator<ImportAssetCommand>
{
    public const int UrlMaxLength = 2048;
    public const string InvalidUrl = "Enter a valid URL.";
    public const string OnlyHttp = "Only http and https URLs can be imported.";
    public const string NoCredentials = "A URL with a user name or password cannot be imported.";

    public ImportAssetValidator(IAppDbContext db)
    {
        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Messages.Required)
            .NotEmpty().WithMessage(Messages.NotBlank)
            .MaximumLength(UrlMaxLength).WithMessage(Messages.MaxLength(UrlMaxLength))
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out _)).WithMessage(InvalidUrl)
            .Must(u => new Uri(u!).Scheme is "http" or "https").WithMessage(OnlyHttp)
            .Must(u => new Uri(u!).Host.Length > 0).WithMessage(InvalidUrl)
            .Must(u => new Uri(u!).UserInfo.Length == 0).WithMessage(NoCredentials);
        this.AddAssetFieldRules(db);
    }
}
