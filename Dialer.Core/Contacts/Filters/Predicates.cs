using System.Linq.Expressions;

namespace Dialer.Core.Contacts.Filters;

/// <summary>Query predicates joined into one, on one parameter, so EF Core translates the whole as SQL.</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        IsFalse(a) ? b : Join(a, b, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        IsTrue(a) ? b : Join(a, b, Expression.AndAlso);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> a) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(a.Body), a.Parameters);

    static bool IsFalse<T>(Expression<Func<T, bool>> e) => e.Body is ConstantExpression { Value: false };

    static bool IsTrue<T>(Expression<Func<T, bool>> e) => e.Body is ConstantExpression { Value: true };

    static Expression<Func<T, bool>> Join<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(join(a.Body, body), a.Parameters);
    }

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
