using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Boxes;

/// <summary>A box's <c>project</c> must be one of the caller's projects; anything else reads as "does not exist".</summary>
public static class ProjectReferenceRules
{
    public static void OwnProject<T>(this IRuleBuilderInitial<T, int?> rule, IAppDbContext db, Func<T, int> userId, Func<T, bool> required) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().When(required).WithMessage(Messages.Required)
            .MustAsync(async (command, projectId, ct) =>
                projectId is null || await db.Projects.OwnedBy(userId(command)).AnyAsync(p => p.Id == projectId, ct))
            .WithMessage((_, projectId) => Messages.InvalidPk(projectId.ToString()!));
}
