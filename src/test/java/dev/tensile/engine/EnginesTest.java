package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How {@link Engines} picks the engine from {@code -Dtensile.engine}. */
class EnginesTest {
  /** The thread-count property, spelled out so that this test needs no Vector API class. */
  private static final String THREADS = "tensile.threads";

  private static String expectedAuto() {
    return Engines.vectorAvailable() ? "vector" : "ejml";
  }

  @Test
  void autoPicksTheVectorEngineWhenTheModuleIsPresent() {
    assertEquals(expectedAuto(), Engines.choose("auto").name());
    assertEquals(expectedAuto(), Engines.choose("AUTO").name());
  }

  @Test
  void ejmlIsHonoured() {
    assertEquals("ejml", Engines.choose("ejml").name());
    assertEquals("ejml", Engines.choose("Ejml").name());
  }

  @Test
  void vectorIsHonouredOrRefusedWithTheFlagToAdd() {
    if (Engines.vectorAvailable()) {
      assertEquals("vector", Engines.choose("vector").name());
    } else {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> Engines.choose("vector"));
      assertTrue(e.getMessage().contains("--add-modules"), e.getMessage());
    }
  }

  @Test
  void aBadThreadCountIsReportedAsSuch() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
    String saved = System.getProperty(THREADS);
    try {
      System.setProperty(THREADS, "-2");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Engines.choose("vector"));
      assertTrue(e.getMessage().contains(THREADS + " must be a positive integer"), e.getMessage());
      assertTrue(e.getMessage().contains("'-2'"), e.getMessage());
    } finally {
      if (saved == null) {
        System.clearProperty(THREADS);
      } else {
        System.setProperty(THREADS, saved);
      }
    }
  }

  @Test
  void unknownSettingIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Engines.choose("blas"));
    assertTrue(e.getMessage().contains("'blas'"), e.getMessage());
    assertTrue(e.getMessage().contains(Engines.PROPERTY), e.getMessage());
  }

  @Test
  void currentFollowsThePropertyUnlessReplaced() {
    MatrixEngine before = Engines.current();
    String setting = System.getProperty(Engines.PROPERTY, "auto");
    assertEquals(Engines.choose(setting).name(), before.name());
    assertSame(before, Engines.current());
    MatrixEngine ejml = new EjmlEngine();
    try {
      Engines.use(ejml);
      assertSame(ejml, Engines.current());
    } finally {
      Engines.use(before);
    }
    assertThrows(IllegalArgumentException.class, () -> Engines.use(null));
  }
}
