package io.alter8.api.verification;

import java.util.List;
import java.util.Map;

/**
 * What the field executive found (marketplace model {@code property_verifications}): quality score 1–10, issues,
 * recommendations, media (URLs of photos, a video, a virtual tour), the structured report as free-form
 * key/values ({@code verification_report}) and, for legal verifications, {@code legal}.
 */
public record VerificationReport(int qualityScore,
                                 List<String> issuesFound,
                                 List<String> recommendations,
                                 List<String> photoUrls,
                                 String videoUrl,
                                 String virtualTourUrl,
                                 Map<String, String> details,
                                 LegalFindings legal) {

    public VerificationReport {
        issuesFound = issuesFound == null ? List.of() : List.copyOf(issuesFound);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
