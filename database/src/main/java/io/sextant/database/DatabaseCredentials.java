package io.sextant.database;

/**
 * Where the platform database is and the two roles the console uses: the owner, which runs
 * migrations and provisioning, and the runtime role, which is neither a superuser nor exempt
 * from row-level security. {@link #toString()} never shows a password.
 */
public record DatabaseCredentials(
        String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    @Override
    public String toString() {
        return "DatabaseCredentials[url=" + JdbcUrls.redact(url) + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
