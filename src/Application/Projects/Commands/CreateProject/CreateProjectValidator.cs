using FluentValidation;

namespace AssetManager.Application.Projects.Commands.CreateProject;

public sealed class CreateProjectValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectValidator()
    {
        RuleFor(c => c.Name).ValidName(_ => true);
        RuleFor(c => c.Description).ValidDescription();
    }
}
