package id.lapor.core.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A reference to an attachment kept elsewhere (the core stores references, never bytes). */
public record AttachmentRef(
        @NotBlank @Size(max = 1000) String uri,
        @NotBlank @Pattern(regexp = "[a-z]+/[a-zA-Z0-9.+-]+", message = "must be a media type such as image/jpeg") String mediaType,
        @Size(max = 200) String name) {
}
