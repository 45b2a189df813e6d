package io.sextant.database;

import java.util.regex.Pattern;

/** Helpers for showing JDBC URLs to people without leaking what they may carry. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](?:password|sslpassword|sslkey|secret)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)([^/@:]+):([^/@]*)@");

    private JdbcUrls() {
    }

    /** The URL with any password (query parameter or user-info) replaced by {@code ****}. */
    public static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        String s = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(s).replaceAll("$1$2:****@");
    }
}
