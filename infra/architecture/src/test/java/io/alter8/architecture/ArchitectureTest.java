package io.alter8.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module and feature boundaries of docs/architecture.md, checked on the main classes of every module (tests
 * are left out: they may reach anywhere). Run by the ArchUnit JUnit engine; the classes are imported once.
 */
@AnalyzeClasses(packages = "io.alter8", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("io.alter8");

    @ArchTest
    static final ArchRule sharedApiIsPlainRecords = RULES.sharedApiIsPlain();

    @ArchTest
    static final ArchRule querySideDoesNotImportTheCommandSide = RULES.querySideDoesNotUseCommandSide();

    @ArchTest
    static final ArchRule commandSideDoesNotImportTheQuerySide = RULES.commandSideDoesNotUseQuerySide();

    @ArchTest
    static final ArchRule featuresUseOnlyEachOthersApi = RULES.featuresUseOnlyEachOthersApi();
}
