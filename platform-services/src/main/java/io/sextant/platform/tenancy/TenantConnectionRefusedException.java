package io.sextant.platform.tenancy;

/** The region's server answered but refused that login (wrong password, NOLOGIN, no CONNECT privilege). */
public class TenantConnectionRefusedException extends RuntimeException {

    public TenantConnectionRefusedException(String region, String user, Exception cause) {
        super("Region " + region + " refused the login of " + user + ": " + cause.getMessage(), cause);
    }
}
