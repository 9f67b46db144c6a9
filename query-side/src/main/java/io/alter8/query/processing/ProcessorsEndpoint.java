package io.alter8.query.processing;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Operator's view of the read models: {@code GET /actuator/processors} shows how far each has read;
 * {@code POST /actuator/processors/{name}/reset} rebuilds one from the event store.
 */
@Component
@Endpoint(id = "processors")
class ProcessorsEndpoint {

    private final ProcessorPositions positions;

    ProcessorsEndpoint(ProcessorPositions positions) {
        this.positions = positions;
    }

    @ReadOperation
    List<ProcessorStatus> processors() {
        return positions.statuses();
    }

    @ReadOperation
    WebEndpointResponse<ProcessorStatus> processor(@Selector String name) {
        return positions.status(name)
                        .map(WebEndpointResponse::new)
                        .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    @WriteOperation
    WebEndpointResponse<Void> act(@Selector String name, @Selector String action) {
        if (!"reset".equals(action)) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        return positions.reset(name)
                ? new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT)
                : new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
