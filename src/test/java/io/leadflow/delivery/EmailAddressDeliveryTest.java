package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.journey.Journeys;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.lead.UnicodeMailboxes;
import io.leadflow.lead.ValidEmail;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.ConstraintValidatorContext;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 11, the sending side: what an address is decides what is sent, and an address error is permanent. */
@LeadflowTest
class EmailAddressDeliveryTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  Api marketing;
  DeliveryFixture fixture;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
    fixture = new DeliveryFixture(marketing, leads, contents);
    BpmnAwareTests.init(engine);
  }

  @Test
  void anInternationalisedDomainIsSentInItsAsciiForm() throws Exception {
    String run = run();
    Lead lead = fixture.captured("{\"email\": \"jose." + run + "@bücher.example\", \"firstName\": \"José\"}");

    delivery.send(lead, fixture.guide(), DeliveryFixture.key());

    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(((InternetAddress) mailServer.getReceivedMessages()[0].getAllRecipients()[0]).getAddress())
        .isEqualTo("jose." + run + "@xn--bcher-kva.example");
  }

  @Test
  void aUnicodeLocalPartIsSentWithSmtpUtf8WhenTheMailServerOffersIt() throws Exception {
    String address = "josé." + run() + "@example.com";
    Lead lead = fixture.captured("{\"email\": \"" + address + "\", \"firstName\": \"José\"}");

    Delivery sent = delivery.send(lead, fixture.guide(), DeliveryFixture.key());

    assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(((InternetAddress) mailServer.getReceivedMessages()[0].getAllRecipients()[0]).getAddress())
        .isEqualTo(address);
  }

  @Test
  void withoutSmtpUtf8AUnicodeLocalPartIsRefusedAtCaptureSayingWhy() {
    UnicodeMailboxes noSmtpUtf8 = () -> false;
    @SuppressWarnings("unchecked")
    ObjectProvider<UnicodeMailboxes> provider = Mockito.mock(ObjectProvider.class);
    Mockito.when(provider.getIfAvailable()).thenReturn(noSmtpUtf8);
    ValidEmail.Validator validator = new ValidEmail.Validator(provider);
    validator.initialize(annotation(true));
    ConstraintValidatorContext context = Mockito.mock(ConstraintValidatorContext.class, Mockito.RETURNS_DEEP_STUBS);
    org.mockito.ArgumentCaptor<String> message = org.mockito.ArgumentCaptor.forClass(String.class);

    assertThat(validator.isValid("josé@example.com", context)).isFalse();
    assertThat(validator.isValid("jose@bücher.example", context)).as("an IDN domain needs no SMTPUTF8").isTrue();

    Mockito.verify(context).buildConstraintViolationWithTemplate(message.capture());
    assertThat(message.getValue()).contains("SMTPUTF8");
  }

  @Test
  void anAddressErrorInSendingIsPermanentTheLeadIsNotEmailableAndTheJourneyEndsWithoutRetries() {
    Lead lead = fixture.lead("Ada", "Stale Data Ltd");
    // stored before the address rules, as the old check let it through: the mail sender cannot write it
    String stale = "ada.." + run() + "@example.com";
    jdbc.update("update leads set email = ? where id = ?", stale, lead.getId());

    var journey = Journeys.journeyOf(engine, lead.getId());
    BpmnAwareTests.execute(BpmnAwareTests.job(LeadNurturingProcess.Elements.START, journey));
    BpmnAwareTests.execute(BpmnAwareTests.job(LeadNurturingProcess.Elements.SEND_WELCOME, journey));

    BpmnAwareTests.assertThat(journey).isEnded().hasPassed(LeadNurturingProcess.Elements.END_NOT_CONTACTABLE);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).count())
        .as("no job left to retry").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(journey.getId()).count()).isZero();
    assertThat(mailServer.getReceivedMessages()).isEmpty();

    JsonNode view = marketing.get("/api/leads/" + lead.getId()).json();
    assertThat(view.get("emailable").asBoolean()).isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("INVALID_ADDRESS");
    JsonNode deliveries = marketing.get("/api/leads/" + lead.getId() + "/deliveries").json();
    assertThat(deliveries).singleElement().satisfies(item -> {
      assertThat(item.get("status").asText()).isEqualTo("FAILED");
      assertThat(item.get("attempts").asInt()).isEqualTo(1);
    });

    Lead refused = leads.find(lead.getId()).orElseThrow();
    assertThatThrownBy(() -> delivery.send(refused, fixture.guide(), DeliveryFixture.key()))
        .as("nothing is tried again").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPermanentRefusalOfTheRecipientCountsAsAnAddressErrorATemporaryOneDoesNot() {
    var permanent = new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
        address("nobody@example.com"), "RCPT", 550, "5.1.1 no such user");
    var temporary = new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
        address("busy@example.com"), "RCPT", 451, "4.3.0 try later");

    assertThat(ContentDelivery.addressRefused(new org.springframework.mail.MailSendException("failed", permanent))).isTrue();
    assertThat(ContentDelivery.addressRefused(new org.springframework.mail.MailSendException("failed", temporary))).isFalse();
    assertThat(ContentDelivery.addressRefused(new org.springframework.mail.MailSendException("connection refused"))).isFalse();
  }

  private static InternetAddress address(String address) {
    try {
      return new InternetAddress(address);
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ValidEmail annotation(boolean forSending) {
    return new ValidEmail() {
      public String message() { return ""; }
      public boolean forSending() { return forSending; }
      public Class<?>[] groups() { return new Class<?>[0]; }
      @SuppressWarnings("unchecked")
      public Class<? extends jakarta.validation.Payload>[] payload() { return new Class[0]; }
      public Class<? extends java.lang.annotation.Annotation> annotationType() { return ValidEmail.class; }
    };
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
