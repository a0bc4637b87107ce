package org.linli.grievance;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.grievance.GrievancePhotos.PhotoView;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/grievances/{caseNumber}/photos")
@Tag(name = "民生诉求 Grievances")
class GrievancePhotoController {

    private final GrievancePhotos photos;

    GrievancePhotoController(GrievancePhotos photos) {
        this.photos = photos;
    }

    @GetMapping
    @Operation(summary = "The photos of a grievance (reporter, staff working on the case)")
    List<PhotoView> list(@PathVariable String caseNumber) {
        return photos.ofCase(caseNumber, CurrentUser.get());
    }

    @GetMapping("/{photoId}")
    @Operation(summary = "One photo's bytes (reporter, staff working on the case; staff downloads are audited)")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable String photoId) {
        return PhotoResponses.of(photos.download(caseNumber, photoId, CurrentUser.get()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a JPEG, PNG or WebP photo to an open grievance (part 'file')",
            description = "Staff working on the case upload photos of the site; the handle form's photo references "
                    + "are the ids answered here. The reporter may add photos of their own.")
    PhotoView upload(@PathVariable String caseNumber, @RequestPart("file") MultipartFile file) throws IOException {
        return photos.upload(new UploadPhotoCommand(caseNumber, file.getBytes()), CurrentUser.get());
    }
}
