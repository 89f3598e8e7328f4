package io.leadflow.delivery;

import java.util.Properties;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender: Spring Boot's {@code spring.mail.*} settings, plus Leadflow's SMTP timeouts by
 * stage ({@code leadflow.mail.timeouts.*}, {@link StagedSmtpTransport}), which replace JavaMail's
 * single read timeout, and its connections kept open between sends ({@code leadflow.mail.pool.*},
 * {@link PooledMailSender}) unless {@code leadflow.mail.pool.enabled} is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSending {

  @Bean
  JavaMailSenderImpl mailSender(MailProperties mail, DeliveryProperties delivery) {
    DeliveryProperties.Mail.Pool pool = delivery.mail().pool();
    JavaMailSenderImpl sender = pool.enabled() ? new PooledMailSender(pool) : new JavaMailSenderImpl();
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    if (mail.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(mail.getDefaultEncoding().name());
    }
    Properties javaMail = new Properties();
    javaMail.putAll(mail.getProperties());
    delivery.mail().timeouts().applyTo(javaMail);
    sender.setSession(StagedSmtpTransport.session(javaMail));
    return sender;
  }
}
