package io.github.xuke.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.expert.ExpertRequest;
import io.github.xuke.expert.ExpertService;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox through a real SMTP server (GreenMail): a drawn expert's invitation is written with the
 * draw and mailed afterwards, once; a placeholder address is never mailed; a refusing server is
 * retried and the error kept.
 */
@XukeTest
class NotificationTest {

  @Autowired ProcessEngine engine;
  @Autowired ExpertService experts;
  @Autowired Notifications notifications;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  GreenMail smtp;
  MailChannel mail;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(smtp.getSmtp().getPort());
    mail = new MailChannel(provider(sender), "xuke@bureau.example");
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void theDrawnExpertIsInvitedByMailOnceAndDemoAddressesAreNeverMailed() throws Exception {
    String userId = "mailtest" + System.nanoTime() % 100000;
    List<Long> active = jdbc.sql("select id from expert where active = true").query(Long.class).list();
    jdbc.sql("update expert set active = false where active = true").update();
    try {
      experts.create(new ExpertRequest(userId, "郑工", List.of("安全管理"), "某研究院", null, null, "13900004444",
          true, List.of(), "zheng@experts.example"));
      CaseDriver driver = new CaseDriver(engine);
      var instance = driver.acceptedCase("PRECURSOR_CHEM_RECORD");
      String caseNumber = io.github.xuke.application.process.LicenceApplicationProcess.Variables.CASE_NUMBER
          .from(engine.getRuntimeService().getVariables(instance.getId()));

      assertThat(notifications.of(userId)).singleElement().satisfies(notification -> {
        assertThat(notification.state()).isEqualTo(Notification.State.PENDING);
        assertThat(notification.subject()).isEqualTo("评审邀请：" + caseNumber);
      });
      assertThat(dispatcher.dispatch(List.of(mail))).isGreaterThanOrEqualTo(1);
      MimeMessage[] received = smtp.getReceivedMessages();
      assertThat(received).anySatisfy(message -> {
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("zheng@experts.example");
        assertThat(message.getSubject()).isEqualTo("评审邀请：" + caseNumber);
        assertThat((String) message.getContent()).contains("郑工专家", caseNumber, "确认是否参加评审", "申报回避");
      });
      assertThat(notifications.of(userId)).singleElement()
          .satisfies(notification -> assertThat(notification.state()).isEqualTo(Notification.State.SENT));
      int mailed = smtp.getReceivedMessages().length;
      assertThat(dispatcher.dispatch(List.of(mail))).as("nothing twice").isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(mailed);
    } finally {
      jdbc.sql("update expert set active = false where user_id = ?").param(userId).update();
      for (long expert : active) {
        jdbc.sql("update expert set active = true where id = ?").param(expert).update();
      }
    }
    notifications.toUser("demo-check", "clerk", "测试", "演示账号的地址以 .invalid 结尾");
    notifications.toUser("demo-check", "clerk", "测试", "同一键只记一次");
    assertThat(notifications.of("clerk")).filteredOn(n -> n.dedupKey().equals("demo-check")).singleElement()
        .satisfies(notification -> {
          assertThat(notification.state()).isEqualTo(Notification.State.FAILED);
          assertThat(notification.lastError()).isEqualTo("收件人没有可用的电子邮箱");
        });
  }

  @Test
  void aRefusingServerIsRetriedAndTheErrorKeptThenTheMessageFails() {
    String userId = "retry" + System.nanoTime() % 100000;
    experts.create(new ExpertRequest(userId, "冯工", List.of("电气"), "某研究院", null, null, "13900005555",
        false, List.of(), "feng@experts.example"));
    notifications.toUser("retry-check:" + userId, userId, "测试重试", "正文");
    smtp.stop();
    for (int attempt = 0; attempt < NotificationDispatcher.MAX_ATTEMPTS; attempt++) {
      dispatcher.dispatch(List.of(mail));
    }
    assertThat(notifications.of(userId)).singleElement().satisfies(notification -> {
      assertThat(notification.state()).isEqualTo(Notification.State.FAILED);
      assertThat(notification.attempts()).isEqualTo(NotificationDispatcher.MAX_ATTEMPTS);
      assertThat(notification.lastError()).isNotBlank();
    });
    io.github.xuke.TestHttp http = new io.github.xuke.TestHttp(port);
    assertThat(http.get("/api/notifications?state=FAILED", "chief", "demo").json().findValuesAsText("recipientUser"))
        .contains(userId);
    assertThat(http.get("/api/notifications", "clerk", "demo").status()).isEqualTo(403);
    smtp.start();
  }

  private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
    return new ObjectProvider<>() {
      @Override
      public JavaMailSender getObject(Object... args) {
        return sender;
      }

      @Override
      public JavaMailSender getIfAvailable() {
        return sender;
      }

      @Override
      public JavaMailSender getIfUnique() {
        return sender;
      }

      @Override
      public JavaMailSender getObject() {
        return sender;
      }
    };
  }
}
