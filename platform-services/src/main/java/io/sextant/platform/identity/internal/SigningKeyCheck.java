package io.sextant.platform.identity.internal;

import io.sextant.platform.identity.SigningKeyService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before the console serves anything: the stored signing keys open with the key-encryption key,
 * so a missing or wrong key file stops start-up with the reason instead of failing sign-ins later.
 */
@Component
class SigningKeyCheck implements SmartInitializingSingleton {

    private final SigningKeyService keys;

    SigningKeyCheck(SigningKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        keys.sealAtRest();
    }
}
