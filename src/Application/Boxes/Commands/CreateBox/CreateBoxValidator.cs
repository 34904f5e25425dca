using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Projects;
using AssetManager.Domain.Boxes;
using FluentValidation;

namespace AssetManager.Application.Boxes.Commands.CreateBox;

public sealed class CreateBoxValidator : AbstractValidator<CreateBoxCommand>
{
    public CreateBoxValidator(IAppDbContext db)
    {
        RuleFor(c => c.Project).OwnProject(db, c => c.UserId, _ => true);
        RuleFor(c => c.Name).ValidName(_ => true, Box.NameMaxLength);
        RuleFor(c => c.Description).ValidDescription(Box.DescriptionMaxLength);
    }
}
