package io.sextant.platform.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTests {

    private static List<String> texts(String sql) {
        return StatementSplitter.split(sql).stream().map(SqlStatement::text).toList();
    }

    @Test
    void semicolonsInsideDollarQuotesDoNotSplit() {
        String fn = "create function f() returns int language plpgsql as $$ begin perform 1; return 2; end $$";
        String tagged = "do $body$ begin raise notice '$$;'; end $body$";
        assertThat(texts(fn + ";\n" + tagged + ";\nselect 1")).containsExactly(fn, tagged, "select 1");
    }

    @Test
    void dollarParametersAndPlaceholdersAreNotQuotes() {
        assertThat(texts("prepare p as select $1; grant usage on schema s to ${app_role};"))
                .containsExactly("prepare p as select $1", "grant usage on schema s to ${app_role}");
    }

    @Test
    void stringsWithDoubledQuotesAndEscapeStrings() {
        String a = "insert into t values ('it''s; fine')";
        String b = "insert into t values (E'back\\'slash; still')";
        assertThat(texts(a + "; " + b + "; select 2")).containsExactly(a, b, "select 2");
    }

    @Test
    void quotedIdentifiersAndComments() {
        String sql = "-- a comment; with a semicolon\ncreate table \"we;ird\" (id bigint); /* outer /* nested; */ still; */ select 1; -- end;";
        assertThat(texts(sql)).containsExactly("create table \"we;ird\" (id bigint)", "select 1");
    }

    @Test
    void atomicFunctionBodiesStayWhole() {
        String fn = "create function f(a int) returns int begin atomic select case when a > 0 then 1 else 2 end; select 3; end";
        assertThat(texts(fn + "; select 4")).containsExactly(fn, "select 4");
    }

    @Test
    void reportsOffsetLineAndColumnOfEachStatement() {
        String sql = "select 1;\n  /* c */ select 2;\n\n   select\n 3";
        List<SqlStatement> statements = StatementSplitter.split(sql);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 4);
        assertThat(statements).extracting(SqlStatement::column).containsExactly(1, 11, 4);
        assertThat(statements.get(1).offset()).isEqualTo(sql.indexOf("select 2"));
        assertThat(statements.get(2).text()).isEqualTo("select\n 3");
        assertThat(statements).extracting(SqlStatement::index).containsExactly(0, 1, 2);
    }

    @Test
    void emptyStatementsAndUnterminatedInputAreHandled() {
        assertThat(texts(";;  ;")).isEmpty();
        assertThat(texts("select 'unterminated; ")).containsExactly("select 'unterminated; ");
        assertThat(texts("select 1 /* never closed; select 2")).containsExactly("select 1");
    }
}
