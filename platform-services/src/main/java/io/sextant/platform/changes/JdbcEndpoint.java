package io.sextant.platform.changes;

/**
 * Where a target lives and the owner role to reach it with. The password never appears in
 * {@link #toString()}.
 */
public record JdbcEndpoint(String host, int port, String database, String user, String password) {

    /** Parses {@code jdbc:postgresql://host:port/database[?…]}. */
    public static JdbcEndpoint parse(String url, String user, String password) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = rest.substring(0, slash);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
        return new JdbcEndpoint(host, port, rest.substring(slash + 1), user, password);
    }

    public String url() {
        return url(database);
    }

    /** The URL of another database on the same server (shadows live there). */
    public String url(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
    }

    @Override
    public String toString() {
        return "JdbcEndpoint[" + url() + " as " + user + "]";
    }
}
