package io.alter8.api.verification;

import io.alter8.api.common.MediaId;

import java.util.List;
import java.util.Map;

/**
 * What the field executive found (marketplace model {@code property_verifications}): quality score 1–10, issues,
 * recommendations, the property's media it rests on ({@code mediaIds}: photos, videos, 360 tours the executive
 * uploaded for it; the medium says which kind), the structured report as free-form key/values
 * ({@code verification_report}) and, for legal verifications, {@code legal}. {@code legacyMediaUrls} are the bare
 * photo, video and tour URLs of reports filed before media existed (they name no medium); a new report has none.
 */
public record VerificationReport(int qualityScore,
                                 List<String> issuesFound,
                                 List<String> recommendations,
                                 List<MediaId> mediaIds,
                                 Map<String, String> details,
                                 LegalFindings legal,
                                 List<String> legacyMediaUrls) {

    public VerificationReport {
        issuesFound = issuesFound == null ? List.of() : List.copyOf(issuesFound);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
        details = details == null ? Map.of() : Map.copyOf(details);
        legacyMediaUrls = legacyMediaUrls == null ? List.of() : List.copyOf(legacyMediaUrls);
    }
}
