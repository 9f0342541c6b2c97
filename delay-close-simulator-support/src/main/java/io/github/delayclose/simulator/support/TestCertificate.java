package io.github.delayclose.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed X.509 certificate with its RSA 2048 key pair, made when it is created by the JDK's
 * {@code keytool} (the JDK has no public API to write certificates): a stand-in for a provider's
 * platform certificate, never a real one.
 */
public final class TestCertificate {

    private static final char[] PASSWORD = "simulator".toCharArray();

    private final X509Certificate certificate;

    private final TestKeyPair keys;

    private TestCertificate(X509Certificate certificate, TestKeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    /** A new certificate for {@code commonName}, valid for two days. */
    public static TestCertificate generate(String commonName) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("test-certificate");
            Path store = dir.resolve("store.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "certificate", "-keyalg",
                    "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "2", "-dname", "CN=" + commonName,
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD), "-noprompt")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a test certificate: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD);
            }
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate("certificate");
            PrivateKey privateKey = (PrivateKey) keyStore.getKey("certificate", PASSWORD);
            return new TestCertificate(certificate, TestKeyPair.of(new KeyPair(certificate.getPublicKey(), privateKey)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot make a test certificate", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot read the test certificate keytool made", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a test certificate", ex);
        }
        finally {
            deleteQuietly(dir);
        }
    }

    /** Its key pair, whose private key signs as the certificate's owner. */
    public TestKeyPair keys() {
        return keys;
    }

    /** Its serial number in upper-case hexadecimal, as providers name their certificates. */
    public String serialNumber() {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /** The certificate as a PEM block. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        }
        catch (java.security.cert.CertificateEncodingException ex) {
            throw new IllegalStateException("cannot encode the test certificate", ex);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary directory left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "TestCertificate[serial=" + serialNumber() + ", private key not shown]";
    }
}
