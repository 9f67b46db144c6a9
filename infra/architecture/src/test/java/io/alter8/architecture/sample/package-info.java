/**
 * Small classes that break each rule of {@code ArchitectureRules} once (and keep it once), laid out as the real
 * modules are: {@code api}, {@code command.<feature>}, {@code query.<feature>}.
 */
package io.alter8.architecture.sample;
