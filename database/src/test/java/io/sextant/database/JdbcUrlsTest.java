package io.sextant.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlsTest {

    private static final String SECRET = "s3cr3t-Value_42";

    @Test
    void hidesAPasswordQueryParameter() {
        String redacted = JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/sextant?user=sextant_app&password=" + SECRET);
        assertThat(redacted)
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/sextant?user=sextant_app&password=****")
                .doesNotContain(SECRET);
    }

    @Test
    void hidesAPasswordParameterWhateverItsCase() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/sextant?PASSWORD=" + SECRET + "&user=a"))
                .isEqualTo("jdbc:postgresql://db/sextant?PASSWORD=****&user=a");
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/sextant?user=a&Password=" + SECRET))
                .isEqualTo("jdbc:postgresql://db/sextant?user=a&Password=****");
    }

    @Test
    void hidesTheSslKeyPassword() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/sextant?sslmode=verify-full&sslpassword=" + SECRET + "&user=a"))
                .isEqualTo("jdbc:postgresql://db/sextant?sslmode=verify-full&sslpassword=****&user=a");
    }

    @Test
    void hidesEveryPasswordWhenThereAreSeveral() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/x?password=" + SECRET + "&sslpassword=" + SECRET + "2"))
                .isEqualTo("jdbc:postgresql://db/x?password=****&sslpassword=****");
    }

    @Test
    void hidesThePasswordInUserInfoButKeepsTheUser() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://sextant_owner:" + SECRET + "@db.example:5432/sextant"))
                .isEqualTo("jdbc:postgresql://sextant_owner:****@db.example:5432/sextant");
        assertThat(JdbcUrls.redact("postgresql://u:" + SECRET + "@127.0.0.1/sextant?sslmode=require"))
                .isEqualTo("postgresql://u:****@127.0.0.1/sextant?sslmode=require");
    }

    @Test
    void hidesAPercentEncodedUserInfoPassword() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:p%40ss%2Fword@db/sextant"))
                .isEqualTo("jdbc:postgresql://u:****@db/sextant");
    }

    @Test
    void keepsAnEmptyPasswordParameterRedactedToo() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/sextant?password=&user=a"))
                .isEqualTo("jdbc:postgresql://db/sextant?password=****&user=a");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:5432/sextant",
            "jdbc:postgresql://127.0.0.1:5432/sextant?user=sextant_app&sslmode=require&ApplicationName=console",
            "jdbc:postgresql://db1:5432,db2:5433/sextant?targetServerType=primary&currentSchema=security",
            "jdbc:postgresql://sextant_app@db/sextant",
            "jdbc:postgresql://db/sextant?passwordless=true&mypassword=visible",
            "jdbc:postgresql:sextant"
    })
    void leavesUrlsWithoutPasswordsUnchanged(String url) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(url);
    }

    @Test
    void leavesParametersOtherThanThePasswordUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/sextant?user=a&password=" + SECRET + "&sslmode=require&connectTimeout=5"))
                .isEqualTo("jdbc:postgresql://db:5432/sextant?user=a&password=****&sslmode=require&connectTimeout=5");
    }

    @Test
    void saysNoneForAMissingUrl() {
        assertThat(JdbcUrls.redact(null)).isEqualTo("(none)");
    }
}
