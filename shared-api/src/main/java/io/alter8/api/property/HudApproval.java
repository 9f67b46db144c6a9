package io.alter8.api.property;

import java.time.LocalDate;

/**
 * A US property's HUD approval (management model {@code has_hud_approval}, {@code hud_approval_date},
 * {@code hud_program_type}).
 */
public record HudApproval(boolean approved, LocalDate approvalDate, String programType) {
}
