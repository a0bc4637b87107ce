package org.linli.grievance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A photo someone uploads: to their own open case, as the resident who filed it or as staff working on it, or with
 * {@code caseNumber} null before filing (the filing then attaches it, {@link AttachPhotosCommand}).
 *
 * @param caseNumber the case, or null for a photo that waits for its filing
 * @param content    the file as uploaded; its type is told by its first bytes
 */
public record UploadPhotoCommand(String caseNumber, byte[] content) {

    /** The SHA-256 of the content, hex: stored with the photo, and the fingerprint of a retried upload. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
