package dev.tensile.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.TrainingModel;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.layers.Layer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What implementers see stays protected, and what only the library needs stays out of the API. */
class PublicSurfaceTest {

  @Test
  void aLayersBatchMethodsAreForImplementersOnly() throws NoSuchMethodException {
    Method forward = Layer.class.getDeclaredMethod("forward", float[].class, int.class,
        boolean.class);
    Method backward = Layer.class.getDeclaredMethod("backward", float[].class, int.class);
    assertTrue(Modifier.isProtected(forward.getModifiers()));
    assertTrue(Modifier.isProtected(backward.getModifiers()));
    Method gradientSwitch = Layer.class.getDeclaredMethod("computeInputGradient", boolean.class);
    assertFalse(Modifier.isPublic(gradientSwitch.getModifiers())
        || Modifier.isProtected(gradientSwitch.getModifiers()));
  }

  @Test
  void theEngineInterfaceHasNoHelpers() {
    List<String> statics = Arrays.stream(MatrixEngine.class.getDeclaredMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers())).map(Method::getName).toList();
    assertEquals(List.of(), statics, "argument checks belong in dev.tensile.internal");
  }

  @Test
  void callbacksSeeTheNarrowModelView() throws NoSuchMethodException {
    assertEquals(TrainingModel.class,
        Callback.class.getMethod("setModel", TrainingModel.class).getParameterTypes()[0]);
    assertTrue(TrainingModel.class.isAssignableFrom(dev.tensile.models.Sequential.class));
  }
}
