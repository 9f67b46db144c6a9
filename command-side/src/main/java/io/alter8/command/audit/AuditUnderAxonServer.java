package io.alter8.command.audit;

import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit routes when Axon Server is the event store ({@code axonserver} profile). Every one of them reads the
 * PostgreSQL event store row by row as stored, or the Merkle tree its trigger fills, and neither exists there; so each
 * answers 501 with a problem that says so, after the same role check as ever (docs/audit.md, "Under Axon Server").
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AuditUnderAxonServer {

    static final String PROBLEM = "audit-needs-jdbc-event-store";

    @RequestMapping(value = "/api/audit/**", method = {RequestMethod.GET, RequestMethod.POST})
    void refuse() {
        throw new ApiException(Problems.of(
                HttpStatus.NOT_IMPLEMENTED, PROBLEM, "Audit needs the PostgreSQL event store",
                "this deployment stores its events in Axon Server; the history, checkpoints, proofs, verification "
                        + "and export read the PostgreSQL event store and its Merkle tree, which only a deployment "
                        + "on the JDBC event store has"));
    }
}
