package io.github.xuke.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, every {@code xuke.notifications.interval} (30 s): each message in its
 * own transaction, at most {@value #MAX_ATTEMPTS} attempts, the error kept. Without a configured
 * channel the messages wait.
 */
@Component
public class NotificationDispatcher {

  static final int MAX_ATTEMPTS = 5;
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Notifications notifications;
  private final List<NotificationChannel> channels;
  private final boolean enabled;

  public NotificationDispatcher(Notifications notifications, List<NotificationChannel> channels,
      @Value("${xuke.notifications.enabled:true}") boolean enabled) {
    this.notifications = notifications;
    this.channels = channels;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${xuke.notifications.interval:PT30S}")
  public void dispatchScheduled() {
    if (enabled) {
      dispatch(channels);
    }
  }

  /** Sends the pending messages through the channels; returns how many were sent. */
  public int dispatch(List<NotificationChannel> through) {
    int sent = 0;
    for (Notification notification : notifications.inState(Notification.State.PENDING, 100)) {
      NotificationChannel channel = through.stream()
          .filter(candidate -> candidate.name().equals(notification.channel()) && candidate.available())
          .findFirst().orElse(null);
      if (channel == null) {
        continue;
      }
      try {
        channel.send(notification);
        notifications.markSent(notification.id());
        sent++;
      } catch (Exception e) {
        log.warn("Notification {} to {} failed: {}", notification.id(), notification.recipientAddress(), e.toString());
        notifications.markFailedAttempt(notification.id(), e.toString(), MAX_ATTEMPTS);
      }
    }
    return sent;
  }
}
