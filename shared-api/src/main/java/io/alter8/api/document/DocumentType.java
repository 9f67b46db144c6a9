package io.alter8.api.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

import java.time.Period;
import java.util.List;

/**
 * The kinds of document, each with its category, retention and whether it is encrypted at rest. Retention counts
 * from the upload; {@code null} keeps the document until its person is erased (identity documents), when shredding
 * their data key makes the bytes unreadable.
 */
public enum DocumentType implements WireEnum {
    LEASE_AGREEMENT(DocumentCategory.LEGAL, Period.ofYears(7), false, List.of("legal_hold", "tenancy_records")),
    KYC(DocumentCategory.IDENTITY, null, true, List.of("gdpr", "personal_data", "identity")),
    INCOME_PROOF(DocumentCategory.FINANCIAL, Period.ofYears(3), true, List.of("gdpr", "personal_data", "financial")),
    PROPERTY_PAPERS(DocumentCategory.PROPERTY, Period.ofYears(10), false, List.of("title_records")),
    VERIFICATION_REPORT(DocumentCategory.VERIFICATION, Period.ofYears(5), false, List.of("data_retention"));

    private final DocumentCategory category;
    private final Period retention;
    private final boolean encrypted;
    private final List<String> complianceTags;

    DocumentType(DocumentCategory category, Period retention, boolean encrypted, List<String> complianceTags) {
        this.category = category;
        this.retention = retention;
        this.encrypted = encrypted;
        this.complianceTags = complianceTags;
    }

    public DocumentCategory category() {
        return category;
    }

    /** How long after the upload it is deleted; null: until its person is erased. */
    public Period retention() {
        return retention;
    }

    /** As the documents collection spells it: {@code 7_years}, {@code until_erasure}. */
    public String retentionPolicy() {
        return retention == null ? "until_erasure" : retention.getYears() + "_years";
    }

    /** Identity and income documents: stored encrypted under their person's data key. */
    public boolean encrypted() {
        return encrypted;
    }

    public List<String> complianceTags() {
        return complianceTags;
    }

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DocumentType fromWire(String value) {
        return WireEnum.fromWire(DocumentType.class, value);
    }
}
