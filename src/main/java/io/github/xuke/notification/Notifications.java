package io.github.xuke.notification;

import io.github.xuke.core.Rows;
import io.github.xuke.system.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. A step that must tell someone writes the message here, in its own
 * transaction: if the step rolls back, so does the message; if a job runs twice, the unique dedup
 * key keeps one message. {@link NotificationDispatcher} sends them afterwards.
 */
@Service
@Transactional
public class Notifications {

  /** Demo and placeholder addresses (RFC 2606): never sent to. */
  static final String PLACEHOLDER_DOMAIN = ".invalid";

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Clock clock;

  public Notifications(JdbcClient jdbc, IdentityService identityService, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Queues an e-mail to a user (their Camunda e-mail); a second call with the same key adds nothing. */
  public void toUser(String dedupKey, String userId, String subject, String body) {
    if (jdbc.sql("select count(*) from notification where dedup_key = ?").param(dedupKey).query(Long.class).single() > 0) {
      return;
    }
    User user = currentUser.withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
    String address = user == null ? null : user.getEmail();
    boolean reachable = address != null && !address.isBlank() && !address.endsWith(PLACEHOLDER_DOMAIN);
    jdbc.sql("""
            insert into notification (dedup_key, recipient_user, recipient_address, channel, subject, body, state,
              attempts, created_at, last_error)
            values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
        .params(dedupKey, userId, reachable ? address : null, MailChannel.NAME, subject, body,
            (reachable ? Notification.State.PENDING : Notification.State.FAILED).name(), now(),
            reachable ? null : "收件人没有可用的电子邮箱")
        .update();
  }

  @Transactional(readOnly = true)
  public List<Notification> of(String userId) {
    return jdbc.sql("select * from notification where recipient_user = ? order by id").param(userId)
        .query(Rows.of(Notification.class)).list();
  }

  @Transactional(readOnly = true)
  public List<Notification> inState(Notification.State state, int limit) {
    return jdbc.sql("select * from notification where state = ? order by id").param(state.name())
        .query(Rows.of(Notification.class)).list().stream().limit(limit).toList();
  }

  void markSent(long id) {
    jdbc.sql("update notification set state = ?, sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
        .params(Notification.State.SENT.name(), now(), id).update();
  }

  void markFailedAttempt(long id, String error, int maxAttempts) {
    jdbc.sql("""
            update notification set attempts = attempts + 1, last_error = ?,
              state = case when attempts + 1 >= ? then ? else state end
            where id = ?""")
        .params(error.length() > 1000 ? error.substring(0, 1000) : error, maxAttempts,
            Notification.State.FAILED.name(), id)
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
