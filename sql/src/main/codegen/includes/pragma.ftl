<#--
  SQLite's PRAGMA statement.
-->

/**
 * PRAGMA [schema.]name [= value | (value)]. The value is taken as the text of the tokens up to
 * the closing parenthesis or the end of the statement, because SQLite's pragmas take words that
 * are reserved here (ON, FULL, DELETE) as well as names, numbers and strings.
 */
SqlNode SqlPragmaStatement() :
{
    final Span s;
    final SqlIdentifier name;
    String value = null;
    boolean assigned = false;
}
{
    <PRAGMA> { s = span(); }
    name = CompoundIdentifier()
    [
        ( <EQ> { assigned = true; } | <LPAREN> )
        {
            StringBuilder text = new StringBuilder();
            while (getToken(1).kind != EOF && getToken(1).kind != RPAREN
                && getToken(1).kind != SEMICOLON) {
                text.append(getNextToken().image);
            }
            value = text.toString();
        }
        [ <RPAREN> ]
    ]
    { return new SqlPragma(s.end(this), name, value, assigned); }
}
