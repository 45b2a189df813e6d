package io.sextant.platform.tenancy;

/**
 * No project (or provisioning run) has that id. An {@link IllegalArgumentException}, as before, so
 * callers that treat a wrong id as bad input keep working; the REST facade answers it with 404.
 */
public class TenancyNotFoundException extends IllegalArgumentException {

    public TenancyNotFoundException(String message) {
        super(message);
    }
}
