package io.alter8.api.user;

/**
 * The users directory for admins and auditors; every filter optional. {@code text} matches first name, last name or
 * e-mail, case-insensitively; {@code verified} is {@link UserView#verified()}.
 */
public record FindUsers(Role role,
                        AccountStatus status,
                        Boolean emailVerified,
                        Boolean phoneVerified,
                        Boolean verified,
                        String text,
                        int page,
                        int size,
                        String sort,
                        boolean ascending) {
}
