using FluentValidation.Results;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests.Common;

public sealed class ResultTests
{
    [Fact]
    public void Validation_failures_keep_their_field_names()
    {
        var result = Result.Failure(new ValidationResult([new ValidationFailure("Code", "Enter a code.")]));

        Assert.False(result.Succeeded);
        Assert.Equal(new FieldError("Code", "Enter a code."), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_success_carries_its_value() =>
        Assert.Equal(42, Result<int>.Success(42).Value);
}
