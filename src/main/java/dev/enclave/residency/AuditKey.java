package dev.enclave.residency;

import dev.enclave.EnclaveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A data steward's key for signing audit entries with HMAC-SHA256. It is kept outside the run folder: in a file
 * ({@code --key-file}) or in the environment variable {@value #ENVIRONMENT_VARIABLE}. With it, a change to any entry
 * is caught at that entry, and nobody without the key can rewrite the chain so that it verifies again.
 */
public final class AuditKey {
    /** The environment variable that may hold the key (its UTF-8 bytes). */
    public static final String ENVIRONMENT_VARIABLE = "ENCLAVE_AUDIT_KEY";
    /** The shortest key accepted, in bytes. */
    public static final int MIN_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String source;
    private final Path file;

    private AuditKey(byte[] bytes, String source, Path file) {
        if (bytes.length < MIN_BYTES) {
            throw EnclaveException.badInput("audit key from " + source + " is " + bytes.length + " bytes; it must be"
                    + " at least " + MIN_BYTES);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.source = source;
        this.file = file;
        Arrays.fill(bytes, (byte) 0);
    }

    /** A key from raw bytes; {@code source} names where it came from in messages. */
    public static AuditKey of(byte[] bytes, String source) {
        return new AuditKey(bytes.clone(), source, null);
    }

    /**
     * The key to use: from {@code keyFile} when given (its bytes, without a trailing line break), else from
     * {@value #ENVIRONMENT_VARIABLE} in {@code environment}, else none.
     */
    public static Optional<AuditKey> resolve(Path keyFile, Map<String, String> environment) {
        if (keyFile != null) {
            return Optional.of(fromFile(keyFile));
        }
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditKey(value.getBytes(StandardCharsets.UTF_8), ENVIRONMENT_VARIABLE, null));
    }

    private static AuditKey fromFile(Path keyFile) {
        try {
            byte[] bytes = Files.readAllBytes(keyFile);
            int length = bytes.length;
            while (length > 0 && (bytes[length - 1] == '\n' || bytes[length - 1] == '\r')) {
                length--;
            }
            byte[] key = Arrays.copyOf(bytes, length);
            Arrays.fill(bytes, (byte) 0);
            return new AuditKey(key, keyFile.toString(), keyFile.toAbsolutePath().normalize());
        } catch (NoSuchFileException e) {
            throw EnclaveException.badInput(keyFile + ": audit key file not found (--key-file)");
        } catch (IOException e) {
            throw EnclaveException.badInput(keyFile + ": cannot read audit key file (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /** Stops the run when the key file lies inside {@code runFolder}, where whoever edits the log could read it. */
    public void requireOutside(Path runFolder) {
        if (file != null && ResidencyPolicy.canonical(file).startsWith(ResidencyPolicy.canonical(runFolder))) {
            throw EnclaveException.badInput(source + ": the audit key file must be kept outside the run folder "
                    + runFolder);
        }
    }

    /** HMAC-SHA256 of {@code text} (UTF-8), hex. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * A short public fingerprint of the key (not of its bytes alone: an HMAC of a fixed label), so a log can say
     * which key signed it without revealing anything that helps to forge entries.
     */
    public String id() {
        return sign("enclave audit key id").substring(0, 16);
    }

    /** Where the key came from: a file name or the environment variable's name. Never the key. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AuditKey[" + source + ", id " + id() + "]";
    }

    static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
