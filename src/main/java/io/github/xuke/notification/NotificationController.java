package io.github.xuke.notification;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.StaffGroup;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as the chief representative's office and the admin watch it: what waits, what failed and why. */
@RestController
public class NotificationController {

  private final Notifications notifications;

  public NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/notifications")
  @AllowedGroups(value = StaffGroup.CHIEF_REPRESENTATIVE, refusal = "仅窗口首席代表和管理员可以查看通知发送情况")
  public List<Notification> inState(@RequestParam(defaultValue = "PENDING") Notification.State state) {
    return notifications.inState(state, 500);
  }
}
