<#--
  SQLite's operators beyond the standard ones: x ISNULL, x NOTNULL, x IS [NOT] y (null-safe
  equality), x == y, and the bitwise & | << >> ~.
-->

/**
 * x IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM y, as the standard has them, and
 * SQLite's x IS [NOT] y for any y: null-safe (in)equality, the same as IS [NOT] DISTINCT FROM.
 * Every IS comes here (before the standard row operators), so that one place decides.
 */
void SqliteIs(List<Object> list, ExprContext exprContext, Span s) :
{
    boolean not = false;
    SqlOperator op = null;
}
{
    <IS> { checkNonQueryExpression(exprContext); } [ <NOT> { not = true; } ]
    (
        <NULL> { op = not ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL; }
    |   <TRUE> { op = not ? SqlStdOperatorTable.IS_NOT_TRUE : SqlStdOperatorTable.IS_TRUE; }
    |   <FALSE> { op = not ? SqlStdOperatorTable.IS_NOT_FALSE : SqlStdOperatorTable.IS_FALSE; }
    |   <UNKNOWN> { op = not ? SqlStdOperatorTable.IS_NOT_UNKNOWN : SqlStdOperatorTable.IS_UNKNOWN; }
    |   <DISTINCT> <FROM>
        {
            list.add(new SqlParserUtil.ToTreeListItem(not
                ? SqlStdOperatorTable.IS_NOT_DISTINCT_FROM : SqlStdOperatorTable.IS_DISTINCT_FROM,
                getPos()));
        }
        AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
    |
        {
            list.add(new SqlParserUtil.ToTreeListItem(not
                ? SqlStdOperatorTable.IS_DISTINCT_FROM : SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
                getPos()));
        }
        AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
    )
    {
        if (op != null) {
            list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
        }
    }
}

/** x ISNULL and x NOTNULL (postfix), x == y, and the bitwise x & y, x | y, x << y, x >> y. */
void SqliteOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    { checkNonQueryExpression(exprContext); }
    (
        <ISNULL> { list.add(new SqlParserUtil.ToTreeListItem(SqlStdOperatorTable.IS_NULL, getPos())); }
    |   <NOTNULL> { list.add(new SqlParserUtil.ToTreeListItem(SqlStdOperatorTable.IS_NOT_NULL, getPos())); }
    |
        (
            <DOUBLE_EQ> { op = SqlStdOperatorTable.EQUALS; }
        |   <AMPERSAND> { op = SqliteBitwise.AND; }
        |   <VERTICAL_BAR> { op = SqliteBitwise.OR; }
        |   <LEFTSHIFT> { op = SqliteBitwise.SHIFT_LEFT; }
        |   <RIGHTSHIFT> { op = SqliteBitwise.SHIFT_RIGHT; }
        )
        { list.add(new SqlParserUtil.ToTreeListItem(op, getPos())); }
        AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
    )
}

/** ~x, SQLite's bitwise not; reached through the literal hook, as it binds like a literal. */
SqlNode SqliteBitNot() :
{
    final Span s;
    final SqlNode e;
}
{
    <TILDE> { s = span(); } e = Expression3(ExprContext.ACCEPT_SUB_QUERY)
    {
        return SqliteBitwise.NOT.createCall(s.end(this), e);
    }
}
