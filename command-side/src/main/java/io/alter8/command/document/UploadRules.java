package io.alter8.command.document;

import io.alter8.api.document.DocumentType;
import org.springframework.util.unit.DataSize;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What each type of document may be: its media types (as detected from the bytes) and its largest size. The largest
 * of all sizes, plus room for the form fields, is the body limit of the upload routes in application.yml.
 */
public final class UploadRules {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String DOC = "application/msword";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The media types a kind of file may be, and its largest size. */
    public record Rule(Set<String> mediaTypes, DataSize maxSize) {
    }

    private static final Map<DocumentType, Rule> RULES = new EnumMap<>(Map.of(
            DocumentType.LEASE_AGREEMENT, new Rule(Set.of(PDF, DOCX, DOC), DataSize.ofMegabytes(20)),
            DocumentType.KYC, new Rule(Set.of(PDF, JPEG, PNG), DataSize.ofMegabytes(10)),
            DocumentType.INCOME_PROOF, new Rule(Set.of(PDF, JPEG, PNG, XLSX), DataSize.ofMegabytes(10)),
            DocumentType.PROPERTY_PAPERS, new Rule(Set.of(PDF, JPEG, PNG, DOCX, DOC), DataSize.ofMegabytes(20)),
            DocumentType.VERIFICATION_REPORT, new Rule(Set.of(PDF, DOCX, JPEG, PNG), DataSize.ofMegabytes(20))));

    private UploadRules() {
    }

    static Rule of(DocumentType type) {
        return RULES.get(type);
    }
}
