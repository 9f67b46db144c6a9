package io.alter8.web;

/** One bad input field of a 400 answer: {@code field} is the JSON path ({@code monthlyRent.amount}). */
public record FieldError(String field, String message) {
}
