package org.linli.grievance;

import java.time.Duration;

import org.linli.grievance.GrievancePhotos.PhotoContent;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A photo as an HTTP answer, the same for the application API and the portal: its checked type, shown inline,
 * never sniffed or run as anything else, cached by this browser only (it is personal data).
 */
public final class PhotoResponses {

    private PhotoResponses() {
    }

    public static ResponseEntity<byte[]> of(PhotoContent photo) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.photo().contentType()))
                .contentLength(photo.content().length)
                .eTag("\"" + photo.photo().sha256() + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("Content-Disposition",
                        ContentDisposition.inline().filename(photo.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(photo.content());
    }
}
