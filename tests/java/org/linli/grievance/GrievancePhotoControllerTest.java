package org.linli.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.linli.grievance.GrievancePhotos.PhotoContent;
import org.linli.grievance.GrievancePhotos.PhotoView;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(GrievancePhotoController.class)
class GrievancePhotoControllerTest {

    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
    private static final PhotoView PHOTO = new PhotoView("0b6c5a1e-1111-4222-8333-944455556666", "GR-2026-000001",
            "HANDLING", "image/jpeg", JPEG.length, "ab".repeat(32), Instant.parse("2026-11-24T08:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GrievancePhotos photos;

    @Test
    @WithMockUser(username = "zhao.min", authorities = {"GROUP_departments", "GROUP_dept-environment"})
    void uploadPassesTheBytesAndTheCaseAndAnswersThePhoto() throws Exception {
        given(photos.upload(any(), any())).willReturn(PHOTO);

        mvc.perform(multipart("/api/grievances/GR-2026-000001/photos").file(new MockMultipartFile("file", "site.jpg",
                        "application/octet-stream", JPEG)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(PHOTO.id()))
                .andExpect(jsonPath("$.purpose").value("HANDLING"));

        ArgumentCaptor<UploadPhotoCommand> command = ArgumentCaptor.forClass(UploadPhotoCommand.class);
        then(photos).should().upload(command.capture(), any());
        assertThat(command.getValue().caseNumber()).isEqualTo("GR-2026-000001");
        assertThat(command.getValue().content()).isEqualTo(JPEG);
    }

    @Test
    @WithMockUser(username = "wang.fang", authorities = {"GROUP_clerks", "GROUP_community-xh01"})
    void downloadAnswersTheBytesAsTheirCheckedTypeNeverSniffed() throws Exception {
        given(photos.download(eq("GR-2026-000001"), eq(PHOTO.id()), any())).willReturn(new PhotoContent(PHOTO, JPEG));

        mvc.perform(get("/api/grievances/GR-2026-000001/photos/" + PHOTO.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"" + PHOTO.id() + ".jpg\""))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")))
                .andExpect(content().bytes(JPEG));
    }

    @Test
    @WithMockUser(username = "other.clerk", authorities = {"GROUP_clerks", "GROUP_community-xh02"})
    void downloadByStaffNotOnTheCaseIsAProblemWithoutBytes() throws Exception {
        given(photos.download(any(), any(), any())).willThrow(GrievanceProblems.notWorkingOnCase("GR-2026-000001"));

        mvc.perform(get("/api/grievances/GR-2026-000001/photos/" + PHOTO.id()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("GRV-016"))
                .andExpect(jsonPath("$.title").value("无权查看该诉求的照片"));
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void uploadOfATooLargePhotoIs413() throws Exception {
        given(photos.upload(any(), any())).willThrow(GrievanceProblems.photoTooLarge(6_000_000, 5_242_880));

        mvc.perform(multipart("/api/grievances/GR-2026-000001/photos").file(new MockMultipartFile("file", "big.jpg",
                        "image/jpeg", JPEG)).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("GRV-014"))
                .andExpect(jsonPath("$.title").value("照片太大"));
    }
}
