package io.sextant.platform.authz;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The circumstances of a request: when (from the injected clock), from which address, with which risk score. */
public record RequestContext(@Nullable Instant time, @Nullable String ip, @Nullable BigDecimal risk) {

    public static RequestContext at(Instant time) {
        return new RequestContext(time, null, null);
    }
}
