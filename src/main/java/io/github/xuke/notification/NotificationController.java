package io.github.xuke.notification;

import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as the chief representative's office and the admin watch it: what waits, what failed and why. */
@RestController
public class NotificationController {

  private final Notifications notifications;
  private final CurrentUser currentUser;

  public NotificationController(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/notifications")
  public List<Notification> inState(@RequestParam(defaultValue = "PENDING") Notification.State state) {
    if (!currentUser.isIn(StaffGroup.CHIEF_REPRESENTATIVE)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "仅窗口首席代表和管理员可以查看通知发送情况");
    }
    return notifications.inState(state, 500);
  }
}
