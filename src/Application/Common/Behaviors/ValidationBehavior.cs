using System.Text.Json;
using AssetManager.Domain.Common;
using FluentValidation;
using Mediator;

namespace AssetManager.Application.Common.Behaviors;

/// <summary>Runs every FluentValidation validator of a message; field errors become a 400 in DRF's shape.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
                errors.Add(JsonNamingPolicy.SnakeCaseLower.ConvertName(failure.PropertyName), failure.ErrorMessage);
        }
        errors.ThrowIfAny();
        return await next(message, cancellationToken);
    }
}
