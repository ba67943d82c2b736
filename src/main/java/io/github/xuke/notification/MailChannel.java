package io.github.xuke.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server of {@code spring.mail.*}; without one, nothing is sent (and nothing lost). */
@Component
public class MailChannel implements NotificationChannel {

  public static final String NAME = "EMAIL";

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  public MailChannel(ObjectProvider<JavaMailSender> sender,
      @Value("${xuke.notifications.from:xuke@localhost}") String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean available() {
    return sender.getIfAvailable() != null;
  }

  @Override
  public void send(Notification notification) throws Exception {
    JavaMailSender mail = sender.getObject();
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(notification.recipientAddress());
    helper.setSubject(notification.subject());
    helper.setText(notification.body());
    mail.send(message);
  }
}
