package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each row of the triage table is declared once, with a rule of its own and a test named after that rule. */
class ReasonKindTests {

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReasonKind.class)
  void eachRowHasItsOwnRuleAndATestNamedAfterIt(ReasonKind kind) {
    assertThat(Stream.of(ReasonKind.values()).filter(other -> other.rule().getClass() == kind.rule().getClass()))
        .as("rows implemented by %s", kind.rule().getClass().getSimpleName())
        .containsExactly(kind);
    String test = kind.rule().getClass().getName() + "Tests";
    assertThat(exists(test)).as(test).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReasonKind.class)
  void eachRowSaysWhenItFiresAndHowASummaryNamesIt(ReasonKind kind) {
    assertThat(kind.row()).isNotBlank();
    assertThat(kind.phrase()).isNotBlank().doesNotEndWith(".");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReasonKind.class)
  void theRuleJavadocStartsWithItsRow(ReasonKind kind) throws IOException {
    String source = Files.readString(Path.of("src/main/java", kind.rule().getClass().getName().replace('.', '/') + ".java"));
    assertThat(source).contains("/**\n * Contract section 4, row <code>" + kind.outcome().topicCode())
        .contains("{@link ReasonKind#" + kind.name() + "}.");
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
