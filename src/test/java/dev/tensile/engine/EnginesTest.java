package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How {@link Engines} picks the engine from {@code -Dtensile.engine}. */
class EnginesTest {
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
