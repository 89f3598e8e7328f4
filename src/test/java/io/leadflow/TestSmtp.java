package io.leadflow;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The real SMTP server (GreenMail) the tests send to: port 3025, or {@code -Dleadflow.test.smtp-port=N}
 * so that two checkouts can run their suites side by side (application-test.yml reads the same
 * property).
 */
public final class TestSmtp {

  public static final ServerSetup SMTP =
      new ServerSetup(Integer.getInteger("leadflow.test.smtp-port", 3025), null, ServerSetup.PROTOCOL_SMTP);

  private TestSmtp() {}
}
