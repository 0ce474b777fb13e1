<#--
  PluresDB's DDL: CREATE/DROP TABLE, ALTER TABLE ADD, CREATE/DROP INDEX, CREATE/DROP VIEW,
  CREATE/DROP SEQUENCE and the NEXT VALUE FOR expression.
  Calcite 1.42 publishes no DDL grammar of its own (calcite-server is not released for it), so
  these productions are written here; the nodes live in io.pluresdb.sql.parser.ddl.
-->

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** A positive integer inside a type's parentheses, such as the 100 of VARCHAR(100). */
int TypeLength() :
{
    final int n;
}
{
    n = UnsignedIntLiteral() { return n; }
}

/** A column's declared type; the words are mapped to a ColumnType by TypeNames. */
TypeDecl ColumnTypeDecl() :
{
    SqlParserPos namePos = null;
    String name;
    int precision = 0;
    int scale = 0;
    boolean withTimeZone = false;
}
{
    (
        ( <INT> | <INTEGER> ) { name = "INTEGER"; }
    |   <BIGINT> { name = "BIGINT"; }
    |   <SMALLINT> { name = "SMALLINT"; }
    |   <TINYINT> { name = "TINYINT"; }
    |   <BOOLEAN> { name = "BOOLEAN"; }
    |   <REAL> { name = "REAL"; }
    |   <FLOAT> { name = "FLOAT"; }
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
    |   <DOUBLE> { name = "DOUBLE"; } [ <PRECISION> ]
    |   ( <DECIMAL> | <DEC> | <NUMERIC> ) { name = "DECIMAL"; }
        [
            <LPAREN> precision = TypeLength()
            [ <COMMA> scale = TypeLength() ]
            <RPAREN>
        ]
    |   ( <CHAR> | <CHARACTER> ) { name = "CHAR"; }
        [ <VARYING> { name = "VARCHAR"; } ]
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
    |   <VARCHAR> { name = "VARCHAR"; }
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
    |   <CLOB> { name = "CLOB"; }
    |   <BLOB> { name = "BLOB"; }
    |   <BINARY> { name = "BINARY"; }
        [ <VARYING> { name = "VARBINARY"; } ]
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
    |   <VARBINARY> { name = "VARBINARY"; }
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
    // DATE, TIME, TIMESTAMP, JSON, UUID and DATETIME are also valid names; here they are the built-in types.
    |   LOOKAHEAD(1) <DATE> { name = "DATE"; }
    |   LOOKAHEAD(1) <TIME> { name = "TIME"; }
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
        [ ( <WITH> { withTimeZone = true; } | <WITHOUT> ) <TIME> <ZONE> ]
    |   LOOKAHEAD(1) <TIMESTAMP> { name = "TIMESTAMP"; }
        [ <LPAREN> precision = TypeLength() <RPAREN> ]
        [ ( <WITH> { withTimeZone = true; } | <WITHOUT> ) <TIME> <ZONE> ]
    |   LOOKAHEAD(1) <JSON> { name = "JSON"; }
        {
            // JSON MERGEABLE merges per path; a plain JSON column keeps its text as written
            if (getToken(1).image.equalsIgnoreCase("MERGEABLE")) {
                getNextToken();
                name = "JSON MERGEABLE";
            }
        }
    |   LOOKAHEAD(1) <UUID> { name = "UUID"; }
    |   LOOKAHEAD(1) <DATETIME> { name = "DATETIME"; }
    |   name = Identifier() { namePos = getPos(); }
        {
            // SQLite's type names are any run of words (UNSIGNED BIG INT, NATIVE CHARACTER):
            // take the words up to a parenthesis or a column constraint.
            while (TypeNames.continuesTypeName(getToken(1).image)) {
                name = name + " " + getNextToken().image;
            }
        }
        [
            <LPAREN> precision = TypeLength()
            [ <COMMA> scale = TypeLength() ]
            <RPAREN>
        ]
    )
    {
        final TypeDecl type = TypeNames.resolve(name, precision, scale, withTimeZone);
        if (type == null) {
            throw SqlUtil.newContextException(namePos, RESOURCE.unknownDatatypeName(name));
        }
        return type;
    }
}

/** ON DELETE / ON UPDATE referential action, kept as its SQL words. */
String ReferentialAction() :
{
}
{
    <CASCADE> { return "CASCADE"; }
|   <RESTRICT> { return "RESTRICT"; }
|   LOOKAHEAD(2) <SET> <NULL> { return "SET NULL"; }
|   <SET> <DEFAULT_> { return "SET DEFAULT"; }
|   <NO> <ACTION> { return "NO ACTION"; }
}

/** REFERENCES t [(c, ...)] [ON DELETE action] [ON UPDATE action]. */
ForeignKeyRef References() :
{
    final SqlIdentifier table;
    SqlNodeList columns = SqlNodeList.EMPTY;
    String onDelete = null;
    String onUpdate = null;
}
{
    <REFERENCES> table = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    (
        LOOKAHEAD(2)
        <ON>
        (
            <DELETE> onDelete = ReferentialAction()
        |   <UPDATE> onUpdate = ReferentialAction()
        )
    )*
    {
        return new ForeignKeyRef(table, TypeNames.names(columns), onDelete, onUpdate);
    }
}

/** GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [( sequence options )]. */
Identity IdentityClause() :
{
    final Identity identity;
}
{
    <GENERATED>
    (
        <ALWAYS> { identity = Identity.ALWAYS; }
    |   <BY> <DEFAULT_> { identity = Identity.BY_DEFAULT; }
    )
    <AS> <IDENTITY>
    [ <LPAREN> SkipToClosingParen() <RPAREN> ]
    { return identity; }
}

/**
 * Skips the tokens of a parenthesized list up to (not including) its closing parenthesis: the
 * sequence options of an identity column, which PluresDB does not use (its ids are
 * cluster-unique 64-bit values).
 */
JAVACODE void SkipToClosingParen() {
    int depth = 1;
    while (true) {
        final Token t = getToken(1);
        if (t.kind == EOF) {
            return;
        }
        if (t.kind == LPAREN) {
            depth++;
        } else if (t.kind == RPAREN && --depth == 0) {
            return;
        }
        getNextToken();
    }
}

/**
 * The STORED or VIRTUAL after a generated column's expression: both are computed by the writing
 * node and stored (a receiving node takes the value, never recomputing it).
 */
JAVACODE void SkipStorageWord() {
    final Token t = getToken(1);
    if (t.image.equalsIgnoreCase("STORED") || t.image.equalsIgnoreCase("VIRTUAL")) {
        getNextToken();
    }
}

/** One column definition with its column constraints, in any order. */
ColumnDecl ColumnDefinition() :
{
    final SqlIdentifier id;
    TypeDecl type = TypeNames.UNTYPED;
    final Token first;
    SqlIdentifier collation = null;
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    SqlNode defaultValue = null;
    SqlNode check = null;
    ForeignKeyRef references = null;
    Identity identity = Identity.NONE;
    SqlNode generated = null;
}
{
    id = SimpleIdentifier()
    [
        // SQLite lets a column have no type: it holds any value
        LOOKAHEAD({ TypeNames.startsType(getToken(1).image) })
        { first = getToken(1); }
        type = ColumnTypeDecl()
        {
            // the type as written, which PRAGMA table_info shows
            type = type.declaredAs(TypeNames.sourceText(getOriginalSql(), first.beginLine,
                first.beginColumn, getToken(0).endLine, getToken(0).endColumn));
        }
    ]
    (
        [ <CONSTRAINT> SimpleIdentifier() ]
        (
            <NOT> <NULL> { notNull = true; }
        |   <NULL> { notNull = false; }
        |   <PRIMARY> <KEY> [ <ASC> | <DESC> ] { primaryKey = true; }
        |   <UNIQUE> { unique = true; }
        |   <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_NON_QUERY)
            {
                // SQLite's DEFAULT takes a term: in "DEFAULT 0 NOT NULL" the NOT NULL is the
                // constraint, not the postfix operator
                if (defaultValue.getKind() == SqlKind.IS_NOT_NULL) {
                    defaultValue = ((SqlCall) defaultValue).operand(0);
                    notNull = true;
                }
            }
        |   <CHECK> <LPAREN> check = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN>
        |   references = References()
        |   LOOKAHEAD(4) <GENERATED> <ALWAYS> <AS> <LPAREN>
            generated = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> SkipStorageWord()
        |   identity = IdentityClause()
        |   <AS> <LPAREN> generated = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN>
            SkipStorageWord()
        |   ( <AUTO_INCREMENT> | <AUTOINCREMENT> ) { identity = Identity.AUTO_INCREMENT; }
        |   <COLLATE> collation = SimpleIdentifier()
            {
                if (!SqliteOperators.isCollation(collation.getSimple())) {
                    throw new ParseException(
                        "no such collation sequence: " + collation.getSimple());
                }
            }
        )
    )*
    {
        return new ColumnDecl(id.getSimple(), type, notNull, primaryKey, unique,
            defaultValue, check, references, identity, TypeNames.collation(collation), generated);
    }
}

/** A table constraint: [CONSTRAINT n] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY. */
TableConstraint TableConstraintDefinition() :
{
    SqlIdentifier name = null;
    final SqlNodeList columns;
    final SqlNode check;
    final ForeignKeyRef references;
}
{
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> columns = ParenthesizedSimpleIdentifierList() {
            return TableConstraint.primaryKey(TypeNames.name(name), TypeNames.names(columns));
        }
    |   <UNIQUE> columns = ParenthesizedSimpleIdentifierList() {
            return TableConstraint.unique(TypeNames.name(name), TypeNames.names(columns));
        }
    |   <CHECK> <LPAREN> check = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            return TableConstraint.check(TypeNames.name(name), check);
        }
    |   <FOREIGN> <KEY> columns = ParenthesizedSimpleIdentifierList()
        references = References() {
            return TableConstraint.foreignKey(TypeNames.name(name), TypeNames.names(columns),
                references);
        }
    )
}

void TableElement(List<ColumnDecl> columns, List<TableConstraint> constraints) :
{
    final ColumnDecl column;
    final TableConstraint constraint;
}
{
    (
        constraint = TableConstraintDefinition() { constraints.add(constraint); }
    |   column = ColumnDefinition() { columns.add(column); }
    )
}

SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<ColumnDecl> columns = new ArrayList<ColumnDecl>();
    final List<TableConstraint> constraints = new ArrayList<TableConstraint>();
    final Token first;
    final SqlNode query;
}
{
    <TABLE> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    (
        <LPAREN>
        TableElement(columns, constraints)
        ( <COMMA> TableElement(columns, constraints) )*
        <RPAREN>
        {
            return new SqlCreateTable(s.end(this), replace, ifNotExists, id, columns, constraints);
        }
    |
        <AS> { first = getToken(1); }
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        {
            // CREATE TABLE x AS SELECT ...: the query is kept as written, to insert its rows
            final Token last = getToken(0);
            return new SqlCreateTableAs(s.end(this), ifNotExists, id, query,
                TypeNames.sourceText(getOriginalSql(), first.beginLine, first.beginColumn,
                    last.endLine, last.endColumn));
        }
    )
}

/** CREATE [UNIQUE] INDEX [IF NOT EXISTS] n ON t [USING m] (cols) [WITH (k = v, ...)]. */
SqlCreate SqlCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    String method = null;
    final SqlNodeList columns;
    final List<IndexOption> withOptions = new ArrayList<IndexOption>();
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier()
    <ON> table = CompoundIdentifier()
    [ <USING> method = Identifier() ]
    columns = IndexColumnList()
    [ <WITH> <LPAREN> AddIndexOption(withOptions) ( <COMMA> AddIndexOption(withOptions) )* <RPAREN> ]
    {
        return new SqlCreateIndex(s.end(this), replace, ifNotExists, unique, name, table,
            method, TypeNames.names(columns), withOptions);
    }
}

/** Index columns; ASC/DESC are accepted and ignored (SQLite and the catalog keep no order). */
SqlNodeList IndexColumnList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <LPAREN> { s = span(); }
    id = SimpleIdentifier() [ <ASC> | <DESC> ] { list.add(id); }
    (
        <COMMA> id = SimpleIdentifier() [ <ASC> | <DESC> ] { list.add(id); }
    )*
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

void AddIndexOption(List<IndexOption> list) :
{
    final String key;
    final SqlNode value;
}
{
    key = Identifier() <EQ>
    (
        value = StringLiteral()
    |   value = NumericLiteral()
    |   value = SimpleIdentifier()
    )
    { list.add(new IndexOption(key, value)); }
}

SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final Token first;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> { first = getToken(1); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        // The view keeps its query as the user wrote it, cut from the statement's text.
        final Token last = getToken(0);
        final String querySql = TypeNames.sourceText(getOriginalSql(), first.beginLine,
            first.beginColumn, last.endLine, last.endColumn);
        return new SqlCreateView(s.end(this), replace, name,
            columns == null ? null : TypeNames.names(columns), query, querySql);
    }
}

/** DROP TABLE, DROP VIEW (each optionally CASCADE or RESTRICT), DROP INDEX or DROP SEQUENCE. */
SqlDrop SqlDropObject(Span s, boolean replace) :
{
    final SqlDropObject.ObjectKind kind;
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    (
        <TABLE> ifExists = IfExistsOpt() name = CompoundIdentifier()
        [ <CASCADE> | <RESTRICT> ]
        { kind = SqlDropObject.ObjectKind.TABLE; }
    |
        <VIEW> ifExists = IfExistsOpt() name = CompoundIdentifier()
        [ <CASCADE> | <RESTRICT> ]
        { kind = SqlDropObject.ObjectKind.VIEW; }
    |
        <INDEX> ifExists = IfExistsOpt() name = CompoundIdentifier()
        { kind = SqlDropObject.ObjectKind.INDEX; }
    |
        <SEQUENCE> ifExists = IfExistsOpt() name = CompoundIdentifier()
        [ <CASCADE> | <RESTRICT> ]
        { kind = SqlDropObject.ObjectKind.SEQUENCE; }
    )
    { return new SqlDropObject(s.end(this), kind, ifExists, name); }
}

/**
 * ALTER TABLE [IF EXISTS] t ADD [COLUMN] [IF NOT EXISTS] col type ...,
 * or ALTER TABLE [IF EXISTS] t ADD [CONSTRAINT n] table-constraint,
 * or ALTER TABLE [IF EXISTS] t DROP CONSTRAINT [IF EXISTS] n,
 * or ALTER TABLE [IF EXISTS] t DROP [COLUMN] c,
 * or ALTER TABLE [IF EXISTS] t RENAME [COLUMN] a TO b, or ALTER TABLE [IF EXISTS] t RENAME TO u,
 * or ALTER TABLE [IF EXISTS] t ALTER [COLUMN] c SET NOT NULL | DROP NOT NULL | SET DEFAULT e |
 * DROP DEFAULT | [SET DATA] TYPE type (PostgreSQL's words; SQLite has no such statement).
 */
SqlNode SqlAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    boolean ifNotExists = false;
    final ColumnDecl column;
    final TableConstraint constraint;
    SqlIdentifier constraintName;
    SqlIdentifier to;
    final AlterAction action;
    SqlNode defaultValue;
    TypeDecl type;
}
{
    <ALTER> { s = span(); } <TABLE> ifExists = IfExistsOpt() name = CompoundIdentifier()
    (
        <ALTER> [ <COLUMN> ] constraintName = SimpleIdentifier()
        (
            <SET>
            (
                <NOT> <NULL> {
                    action = new AlterAction.AlterColumn(constraintName.getSimple(),
                        AlterAction.ColumnChange.SET_NOT_NULL, null, null);
                }
            |   <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_NON_QUERY) {
                    action = new AlterAction.AlterColumn(constraintName.getSimple(),
                        AlterAction.ColumnChange.SET_DEFAULT, defaultValue, null);
                }
            |   <DATA> <TYPE> type = AlteredType() {
                    action = new AlterAction.AlterColumn(constraintName.getSimple(),
                        AlterAction.ColumnChange.TYPE, null, type);
                }
            )
        |   <DROP>
            (
                <NOT> <NULL> {
                    action = new AlterAction.AlterColumn(constraintName.getSimple(),
                        AlterAction.ColumnChange.DROP_NOT_NULL, null, null);
                }
            |   <DEFAULT_> {
                    action = new AlterAction.AlterColumn(constraintName.getSimple(),
                        AlterAction.ColumnChange.DROP_DEFAULT, null, null);
                }
            )
        |   <TYPE> type = AlteredType() {
                action = new AlterAction.AlterColumn(constraintName.getSimple(),
                    AlterAction.ColumnChange.TYPE, null, type);
            }
        )
    |
        <ADD>
        (
            constraint = TableConstraintDefinition() {
                action = new AlterAction.AddConstraint(constraint);
            }
        |
            [ <COLUMN> ] ifNotExists = IfNotExistsOpt() column = ColumnDefinition() {
                action = new AlterAction.AddColumn(column, ifNotExists);
            }
        )
    |
        <DROP>
        (
            <CONSTRAINT> ifNotExists = IfExistsOpt() constraintName = SimpleIdentifier() {
                action = new AlterAction.DropConstraint(
                    TypeNames.name(constraintName), ifNotExists);
            }
        |
            [ <COLUMN> ] constraintName = SimpleIdentifier() {
                action = new AlterAction.DropColumn(constraintName.getSimple());
            }
        )
    |
        <RENAME>
        (
            <TO> to = CompoundIdentifier() {
                action = new AlterAction.RenameTable(to);
            }
        |
            [ <COLUMN> ] constraintName = SimpleIdentifier() <TO> to = SimpleIdentifier() {
                action = new AlterAction.RenameColumn(
                    constraintName.getSimple(), to.getSimple());
            }
        )
    )
    { return new SqlAlterTable(s.end(this), ifExists, name, action); }
}

/** The new type of ALTER COLUMN … TYPE, with its words as written (PRAGMA table_info shows them). */
TypeDecl AlteredType() :
{
    final Token first;
    TypeDecl type;
}
{
    { first = getToken(1); }
    type = ColumnTypeDecl()
    {
        return type.declaredAs(TypeNames.sourceText(getOriginalSql(), first.beginLine,
            first.beginColumn, getToken(0).endLine, getToken(0).endColumn));
    }
}

/** TRUNCATE [TABLE] t: deletes every row, as DELETE FROM t does. */
SqlNode SqlTruncateTable() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <TRUNCATE> { s = span(); } [ <TABLE> ] name = CompoundIdentifier()
    { return new SqlTruncateTable(s.end(this), name, false); }
}

/**
 * CREATE SEQUENCE [IF NOT EXISTS] name [START [WITH] n] [INCREMENT [BY] n], the options in any
 * order.
 */
SqlCreate SqlCreateSequence(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    long start = 1;
    int increment = 1;
}
{
    <SEQUENCE> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier()
    (
        <START> [ <WITH> ] start = IntLiteral()
    |
        <INCREMENT> [ <BY> ] increment = IntLiteral()
    )*
    {
        return new SqlCreateSequence(s.end(this), replace, ifNotExists, name, start, increment);
    }
}

/** NEXT VALUE FOR sequence (Calcite's own rule wants the keyword VALUE, see VALUE_WORD). */
SqlNode NextValueFor() :
{
    final Span s;
    final SqlIdentifier sequence;
}
{
    <NEXT> { s = span(); } <VALUE_WORD> <FOR> sequence = CompoundIdentifier()
    { return SqlStdOperatorTable.NEXT_VALUE.createCall(s.end(sequence), sequence); }
}
