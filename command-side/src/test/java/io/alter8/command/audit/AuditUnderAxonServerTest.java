package io.alter8.command.audit;

import io.alter8.web.ApiExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Under Axon Server every audit route answers a problem that says why, never a 500 or an empty 404. Runs without
 * Axon Server; {@code AxonServerTest} checks the same through the real service where Docker is.
 */
class AuditUnderAxonServerTest {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AuditUnderAxonServer())
                                       .setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void everyAuditRouteAnswers501NamingTheEventStoreItNeeds() throws Exception {
        List<String> paths = List.of("/api/audit/property/6f1c0c66-0d2e-4d3a-9d3c-2f0b4f6f1c01/events",
                                     "/api/audit/events?user=6f1c0c66-0d2e-4d3a-9d3c-2f0b4f6f1c01",
                                     "/api/audit/correlations/walk-1", "/api/audit/verify",
                                     "/api/audit/checkpoints/latest", "/api/audit/keys", "/api/audit/export",
                                     "/api/audit/proofs/inclusion?position=1");
        for (String path : paths) {
            mvc.perform(get(path))
               .andExpect(status().isNotImplemented())
               .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
               .andExpect(jsonPath("$.type").value(containsString(AuditUnderAxonServer.PROBLEM)))
               .andExpect(jsonPath("$.detail").value(containsString("Axon Server")))
               .andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
        }
        mvc.perform(post("/api/audit/checkpoints")).andExpect(status().isNotImplemented());
    }
}
