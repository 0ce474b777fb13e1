<#--
  DML as ORMs and SQLite/PostgreSQL users write it. These productions are listed among the
  statement methods, which the template tries before its own INSERT/UPDATE/DELETE/EXPLAIN, so
  they replace Calcite's with supersets: INSERT OR IGNORE/REPLACE, ON CONFLICT, RETURNING, and
  EXPLAIN without PLAN FOR.
-->

/**
 * INSERT [OR IGNORE | OR REPLACE | OR ABORT | OR FAIL | OR ROLLBACK] INTO t [(cols)] source
 * [ON CONFLICT ...] [RETURNING ...], and REPLACE INTO. The source may be DEFAULT VALUES, without a
 * column list.
 */
SqlNode PluresInsert() :
{
    final Span s;
    final List<SqlLiteral> keywords = new ArrayList<SqlLiteral>();
    final SqlNodeList keywordList;
    ConflictAction orAction = null;
    ConflictResolution resolution = null;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    final SqlNodeList columnList;
    final SqlNode source;
    SqlUpsert.Clause conflict = null;
    SqlNodeList returning = null;
    final Pair<SqlNodeList, SqlNodeList> p;
}
{
    (
        <INSERT> { s = span(); }
        [
            <OR>
            (
                <IGNORE> { orAction = ConflictAction.NOTHING; }
            |   <REPLACE> { orAction = ConflictAction.REPLACE; }
            |   resolution = StatementResolution()
            )
        ]
    |
        // SQLite's and MySQL's REPLACE INTO is INSERT OR REPLACE INTO.
        <REPLACE> { s = span(); orAction = ConflictAction.REPLACE; }
    )
    SqlInsertKeywords(keywords) {
        keywordList = new SqlNodeList(keywords, s.addAll(keywords).pos());
    }
    <INTO> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    (
        LOOKAHEAD(2)
        p = ParenthesizedCompoundIdentifierList() {
            if (!p.right.isEmpty()) {
                tableRef = extend(tableRef, p.right);
            }
            columnList = p.left.isEmpty() ? null : p.left;
        }
    |   { columnList = null; }
    )
    (
        LOOKAHEAD({ columnList == null && getToken(1).kind == DEFAULT_ })
        <DEFAULT_> <VALUES> { source = null; }
    |
        source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    // INSERT OR IGNORE/REPLACE already says what a conflict does, so ON CONFLICT may not follow.
    [ LOOKAHEAD(1, { orAction == null }) conflict = OnConflict() ]
    [ returning = Returning() ]
    {
        SqlNode node = source == null
            ? new SqlDefaultValuesInsert(s.end(this), keywordList, tableRef)
            : new SqlInsert(s.end(source), keywordList, tableRef, source, columnList);
        if (conflict != null || orAction != null) {
            if (conflict == null) {
                conflict = SqlUpsert.Clause.of(orAction);
            }
            node = new SqlUpsert(s.end(this), (SqlInsert) node, conflict);
        }
        if (returning != null) {
            node = new SqlReturning(s.end(this), node, returning);
        }
        return resolution == null ? node : new SqlResolved(s.end(this), node, resolution);
    }
}

/** ABORT, FAIL or ROLLBACK after INSERT OR / UPDATE OR: conflicts that fail the statement. */
ConflictResolution StatementResolution() :
{
}
{
    <ABORT> { return ConflictResolution.ABORT; }
|   <FAIL> { return ConflictResolution.FAIL; }
|   <ROLLBACK> { return ConflictResolution.ROLLBACK; }
}

/** ON CONFLICT [(cols)] DO NOTHING | DO UPDATE SET c = e [, ...] [WHERE cond]. */
SqlUpsert.Clause OnConflict() :
{
    SqlNodeList target = null;
    final SqlNodeList targetColumns = new SqlNodeList(SqlParserPos.ZERO);
    final SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
    SqlIdentifier id;
    SqlNode where = null;
}
{
    <ON> <CONFLICT>
    [ target = ParenthesizedSimpleIdentifierList() ]
    <DO>
    (
        <NOTHING> {
            return new SqlUpsert.Clause(target, ConflictAction.NOTHING, null, null, null);
        }
    |
        <UPDATE> <SET>
        id = SimpleIdentifier() { targetColumns.add(id); }
        <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
        (
            <COMMA> id = SimpleIdentifier() { targetColumns.add(id); }
            <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
        )*
        [ where = Where() ]
        {
            return new SqlUpsert.Clause(target, ConflictAction.UPDATE, targetColumns, values,
                where);
        }
    )
}

/** RETURNING select-item [, ...]. */
SqlNodeList Returning() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(list) ( <COMMA> AddSelectItem(list) )*
    { return new SqlNodeList(list, s.end(this)); }
}

/**
 * UPDATE [OR ABORT | OR FAIL | OR ROLLBACK | OR IGNORE | OR REPLACE] t [[AS] alias]
 * SET c = e [, ...] [WHERE cond] [RETURNING ...].
 */
SqlNode PluresUpdate() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    SqlIdentifier alias = null;
    SqlNode where = null;
    final SqlNodeList targetColumns;
    final SqlNodeList values;
    SqlIdentifier id;
    SqlNodeList returning = null;
    ConflictResolution resolution = null;
}
{
    <UPDATE> {
        s = span();
        targetColumns = new SqlNodeList(s.pos());
        values = new SqlNodeList(s.pos());
    }
    [
        <OR>
        (
            resolution = StatementResolution()
        |   <IGNORE> { resolution = ConflictResolution.IGNORE; }
        |   <REPLACE> { resolution = ConflictResolution.REPLACE; }
        )
    ]
    tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    // RETURNING is a non-reserved word in Calcite; here it starts the RETURNING clause.
    [
        LOOKAHEAD(1, { getToken(1).kind != RETURNING
            && !SqliteIndexHints.ahead(getToken(1).kind == IDENTIFIER, getToken(1).image, getToken(2).kind == IDENTIFIER, getToken(2).image) })
        [ <AS> ] alias = SimpleIdentifier()
    ]
    tableRef = SqliteIndexHint(tableRef)
    <SET> id = CompoundIdentifier() { targetColumns.add(id); }
    <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA> id = CompoundIdentifier() { targetColumns.add(id); }
        <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
    )*
    [ where = Where() ]
    [ returning = Returning() ]
    {
        final SqlNode update = new SqlUpdate(s.addAll(targetColumns).addAll(values)
            .addIf(where).pos(), tableRef, targetColumns, values, where, null, alias);
        final SqlNode statement =
            returning == null ? update : new SqlReturning(s.end(this), update, returning);
        return resolution == null ? statement : new SqlResolved(s.end(this), statement, resolution);
    }
}

/** DELETE FROM t [[AS] alias] [WHERE cond] [RETURNING ...]. */
SqlNode PluresDelete() :
{
    final Span s;
    final SqlIdentifier tableName;
    SqlNode tableRef;
    SqlIdentifier alias = null;
    SqlNode where = null;
    SqlNodeList returning = null;
}
{
    <DELETE> { s = span(); }
    <FROM> tableName = CompoundTableIdentifier()
    ( tableRef = TableHints(tableName) | { tableRef = tableName; } )
    // RETURNING is a non-reserved word in Calcite; here it starts the RETURNING clause.
    [
        LOOKAHEAD(1, { getToken(1).kind != RETURNING
            && !SqliteIndexHints.ahead(getToken(1).kind == IDENTIFIER, getToken(1).image, getToken(2).kind == IDENTIFIER, getToken(2).image) })
        [ <AS> ] alias = SimpleIdentifier()
    ]
    tableRef = SqliteIndexHint(tableRef)
    [ where = Where() ]
    [ returning = Returning() ]
    {
        final SqlNode delete = new SqlDelete(s.add(tableRef).addIf(alias).addIf(where).pos(),
            tableRef, where, null, alias);
        return returning == null ? delete : new SqlReturning(s.end(this), delete, returning);
    }
}

/** A query or one of PluresDB's DML statements: what EXPLAIN and SUBSCRIBE accept. */
SqlNode PluresQueryOrDml() :
{
    final SqlNode stmt;
}
{
    (
        // REPLACE INTO is a statement; REPLACE( is a function call in a query.
        LOOKAHEAD(2) stmt = PluresInsert()
    |   stmt = PluresUpdate()
    |   stmt = PluresDelete()
    |   stmt = SqlMerge()
    |   stmt = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    { return stmt; }
}

/** EXPLAIN PLAN [options] FOR stmt (Calcite's form) and EXPLAIN stmt (the common short form). */
SqlNode PluresExplain() :
{
    final Span s;
    final SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
    SqlExplainFormat format = SqlExplainFormat.TEXT;
}
{
    <EXPLAIN> { s = span(); }
    [
        // SQLite's EXPLAIN QUERY PLAN: SQLite's own plan (see SqlQueryPlan)
        LOOKAHEAD(2) <QUERY> <PLAN> stmt = PluresQueryOrDml() {
            return new SqlQueryPlan(s.end(this), stmt);
        }
    |
        // A column named "plan" cannot start an EXPLAINed statement, so PLAN means EXPLAIN PLAN.
        LOOKAHEAD(1) <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        (
            LOOKAHEAD(2) <AS> <XML> { format = SqlExplainFormat.XML; }
        |   LOOKAHEAD(2) <AS> <JSON> { format = SqlExplainFormat.JSON; }
        |   <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
        |   { format = SqlExplainFormat.TEXT; }
        )
        <FOR>
    ]
    stmt = PluresQueryOrDml() {
        return new SqlExplain(s.end(this), stmt,
            detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO),
            format.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}
