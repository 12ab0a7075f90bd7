package nl.welkom.client.android;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;

/**
 * Encrypts the values {@link AndroidLocalStore} must not keep in the clear — the session document,
 * which holds the device token — with AES-GCM under a key the app does not hold itself. On a phone
 * use {@link #androidKeystore(String)}: the key lives in the Android Keystore (in secure hardware
 * where the phone has it), cannot be read out, and does not travel with a backup, so a copied or
 * restored database file is useless without this phone. The format is {@code sealed1:<iv>:<ciphertext>},
 * both Base64.
 */
public final class Sealer {

    static final String PREFIX = "sealed1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    /** Where the key comes from: the Keystore on a phone, a plain key in tests. */
    public interface KeySource {
        SecretKey key() throws GeneralSecurityException;
    }

    private final KeySource keys;

    /** A sealer over any AES key source (tests use a software key; a phone uses {@link #androidKeystore}). */
    public Sealer(KeySource keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * A sealer whose AES-256 key is made once in the Android Keystore under {@code alias} and used from
     * there ({@code KeyGenParameterSpec}: encrypt and decrypt, GCM, no padding, random IVs).
     */
    public static Sealer androidKeystore(String alias) {
        Objects.requireNonNull(alias, "alias");
        return new Sealer(() -> {
            KeyStore keyStore = KeyStore.getInstance("AndroidKeyStore");
            try {
                keyStore.load(null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("The Android Keystore cannot be opened", e);
            }
            if (keyStore.containsAlias(alias)) {
                return (SecretKey) keyStore.getKey(alias, null);
            }
            KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore");
            generator.init(new KeyGenParameterSpec.Builder(alias,
                    KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                    .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                    .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                    .setKeySize(256)
                    .build());
            return generator.generateKey();
        });
    }

    /** Encrypts {@code plain}; a fresh IV each time. */
    String seal(String plain) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, keys.key());
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + base64.encodeToString(cipher.getIV()) + ":" + base64.encodeToString(sealed);
    }

    /** Decrypts what {@link #seal} made. @throws GeneralSecurityException for another key or a changed value */
    String open(String sealed) throws GeneralSecurityException {
        if (!sealed.startsWith(PREFIX)) {
            throw new GeneralSecurityException("Not a sealed value");
        }
        String[] parts = sealed.substring(PREFIX.length()).split(":", 2);
        if (parts.length != 2) {
            throw new GeneralSecurityException("Not a sealed value");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, keys.key(), new GCMParameterSpec(TAG_BITS, base64.decode(parts[0])));
            return new String(cipher.doFinal(base64.decode(parts[1])), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("Not a sealed value", e);
        }
    }
}
