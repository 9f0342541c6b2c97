package io.github.delayclose.simulator.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * An RSA 2048 key pair made when it is created, for a simulated provider or merchant: no private key
 * of a real merchant is ever needed, nor committed.
 */
public final class TestKeyPair {

    private final KeyPair keys;

    private TestKeyPair(KeyPair keys) {
        this.keys = keys;
    }

    /** A new key pair. */
    public static TestKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestKeyPair(generator.generateKeyPair());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("this JVM cannot make RSA keys", ex);
        }
    }

    /** A key pair made elsewhere, e.g. with a {@link TestCertificate}. */
    public static TestKeyPair of(KeyPair keys) {
        return new TestKeyPair(keys);
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** The public key. */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** The private key as base64 PKCS#8, the form providers' consoles hand out. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    /** The public key as base64 X.509 (SubjectPublicKeyInfo). */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The public key as a PEM block. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** The private key as a PEM block. */
    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** SHA256withRSA over the UTF-8 bytes of {@code text}, base64: what RSA2 and WeChat Pay v3 sign with. */
    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot sign with a test key", ex);
        }
    }

    /** Whether {@code signatureBase64} is this key pair's SHA256withRSA signature of {@code text}. */
    public boolean verifies(String text, String signatureBase64) {
        return verifies(keys.getPublic(), text, signatureBase64);
    }

    /** Whether {@code signatureBase64} is {@code key}'s SHA256withRSA signature of {@code text}. */
    public static boolean verifies(PublicKey key, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TestKeyPair[RSA 2048, private key not shown]";
    }
}
