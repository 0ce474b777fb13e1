package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.pluresdb.sync.protocol.CloseReason;
import org.junit.jupiter.api.Test;

class CloseCodesTest {
  @Test
  void everyCloseReasonSurvivesTheWebSocketCloseFrame() {
    for (CloseReason.Code code : CloseReason.Code.values()) {
      WebSocketCloseStatus status = CloseCodes.status(new CloseReason(code, "why"));
      assertThat(CloseCodes.reason(status.code(), status.reasonText()))
          .isEqualTo(new CloseReason(code, "why"));
    }
  }

  @Test
  void tooManyParkedIsApplicationCode4007() {
    assertThat(CloseCodes.status(new CloseReason(CloseReason.Code.TOO_MANY_PARKED, "x")).code())
        .isEqualTo(4007);
  }
}
