package io.alter8.command.web;

import io.alter8.api.common.UserId;
import io.alter8.command.NotPermitted;
import io.alter8.command.PlanLimitReached;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemAdviceTest {

    private final List<Object> published = new ArrayList<>();
    private final CommandProblemAdvice advice = new CommandProblemAdvice(published::add);

    @Test
    void aCommandTheSenderMayNotSendIsA403SayingWhatItTakes() {
        ResponseEntity<ProblemDetail> answer = advice.forbidden(new NotPermitted("only admins change roles"));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().getType()).hasToString("https://alter8.io/problems/forbidden");
        assertThat(answer.getBody().getDetail()).isEqualTo("only admins change roles");
    }

    @Test
    void aPlanLimitIsA403NamingItAndTellsThisProcessWhoseAccountHitIt() {
        UserId account = UserId.random();
        ResponseEntity<ProblemDetail> answer = advice.forbidden(new PlanLimitReached(account, "properties", 1, 1));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().getType()).hasToString("https://alter8.io/problems/plan-limit");
        assertThat(published).containsExactly(new PlanLimitReached.Hit(account, "properties", 1, 1));
    }

    @Test
    void staysA403WhenItCrossedADistributedCommandBus() {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(
                new CommandExecutionException("refused", new NotPermitted("only admins change roles")));
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
    }
}
