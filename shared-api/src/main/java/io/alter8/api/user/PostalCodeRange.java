package io.alter8.api.user;

/** Postal codes from {@code from} to {@code to}, both included ({@code 560001}–{@code 560100}). */
public record PostalCodeRange(String from, String to) {
}
