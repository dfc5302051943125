using FluentValidation.Results;

namespace SecrecyDuty.Core.Common;

/// <summary>A message about one input field (or the whole form when <see cref="Field"/> is empty).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Outcome of a command: success, or the errors to show beside the fields that caused them.</summary>
public class Result
{
    protected Result(IReadOnlyList<FieldError> errors, EditConflict? conflict = null)
    {
        Errors = errors;
        Conflict = conflict;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Set when someone else saved the record since the editor opened it: nothing was saved (docs/decisions/0020).</summary>
    public EditConflict? Conflict { get; }

    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static Result Success() => new([]);

    public static Result Failure(params FieldError[] errors) => new(errors);

    /// <summary>Nothing was saved: someone else saved the record after the editor opened it.</summary>
    public static Result Failure(EditConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new([], conflict);
    }

    public static Result Failure(ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(ToFieldErrors(validation));
    }

    protected static FieldError[] ToFieldErrors(ValidationResult validation) =>
        [.. validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage))];
}

public sealed class Result<T> : Result
{
    private Result(T? value, IReadOnlyList<FieldError> errors, EditConflict? conflict = null)
        : base(errors, conflict) => Value = value;

    /// <summary>The created or changed thing; default when the command failed.</summary>
    public T? Value { get; }

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Failure(params FieldError[] errors) => new(default, errors);

    public static new Result<T> Failure(EditConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(default, [], conflict);
    }

    public static new Result<T> Failure(ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(default, ToFieldErrors(validation));
    }
}
