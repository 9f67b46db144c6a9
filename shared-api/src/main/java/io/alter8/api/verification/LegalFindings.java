package io.alter8.api.verification;

import java.util.List;

/**
 * A legal verification's findings: whether the documents were checked, whether the title is clear, and the legal
 * issues found (none is an empty list).
 */
public record LegalFindings(boolean documentsVerified, Boolean titleClear, List<String> issues) {

    public LegalFindings {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
