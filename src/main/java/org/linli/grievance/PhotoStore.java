package org.linli.grievance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.linli.grievance.GrievancePhotos.PhotoView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code grv_attachment}: the photos' rows and bytes; lists never read the bytes. */
@Repository
class PhotoStore {

    static final String REPORT = "REPORT";
    static final String HANDLING = "HANDLING";

    private static final String VIEW_COLUMNS =
            "id, case_number, purpose, content_type, size_bytes, sha256, uploaded_at";

    private final JdbcClient jdbc;

    PhotoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PhotoView photo, String uploadedBy, byte[] content) {
        jdbc.sql("""
                INSERT INTO grv_attachment (id, case_number, purpose, content_type, size_bytes, sha256, uploaded_by,
                                            uploaded_at, content)
                VALUES (:id, :caseNumber, :purpose, :contentType, :size, :sha256, :uploadedBy, :uploadedAt,
                        :content)""")
                .param("id", photo.id()).param("caseNumber", photo.caseNumber()).param("purpose", photo.purpose())
                .param("contentType", photo.contentType()).param("size", photo.size())
                .param("sha256", photo.sha256()).param("uploadedBy", uploadedBy)
                .param("uploadedAt", Timestamp.from(photo.uploadedAt())).param("content", content)
                .update();
    }

    /** Locks the case's row until the transaction ends, so that two uploads cannot both pass the per-case limit. */
    void lockCase(String caseNumber) {
        jdbc.sql("SELECT case_number FROM grv_case WHERE case_number = :caseNumber FOR UPDATE")
                .param("caseNumber", caseNumber).query(String.class).optional();
    }

    /** Attaches the uploader's unattached photos to a case; answers how many it attached. */
    int attachStaged(String caseNumber, Collection<String> ids, String uploadedBy) {
        return jdbc.sql("""
                UPDATE grv_attachment SET case_number = :caseNumber
                 WHERE id IN (:ids) AND uploaded_by = :uploadedBy AND case_number IS NULL""")
                .param("caseNumber", caseNumber).param("ids", ids).param("uploadedBy", uploadedBy).update();
    }

    int countOfCase(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM grv_attachment WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber).query(Integer.class).single();
    }

    /** Photos uploaded by {@code uploadedBy} since {@code since} and attached to no case yet. */
    int countStaged(String uploadedBy, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM grv_attachment
                 WHERE uploaded_by = :uploadedBy AND case_number IS NULL AND uploaded_at >= :since""")
                .param("uploadedBy", uploadedBy).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    List<PhotoView> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM grv_attachment WHERE case_number = :caseNumber "
                + "ORDER BY uploaded_at, id").param("caseNumber", caseNumber).query(PhotoStore::view).list();
    }

    List<PhotoView> uploadedBy(String uploadedBy) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM grv_attachment WHERE uploaded_by = :uploadedBy "
                + "ORDER BY uploaded_at, id").param("uploadedBy", uploadedBy).query(PhotoStore::view).list();
    }

    /** Which of {@code ids} are photos of this case. */
    List<String> idsOfCase(String caseNumber, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM grv_attachment WHERE case_number = :caseNumber AND id IN (:ids)")
                .param("caseNumber", caseNumber).param("ids", ids).query(String.class).list();
    }

    Optional<PhotoView> find(String caseNumber, String id) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM grv_attachment WHERE case_number = :caseNumber AND id = :id")
                .param("caseNumber", caseNumber).param("id", id).query(PhotoStore::view).optional();
    }

    byte[] content(String id) {
        return jdbc.sql("SELECT content FROM grv_attachment WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    int deleteUploadedBy(String uploadedBy) {
        return jdbc.sql("DELETE FROM grv_attachment WHERE uploaded_by = :uploadedBy")
                .param("uploadedBy", uploadedBy).update();
    }

    int deleteStagedBefore(Instant before) {
        return jdbc.sql("DELETE FROM grv_attachment WHERE case_number IS NULL AND uploaded_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private static PhotoView view(ResultSet rs, int row) throws SQLException {
        return new PhotoView(rs.getString("id"), rs.getString("case_number"), rs.getString("purpose"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
