package org.signalbench.app;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.signalbench.store.RolePassphrases;
import org.signalbench.store.Session;
import org.signalbench.store.Workbench;

/**
 * Who may open what, as a use case: the expert role's passphrase, stored as a salted PBKDF2 hash
 * (the JDK's PBKDF2WithHmacSHA256) and set once per workbench. It keeps a coder from signing in as
 * the expert by mistake; it does not stop an attacker, who can read the workbench file directly
 * (docs/roles.md).
 */
public final class AccessService {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 210_000;
    /** The shortest passphrase accepted. */
    public static final int MIN_LENGTH = 8;
    private static final String EXPERT = "expert";

    /** The answer to an expert sign-in. */
    public enum Check {
        /** The passphrase matches. */
        ACCEPTED,
        /** The passphrase does not match. */
        REFUSED,
        /** No passphrase is set yet: the first expert sets it. */
        NOT_SET
    }

    /** Whether the workbench has an expert passphrase. */
    public boolean hasExpertPassphrase(Workbench workbench) {
        try (Session s = workbench.openSession()) {
            return RolePassphrases.of(s, EXPERT).isPresent();
        }
    }

    /**
     * Sets the expert passphrase; refused when one is set already (it is set once) or when it is
     * shorter than {@link #MIN_LENGTH}.
     */
    public void setExpertPassphrase(Workbench workbench, char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the expert passphrase needs at least " + MIN_LENGTH + " characters");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        RolePassphrases.Stored stored = new RolePassphrases.Stored(ALGORITHM, ITERATIONS, Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(derive(passphrase, salt, ITERATIONS)));
        try (Session s = workbench.openSession()) {
            if (!RolePassphrases.setOnce(s, EXPERT, stored)) {
                throw new IllegalStateException("this workbench has an expert passphrase already");
            }
        }
    }

    /** Checks an expert sign-in's passphrase. */
    public Check checkExpert(Workbench workbench, char[] passphrase) {
        RolePassphrases.Stored stored;
        try (Session s = workbench.openSession()) {
            stored = RolePassphrases.of(s, EXPERT).orElse(null);
        }
        if (stored == null) {
            return Check.NOT_SET;
        }
        if (passphrase == null || !ALGORITHM.equals(stored.algorithm())) {
            return Check.REFUSED;
        }
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] given = derive(passphrase, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, given) ? Check.ACCEPTED : Check.REFUSED;
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Wipes a passphrase the caller no longer needs. */
    public static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
