package io.pluresdb.sync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.sync.auth.PolicyAgent.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyAgentsTest {
  @Test
  void thePermissiveAgentAdmitsEveryoneToEverything() {
    PolicyAgent p = new PermissiveAgent();
    Principal who = p.admit(null, "000000000001");
    assertThat(who.peerNode()).isEqualTo("000000000001");
    assertThat(p.mayRead(who, "t")).isTrue();
    assertThat(p.mayReadAll(who)).isTrue();
    assertThat(p.mayWrite(who, "t")).isTrue();
  }

  @Test
  void aSharedTokenAdmitsOnlyItsHolders() {
    PolicyAgent p = new SharedTokenAgent("s3cret");
    assertThat(p.admit(null, "000000000001")).isNull();
    assertThat(p.admit("s3cre", "000000000001")).isNull();
    assertThat(p.admit("s3cret ", "000000000001")).isNull();
    Principal who = p.admit("s3cret", "000000000001");
    assertThat(who).isNotNull();
    assertThat(p.mayRead(who, "t")).isTrue();
    assertThat(p.mayWrite(who, "t")).isTrue();
    assertThatThrownBy(() -> new SharedTokenAgent("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenPolicyGrantsEachTokenItsCollections() {
    TokenPolicy p =
        new TokenPolicy(
            List.of(
                new TokenPolicy.Grant("admin-token", "admin", Set.of("*"), Set.of("*")),
                new TokenPolicy.Grant("kiosk-token", "kiosk", Set.of("menu"), Set.of("orders"))));
    assertThat(p.admit("other", "000000000001")).isNull();
    assertThat(p.admit(null, "000000000001")).isNull();

    Principal admin = p.admit("admin-token", "000000000001");
    assertThat(admin.name()).isEqualTo("admin");
    assertThat(p.mayReadAll(admin)).isTrue();
    assertThat(p.mayWrite(admin, "anything")).isTrue();

    Principal kiosk = p.admit("kiosk-token", "000000000002");
    assertThat(kiosk.name()).isEqualTo("kiosk");
    assertThat(p.mayReadAll(kiosk)).isFalse();
    assertThat(p.mayRead(kiosk, "menu")).isTrue();
    assertThat(p.mayRead(kiosk, "orders")).isFalse();
    assertThat(p.mayWrite(kiosk, "orders")).isTrue();
    assertThat(p.mayWrite(kiosk, "menu")).isFalse();
    assertThat(p.mayRead(new Principal("stranger", "000000000003"), "menu")).isFalse();
  }

  @Test
  void grantNamesAreUnique() {
    assertThatThrownBy(
            () ->
                new TokenPolicy(
                    List.of(
                        new TokenPolicy.Grant("a", "same", Set.of(), Set.of()),
                        new TokenPolicy.Grant("b", "same", Set.of(), Set.of()))))
        .hasMessageContaining("'same'");
  }
}
