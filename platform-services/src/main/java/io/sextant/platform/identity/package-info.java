/**
 * Native identity: operators and their console roles, the built-in identity provider's signing
 * keys (rotation, JWKS), token revocation, personal access tokens, nonces, login throttling and
 * console sessions — all of it kept in PostgreSQL.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.sextant.platform.identity;

import org.jspecify.annotations.NullMarked;
