<#--
  Transaction control, PluresDB's live-query statements, the pgvector distance operators and
  PostgreSQL's :: cast.
-->

/*
 * "value" must work as a plain name (a column called value is common), but Calcite's grammar
 * also reads VALUE as a synonym of VALUES at the start of a query, and with one token of
 * lookahead it then takes "value" in MAX(value) or (value + 1) for a VALUES clause. This token,
 * declared before Calcite's keywords, wins the tie for the word VALUE, so the keyword VALUE is
 * never produced and VALUE_WORD is a non-reserved word like any other. The cost: the rare
 * syntax that needs the keyword (VALUE as VALUES, NEXT VALUE FOR, IS JSON VALUE,
 * JSON_OBJECT(KEY k VALUE v)) is not available. It is spelled letter by letter because JavaCC
 * refuses a second string-literal token "VALUE".
 */
<DEFAULT, DQID, BTID> TOKEN :
{
    < VALUE_WORD: "V" "A" "L" "U" "E" >
}

/*
 * A query's locking clause starts with one token, "FOR UPDATE" (or FOR SHARE, FOR NO KEY UPDATE,
 * FOR KEY SHARE), not with the keyword FOR: Calcite's grammar reads FOR after a table name as the
 * start of FOR SYSTEM_TIME AS OF with one token of lookahead, so "FROM album FOR UPDATE" would
 * fail there. The lexer's longest match makes FOR followed by one of these words this token.
 */
<DEFAULT, DQID, BTID> TOKEN :
{
    < FOR_LOCK: "FOR" (<LOCK_BLANK>)+
        ( "UPDATE" | "SHARE" | "NO" (<LOCK_BLANK>)+ "KEY" (<LOCK_BLANK>)+ "UPDATE"
        | "KEY" (<LOCK_BLANK>)+ "SHARE" ) >
|   < #LOCK_BLANK: [" ", "\t", "\n", "\r", "\f"] >
}

/**
 * BEGIN / START [DEFERRED | IMMEDIATE | EXCLUSIVE] [TRANSACTION | WORK], COMMIT / END [WORK |
 * TRANSACTION], ROLLBACK [WORK | TRANSACTION]: PostgreSQL's and SQLite's spellings. SQLite's
 * three kinds mean the same here, since a transaction takes the store's writer at its first write.
 * SAVEPOINT x, RELEASE [SAVEPOINT] x, ROLLBACK [TRANSACTION] TO [SAVEPOINT] x: SQLite's savepoints.
 */
SqlNode SqlTransactionStatement() :
{
    final Span s;
    final TransactionAction action;
    SqlIdentifier savepoint = null;
}
{
    { s = span(); }
    (
        ( <BEGIN> | <START> ) [ <DEFERRED> | <IMMEDIATE> | <EXCLUSIVE> ] [ <TRANSACTION> | <WORK> ]
        { action = TransactionAction.BEGIN; }
    |   ( <COMMIT> | <END> ) [ <WORK> | <TRANSACTION> ] { action = TransactionAction.COMMIT; }
    |   <ROLLBACK> [ <WORK> | <TRANSACTION> ]
        (
            <TO> [ <SAVEPOINT> ] savepoint = SimpleIdentifier()
            { action = TransactionAction.ROLLBACK_TO; }
        |   { action = TransactionAction.ROLLBACK; }
        )
    |   <SAVEPOINT> savepoint = SimpleIdentifier() { action = TransactionAction.SAVEPOINT; }
    |   <RELEASE> [ <SAVEPOINT> ] savepoint = SimpleIdentifier()
        { action = TransactionAction.RELEASE; }
    )
    {
        return new SqlTransaction(
            s.end(this), action, savepoint == null ? null : savepoint.getSimple());
    }
}

/**
 * A query, optionally followed by a locking clause: FOR UPDATE [OF table, …] [NOWAIT | SKIP
 * LOCKED | WAIT n].
 */
SqlNode PluresQuery() :
{
    final SqlNode query;
    Span s;
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [
        <FOR_LOCK> { s = span(); }
        [ <OF> CompoundIdentifier() ( <COMMA> CompoundIdentifier() )* ]
        [ <NOWAIT> | <SKIP_> <LOCKED> | <WAIT> UnsignedNumericLiteral() ]
        { return new SqlLockingQuery(s.end(this), query); }
    ]
    { return query; }
}

/** SUBSCRIBE query: a live query that yields its rows, then every change to them. */
SqlNode SqlSubscribe() :
{
    final Span s;
    final SqlNode query;
}
{
    <SUBSCRIBE> { s = span(); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    { return new SqlSubscribe(s.end(this), query); }
}

/** LISTEN channel. */
SqlNode SqlListen() :
{
    final Span s;
    final SqlIdentifier channel;
}
{
    <LISTEN> { s = span(); } channel = SimpleIdentifier()
    { return new SqlListen(s.end(this), channel); }
}

/** UNLISTEN channel | UNLISTEN *. */
SqlNode SqlUnlisten() :
{
    final Span s;
    SqlIdentifier channel = null;
}
{
    <UNLISTEN> { s = span(); }
    ( channel = SimpleIdentifier() | <STAR> )
    { return new SqlUnlisten(s.end(this), channel); }
}

/** NOTIFY channel [, 'payload']. */
SqlNode SqlNotify() :
{
    final Span s;
    final SqlIdentifier channel;
    SqlNode payload = null;
}
{
    <NOTIFY> { s = span(); } channel = SimpleIdentifier()
    [ <COMMA> payload = StringLiteral() ]
    { return new SqlNotify(s.end(this), channel, payload); }
}

/** pgvector's distance operators: a <-> b, a <=> b and a <#> b. */
void VectorDistance(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <VECTOR_L2> { op = VectorOperators.L2_DISTANCE; }
    |   <VECTOR_COSINE> { op = VectorOperators.COSINE_DISTANCE; }
    |   <VECTOR_NEG_INNER> { op = VectorOperators.NEGATIVE_INNER_PRODUCT; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** PostgreSQL's cast operator, as in '[1,2,3]'::vector or price::integer. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    dt = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(dt);
    }
}
