package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17, case 3: a failure nobody expected answered 500 with the SQL and the person's data. Its
 * body now says nothing but that, with a correlation id to find the details in the log.
 */
class UnexpectedFailureTest {

  @RestController
  static class FailingLeads {
    @PostMapping("/api/leads")
    void capture() {
      throw new DataIntegrityViolationException(
          "could not execute statement [ERROR: invalid byte sequence for encoding \"UTF8\": 0x00] "
              + "[insert into leads (company,email) values (?,?)]; values ('ACME', 'ada@example.com')");
    }
  }

  MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingLeads()).setControllerAdvice(new ApiProblems()).build();

  @Test
  void aDatabaseErrorAnswersAGenericProblemWithACorrelationIdAndNoSqlOrValues() throws Exception {
    MockHttpServletResponse response = mvc.perform(post("/api/leads")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    String body = response.getContentAsString();
    assertThat(body).doesNotContainIgnoringCase("insert").doesNotContain("ada@example.com", "ACME", "0x00", "Exception");
    assertThat(body).containsPattern("\"correlationId\":\"[0-9a-f-]{36}\"")
        .contains("\"detail\":\"The request failed on our side; the log has the details under correlation id ");
  }
}
