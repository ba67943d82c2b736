package io.github.xuke.notification;

import java.time.OffsetDateTime;

/** One message to one person, in the outbox until it is sent. */
public record Notification(
    long id,
    String dedupKey,
    String recipientUser,
    String recipientAddress,
    String channel,
    String subject,
    String body,
    State state,
    int attempts,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt,
    String lastError) {

  public enum State {
    /** 待发送. */
    PENDING,
    /** 已发送. */
    SENT,
    /** 发送失败（已达重试次数，或收件人没有可用地址）. */
    FAILED
  }
}
