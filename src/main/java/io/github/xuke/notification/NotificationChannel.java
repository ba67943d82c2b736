package io.github.xuke.notification;

/** A way to reach people (e-mail here; SMS or WeChat gateways plug in the same way). */
public interface NotificationChannel {

  /** The channel's name as stored with each notification, e.g. {@code EMAIL}. */
  String name();

  /** Whether the channel is configured and can send now. */
  boolean available();

  /** Sends one message; throws if the receiving server refuses it. */
  void send(Notification notification) throws Exception;
}
