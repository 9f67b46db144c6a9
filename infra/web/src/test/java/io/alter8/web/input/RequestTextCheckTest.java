package io.alter8.web.input;

import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestTextCheckTest {

    private final RequestTextCheck check = new RequestTextCheck();

    @SuppressWarnings("unchecked")
    private List<String> badFields(MockHttpServletRequest request) {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> check.preHandle(request, new MockHttpServletResponse(), new Object()));
        assertThat(refused).isNotNull();
        assertThat(refused.problem().getStatus()).isEqualTo(400);
        return ((List<FieldError>) refused.problem().getProperties().get("errors")).stream()
                                                                             .map(FieldError::field).toList();
    }

    @Test
    void namesEveryParameterAndPathVariableWithAControlCharacterAtOnce() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/lookups/cities/x/areas");
        request.addParameter("q", "a\u0000");
        request.addParameter("city", "Pune");
        request.addParameter("tag\u0007", "x");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("cityId", "x\u001f"));

        assertThat(badFields(request)).containsExactlyInAnyOrder("q", "tag\\u0007", "cityId");
    }

    @Test
    void letsTabsLineBreaksAndOrdinaryTextThrough() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/properties");
        request.addParameter("q", "two\tlines\r\nहिंदी café");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "6f1c"));

        assertThat(check.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
    }
}
