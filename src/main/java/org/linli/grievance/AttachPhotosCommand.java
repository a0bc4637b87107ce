package org.linli.grievance;

import java.util.List;

/** The filing resident attaches the photos they uploaded before filing (ids from {@link UploadPhotoCommand}). */
public record AttachPhotosCommand(String caseNumber, List<String> photoIds) {

    public AttachPhotosCommand {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }
}
