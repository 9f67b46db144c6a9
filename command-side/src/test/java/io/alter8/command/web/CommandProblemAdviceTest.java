package io.alter8.command.web;

import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemAdviceTest {

    private final CommandProblemAdvice advice = new CommandProblemAdvice();

    @Test
    void aCommandTheSenderMayNotSendIsA403SayingWhatItTakes() {
        ResponseEntity<ProblemDetail> answer = advice.forbidden(new NotPermitted("only admins change roles"));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().getType()).hasToString("https://alter8.io/problems/forbidden");
        assertThat(answer.getBody().getDetail()).isEqualTo("only admins change roles");
    }

    @Test
    void staysA403WhenItCrossedADistributedCommandBus() {
        ResponseEntity<ProblemDetail> answer = advice.wrapped(
                new CommandExecutionException("refused", new NotPermitted("only admins change roles")));
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
    }
}
