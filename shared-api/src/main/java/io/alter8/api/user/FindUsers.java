package io.alter8.api.user;

/**
 * The users directory for admins and auditors; every filter optional. {@code text} matches first name, last name or
 * e-mail, case-insensitively; {@code verified} is {@link UserView#verified()}; {@code erasureRequested} whether the
 * user asked to be erased (the admins' queue of erasures, with {@code status} active or inactive).
 */
public record FindUsers(Role role,
                        AccountStatus status,
                        Boolean emailVerified,
                        Boolean phoneVerified,
                        Boolean verified,
                        Boolean erasureRequested,
                        String text,
                        int page,
                        int size,
                        String sort,
                        boolean ascending) {
}
