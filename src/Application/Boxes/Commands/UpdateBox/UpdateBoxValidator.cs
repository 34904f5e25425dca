using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Projects;
using AssetManager.Domain.Boxes;
using FluentValidation;

namespace AssetManager.Application.Boxes.Commands.UpdateBox;

public sealed class UpdateBoxValidator : AbstractValidator<UpdateBoxCommand>
{
    public UpdateBoxValidator(IAppDbContext db)
    {
        RuleFor(c => c.Project).OwnProject(db, c => c.UserId, c => !c.Partial);
        RuleFor(c => c.Name).ValidName(c => !c.Partial, Box.NameMaxLength);
        RuleFor(c => c.Description).ValidDescription(Box.DescriptionMaxLength);
    }
}
