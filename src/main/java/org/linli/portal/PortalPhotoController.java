package org.linli.portal;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import org.linli.grievance.GrievancePhotos;
import org.linli.grievance.PhotoResponses;
import org.linli.grievance.UploadPhotoCommand;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A resident's photos: uploaded before filing (the filing names them in {@code photos}) or to their own open case,
 * once per idempotency key like every portal submission, and shown from their own cases only. The grievance
 * feature checks type (by the file's bytes), size, count and whose case it is.
 */
@RestController
@RequestMapping("/portal/api")
class PortalPhotoController {

    /** A photo id as {@link GrievancePhotos} makes them. */
    static final String PHOTO_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final GrievancePhotos photos;
    private final Submissions submissions;

    PortalPhotoController(GrievancePhotos photos, Submissions submissions) {
        this.photos = photos;
        this.submissions = submissions;
    }

    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JsonNode> uploadBeforeFiling(@RequestHeader(name = PortalController.IDEMPOTENCY_KEY,
            required = false) String key, @RequestPart("file") MultipartFile file) throws IOException {
        return upload(key, new UploadPhotoCommand(null, file.getBytes()));
    }

    @PostMapping(path = "/grievances/{caseNumber}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JsonNode> uploadToCase(@PathVariable String caseNumber,
            @RequestHeader(name = PortalController.IDEMPOTENCY_KEY, required = false) String key,
            @RequestPart("file") MultipartFile file) throws IOException {
        return upload(key, new UploadPhotoCommand(caseNumber, file.getBytes()));
    }

    @GetMapping("/grievances/{caseNumber}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String caseNumber, @PathVariable String photoId) {
        return PhotoResponses.of(photos.download(caseNumber, photoId, CurrentUser.get()));
    }

    /** What makes two uploads the same submission: the same bytes to the same place. */
    record Fingerprint(String caseNumber, String sha256) {
    }

    /** The same bytes for the same place under one key are one photo; other bytes under that key are PTL-002. */
    private ResponseEntity<JsonNode> upload(String key, UploadPhotoCommand command) {
        CurrentUser user = CurrentUser.get();
        return PortalController.answer(HttpStatus.CREATED, submissions.once(user.id(), key, "upload-photo",
                new Fingerprint(command.caseNumber(), command.sha256()), () -> photos.upload(command, user)));
    }
}
