package io.sextant.platform.identity;

import static io.sextant.platform.identity.internal.JooqSigningKeyRepository.utc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.sextant.database.KeySealer;
import io.sextant.jooq.security.tables.records.SigningKeyRecord;
import io.sextant.platform.audit.AuditEntry;
import io.sextant.platform.audit.AuditLog;
import io.sextant.platform.identity.internal.JooqSigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life cycle of the identity provider's signing keys. A rotation publishes a new key in JWKS
 * {@link IdentityProperties#publishLead()} before it signs, so relying parties that cache JWKS
 * already know it; the key it replaces keeps being published until every token it signed has
 * expired ({@link IdentityProperties#tokenTtl()}), then it is retired and its tokens are refused.
 * Every transition is audited. Private keys are stored sealed ({@link KeySealer}): reading the
 * database alone yields no key that can sign. See docs/decisions/D005-identity.md.
 */
@Service
public class SigningKeyService {

    static final String ALGORITHM = "RS256";

    private final JooqSigningKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityProperties properties;
    private final KeySealer sealer;

    SigningKeyService(JooqSigningKeyRepository keys, AuditLog audit, Clock clock, IdentityProperties properties, KeySealer sealer) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.sealer = sealer;
    }

    /**
     * At start-up: every live private key opens with the key-encryption key, or start-up stops with
     * the reason. Keys stored in clear by a version before sealing are sealed in place, but only
     * while no sealed key exists: afterwards a clear key can only have been written into the
     * database behind the console's back, and it is refused.
     */
    @Transactional
    public void sealAtRest() {
        List<SigningKeyRecord> live = keys.lockLive().stream().filter(k -> k.getPrivateKey().length > 0).toList();
        boolean anySealed = live.stream().anyMatch(k -> KeySealer.isSealed(k.getPrivateKey()));
        for (SigningKeyRecord k : live) {
            if (KeySealer.isSealed(k.getPrivateKey())) {
                sealer.open(k.getPrivateKey(), context(k.getKid()));
            } else if (anySealed) {
                throw new KeySealer.SealedKeyException("Signing key " + k.getKid() + " is stored unencrypted although the other keys are "
                        + "encrypted: it was not written by the console. Remove it (security.signing_key) before starting again.");
            } else {
                k.setPrivateKey(sealer.seal(k.getPrivateKey(), context(k.getKid())));
                keys.update(k);
                audit.append(AuditEntry.succeeded("identity.signing-key.seal", "signing-key", k.getKid(), Map.of()));
            }
        }
    }

    /** What a sealed signing key is bound to: its table and key id. */
    static String context(String kid) {
        return "security.signing_key/" + kid;
    }

    /** All keys ever made, newest first. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<SigningKeyInfo> list() {
        return keys.all();
    }

    /** Starts a rotation: publishes a new key that will begin to sign after the publish lead time. */
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Transactional
    public SigningKeyInfo rotate() {
        keys.lockLive();
        Instant now = clock.instant();
        SigningKeyRecord key = newKey(now, now.plus(properties.publishLead()), "published");
        keys.insert(key);
        audit.append(AuditEntry.succeeded("identity.signing-key.rotate", "signing-key", key.getKid(),
                Map.of("activateAfter", key.getActivateAfter().toString())));
        return info(key);
    }

    /** Makes sure a key signs; on a fresh installation creates the first one, active at once. */
    @Transactional
    public void ensureSigningKey() {
        List<SigningKeyRecord> live = keys.lockLive();
        if (live.stream().noneMatch(k -> "active".equals(k.getState()) || "published".equals(k.getState()))) {
            Instant now = clock.instant();
            SigningKeyRecord key = newKey(now, now, "active");
            key.setActivatedAt(utc(now));
            keys.insert(key);
            audit.append(AuditEntry.succeeded("identity.signing-key.create", "signing-key", key.getKid(), Map.of()));
        }
        advance();
    }

    /** Moves keys along their life cycle as time passes; runs every minute and at start-up. */
    @Scheduled(fixedDelayString = "${sextant.identity.key-check-interval:PT1M}", initialDelayString = "PT1M")
    @Transactional
    public void advance() {
        Instant now = clock.instant();
        List<SigningKeyRecord> live = keys.lockLive();
        Optional<SigningKeyRecord> due = live.stream()
                .filter(k -> "published".equals(k.getState()) && !k.getActivateAfter().toInstant().isAfter(now))
                .reduce((a, b) -> b);
        if (due.isPresent()) {
            for (SigningKeyRecord k : live) {
                if ("active".equals(k.getState())) {
                    k.setState("retiring");
                    k.setRetireAfter(utc(now.plus(properties.tokenTtl())));
                    keys.update(k);
                }
            }
            SigningKeyRecord next = due.get();
            next.setState("active");
            next.setActivatedAt(utc(now));
            keys.update(next);
            audit.append(AuditEntry.succeeded("identity.signing-key.activate", "signing-key", next.getKid(), Map.of()));
        }
        for (SigningKeyRecord k : live) {
            if ("retiring".equals(k.getState()) && k.getRetireAfter() != null && !k.getRetireAfter().toInstant().isAfter(now)) {
                k.setState("retired");
                k.setRetiredAt(utc(now));
                k.setPrivateKey(new byte[0]);
                keys.update(k);
                audit.append(AuditEntry.succeeded("identity.signing-key.retire", "signing-key", k.getKid(), Map.of()));
            }
        }
    }

    /** The keys relying parties may verify with (JWKS): published, active and retiring. The active one carries its private part. */
    public JWKSet jwkSet() {
        List<JWK> jwks = new ArrayList<>();
        for (SigningKeyRecord r : keys.published()) {
            jwks.add(toJwk(r, "active".equals(r.getState()) ? sealer.open(r.getPrivateKey(), context(r.getKid())) : null));
        }
        return new JWKSet(jwks);
    }

    /** The id of the key that signs now. */
    public Optional<String> activeKeyId() {
        return keys.published().stream().filter(k -> "active".equals(k.getState())).map(SigningKeyRecord::getKid).findFirst();
    }

    private SigningKeyRecord newKey(Instant now, Instant activateAfter, String state) {
        KeyPair pair = generate();
        SigningKeyRecord r = new SigningKeyRecord();
        r.setKid(UUID.randomUUID().toString());
        r.setAlgorithm(ALGORITHM);
        r.setState(state);
        r.setPublicKey(pair.getPublic().getEncoded());
        r.setPrivateKey(sealer.seal(pair.getPrivate().getEncoded(), context(r.getKid())));
        r.setCreatedAt(utc(now));
        r.setActivateAfter(utc(activateAfter));
        return r;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWK toJwk(SigningKeyRecord r, byte @Nullable [] privateKey) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            RSAKey.Builder b = new RSAKey.Builder((RSAPublicKey) f.generatePublic(new X509EncodedKeySpec(r.getPublicKey())))
                    .keyID(r.getKid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            if (privateKey != null) {
                b.privateKey((RSAPrivateKey) f.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
            }
            return b.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + r.getKid() + " cannot be read", e);
        }
    }

    private static SigningKeyInfo info(SigningKeyRecord r) {
        return new SigningKeyInfo(r.getKid(), SigningKeyInfo.KeyState.of(r.getState()), r.getAlgorithm(),
                r.getCreatedAt().toInstant(), r.getActivateAfter().toInstant(), null, null, null);
    }
}
