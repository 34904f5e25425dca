using FluentValidation;

namespace AssetManager.Application.Projects.Commands.UpdateProject;

public sealed class UpdateProjectValidator : AbstractValidator<UpdateProjectCommand>
{
    public UpdateProjectValidator()
    {
        RuleFor(c => c.Name).ValidName(c => !c.Partial);
        RuleFor(c => c.Description).ValidDescription();
    }
}
