<#--
  SQLite's own syntax: [x] and `x` quoted names, GLOB, COLLATE, the JSON operators -> and ->>,
  and trim(x, chars).
-->

/*
 * [x] and `x` are quoted names in SQLite, like "x". Matched in the lexical state of "x" (DQID) and
 * handed to the parser as QUOTED_IDENTIFIER tokens in double-quoted form, with the position the
 * user wrote; see SqliteNames. Longest match makes "[x]" win over "[".
 */
<DQID> TOKEN :
{
    < SQLITE_BRACKET_IDENTIFIER: "[" (~["]","\n","\r"])+ "]" >
    {
        matchedToken.kind = QUOTED_IDENTIFIER;
        matchedToken.image = SqliteNames.doubleQuoted(image);
    }
|   < SQLITE_BACK_QUOTED_IDENTIFIER: "`" ( (~["`","\n","\r"]) | "``" )+ "`" >
    {
        matchedToken.kind = QUOTED_IDENTIFIER;
        matchedToken.image = SqliteNames.doubleQuoted(image);
    }
}

/**
 * x GLOB pattern, x NOT GLOB pattern, and SQLite's postfix x NOT NULL (the same as x IS NOT NULL):
 * every SQLite operator that begins with NOT, so that one production decides between them.
 */
void SqliteGlob(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        LOOKAHEAD(2) <NOT> <NULL>
        {
            checkNonQueryExpression(exprContext);
            list.add(new SqlParserUtil.ToTreeListItem(SqlStdOperatorTable.IS_NOT_NULL, getPos()));
        }
    |
        (
            <GLOB> { op = SqliteOperators.GLOB; }
        |   <NOT> <GLOB> { op = SqliteOperators.NOT_GLOB; }
        )
        {
            checkNonQueryExpression(exprContext);
            list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
        }
        AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
    )
}

/** x COLLATE BINARY | NOCASE | RTRIM. */
void SqliteCollate(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlIdentifier name;
}
{
    <COLLATE> { checkNonQueryExpression(exprContext); }
    name = SimpleIdentifier()
    {
        if (!SqliteOperators.isCollation(name.getSimple())) {
            throw new ParseException("no such collation sequence: " + name.getSimple());
        }
        list.add(new SqlParserUtil.ToTreeListItem(SqliteOperators.COLLATE, name.getParserPosition()));
        list.add(SqliteOperators.collationName(name.getSimple(), name.getParserPosition()));
    }
}

/** json -> path (JSON text) and json ->> path (an SQL value); "->" is Calcite's LAMBDA token. */
void SqliteJsonArrow(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <LAMBDA> { op = SqliteOperators.JSON_EXTRACT; }
    |   <JSON_EXTRACT_VALUE> { op = SqliteOperators.JSON_EXTRACT_VALUE; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * TRIM: the standard TRIM([BOTH | LEADING | TRAILING] [chars] FROM s) and TRIM(s), plus SQLite's
 * trim(s, chars). All build the standard TRIM call, which the SQLite dialect writes as trim(s,
 * chars). Reached through the literal hook (literalParserMethods), which the grammar tries before
 * its own TRIM, since Calcite's TRIM takes the word with one token of lookahead.
 */
SqlNode SqliteTrim() :
{
    final Span s;
    SqlLiteral flag = null;
    SqlNode trimChars = null;
    SqlNode e;
}
{
    <TRIM> { s = span(); } <LPAREN>
    (
        (
            <BOTH> { flag = SqlTrimFunction.Flag.BOTH.symbol(getPos()); }
        |   <TRAILING> { flag = SqlTrimFunction.Flag.TRAILING.symbol(getPos()); }
        |   <LEADING> { flag = SqlTrimFunction.Flag.LEADING.symbol(getPos()); }
        )
        [ trimChars = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        <FROM> e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    |
        e = Expression(ExprContext.ACCEPT_SUB_QUERY)
        [
            <FROM> { trimChars = e; } e = Expression(ExprContext.ACCEPT_SUB_QUERY)
        |
            <COMMA> trimChars = Expression(ExprContext.ACCEPT_SUB_QUERY)
        ]
    )
    <RPAREN>
    {
        if (flag == null) {
            flag = SqlTrimFunction.Flag.BOTH.symbol(SqlParserPos.ZERO);
        }
        return SqlStdOperatorTable.TRIM.createCall(s.end(this), flag, trimChars, e);
    }
}

/**
 * The right side of IN and NOT IN (and of the quantified comparisons, = ANY (...), which share the
 * rule in Calcite's grammar): the standard (query) and (list), and SQLite's empty list () and table
 * name (x IN t, the same as x IN (SELECT * FROM t)); see SqliteIn. Called from Calcite's template
 * through a one-line change made by the build (sql/pom.xml).
 */
SqlNodeList SqliteInOperand(SqlOperator op) :
{
    final Span s;
    final SqlNodeList list;
    final SqlIdentifier table;
}
{
    (
        LOOKAHEAD(2) <LPAREN> { s = span(); } <RPAREN>
        { list = new SqlNodeList(s.end(this)); }
    |
        list = ParenthesizedQueryOrCommaList(ExprContext.ACCEPT_NONCURSOR)
        { return list; }
    |
        table = CompoundIdentifier()
        { list = SqliteIn.tableOperand(table); }
    )
    {
        if (!SqliteIn.takesSqliteOperand(op)) {
            throw new ParseException(op.getName() + " needs a parenthesized query or list");
        }
        return list;
    }
}

/**
 * SQLite's table hints after a table and its alias: NOT INDEXED and INDEXED BY name, kept on the
 * table as hints and written back to SQLite, whose planner they steer; see SqliteIndexHints.
 */
SqlNode SqliteIndexHint(SqlNode tableRef) :
{
    SqlIdentifier index = null;
    final SqlNode hinted;
}
{
    (
        LOOKAHEAD({ SqliteIndexHints.ahead(getToken(1).kind == IDENTIFIER, getToken(1).image, getToken(2).kind == IDENTIFIER, getToken(2).image) })
        (
            <NOT> <IDENTIFIER> { hinted = SqliteIndexHints.notIndexed(tableRef, getPos()); }
        |
            <IDENTIFIER> <BY> index = SimpleIdentifier()
            { hinted = SqliteIndexHints.indexedBy(tableRef, index); }
        )
        {
            if (hinted == null) {
                throw new ParseException((index == null ? "NOT INDEXED" : "INDEXED BY")
                    + " follows a table name only");
            }
            return hinted;
        }
    |
        { return tableRef; }
    )
}

