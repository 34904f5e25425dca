using AssetManager.Domain.Common;
using AssetManager.Domain.Projects;
using FluentValidation;

namespace AssetManager.Application.Projects;

/// <summary>
/// The name and description rules shared by create and update: required unless partial, not blank, at most 200. As in DRF's CharField
/// (trim_whitespace), surrounding whitespace does not count: the handlers store the trimmed name.
/// </summary>
public static class NameRules
{
    public static void ValidName<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, bool> required, int max = Project.NameMaxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().When(required).WithMessage(Messages.Required)
            .Must(n => n is null || n.Trim().Length > 0).WithMessage(Messages.NotBlank)
            .Must(n => n is null || n.Trim().Length <= max).WithMessage(Messages.MaxLength(max));

    /// <summary>An optional description, bounded so that a page of projects or boxes stays small.</summary>
    public static void ValidDescription<T>(this IRuleBuilderInitial<T, string?> rule, int max = Project.DescriptionMaxLength) =>
        rule.Must(d => d is null || d.Trim().Length <= max).WithMessage(Messages.MaxLength(max));
}
