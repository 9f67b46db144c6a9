package io.alter8.api.user;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserMessagesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void rolesAreTheUnionOfBothSeedsPlusAuditorsAndAnalysts() {
        assertThat(Arrays.stream(Role.values()).map(Role::wire))
                .containsExactly("owner", "tenant", "agent", "field_executive", "property_manager", "admin",
                                 "super_admin", "auditor", "analyst");
        assertThat(json.writeValueAsString(Role.FIELD_EXECUTIVE)).isEqualTo("\"field_executive\"");
        assertThat(json.readValue("\"super_admin\"", Role.class)).isEqualTo(Role.SUPER_ADMIN);
        assertThatThrownBy(() -> Role.fromWire("landlord")).hasMessageStartingWith("must be one of: owner, tenant");
    }

    @Test
    void onlyMarketRolesAreSelfService() {
        assertThat(Arrays.stream(Role.values()).filter(Role::isSelfService))
                .containsExactly(Role.OWNER, Role.TENANT, Role.AGENT, Role.PROPERTY_MANAGER);
    }

    @Test
    void weekdaysKeepTheSeedsNumbering() {
        assertThat(Weekday.MONDAY.isoNumber()).isEqualTo(1);
        assertThat(Weekday.SUNDAY.isoNumber()).isEqualTo(7);
        assertThat(json.writeValueAsString(Weekday.SATURDAY)).isEqualTo("\"saturday\"");
    }

    @Test
    void chosenSetsHaveOneOrderSoEqualChoicesAreEqual() {
        AgentProfile a = agentWithDays(List.of(Weekday.FRIDAY, Weekday.MONDAY, Weekday.FRIDAY));
        AgentProfile b = agentWithDays(List.of(Weekday.MONDAY, Weekday.FRIDAY));
        assertThat(a).isEqualTo(b);
        assertThat(a.availableDays()).containsExactly(Weekday.MONDAY, Weekday.FRIDAY);
        assertThat(agentWithDays(null).availableDays()).isEmpty();
    }

    private static AgentProfile agentWithDays(List<Weekday> days) {
        return new AgentProfile("A51900012345", null, null, null, null, null, CommissionType.PERCENTAGE, null, null,
                                days, null, null);
    }
}
