package dev.tensile.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The details that small default epsilons hide: where epsilon goes, the Nesterov form, Adam's
 * bias correction, Adagrad's starting accumulator, clipping. Each expectation is the formula
 * written out in double precision, with values chosen so a wrong variant differs clearly.
 */
class UpdateRuleTest {

  private static Variable scalar(double w, double g) {
    Variable v = new Variable("w", 1);
    v.value()[0] = (float) w;
    v.gradient()[0] = (float) g;
    return v;
  }

  private static double step(Optimizer opt, Variable v, double g) {
    v.gradient()[0] = (float) g;
    opt.apply(List.of(v));
    return v.value()[0];
  }

  @Test
  void rmspropPutsEpsilonInsideTheSquareRoot() {
    Variable v = scalar(1, 0);
    double w = step(new RMSprop(0.1).epsilon(1.0), v, 1);
    double velocity = 0.1; // (1 - rho) g^2
    assertEquals(1 - 0.1 / Math.sqrt(velocity + 1.0), w, 1e-6);
  }

  @Test
  void rmspropCenteredWithMomentum() {
    Variable v = scalar(1, 0);
    RMSprop opt = new RMSprop(0.1).epsilon(0.5).momentum(0.5).centered(true);
    double vel = 0;
    double avg = 0;
    double mom = 0;
    double w = 1;
    for (double g : new double[] {1, -2, 0.5}) {
      vel = 0.9 * vel + 0.1 * g * g;
      avg = 0.9 * avg + 0.1 * g;
      mom = 0.5 * mom + 0.1 * g / Math.sqrt(vel - avg * avg + 0.5);
      w -= mom;
      assertEquals(w, step(opt, v, g), 1e-5);
    }
  }

  @Test
  void adagradStartsItsAccumulatorAtTheInitialValue() {
    Variable v = scalar(1, 0);
    double w = step(new Adagrad(0.5).initialAccumulatorValue(2.0).epsilon(1.0), v, 1);
    assertEquals(1 - 0.5 * 1 / Math.sqrt(2 + 1 + 1.0), w, 1e-6);
    Variable d = scalar(1, 0);
    assertEquals(1 - 0.001 / Math.sqrt(0.1 + 1 + 1e-7), step(new Adagrad(), d, 1), 1e-7);
  }

  @Test
  void adamCorrectsBiasInTheStepSizeAndAddsEpsilonOutsideTheRoot() {
    Variable v = scalar(1, 0);
    Adam opt = new Adam(0.1).epsilon(1.0);
    double m = 0;
    double s = 0;
    double w = 1;
    double[] grads = {2, 2, -1};
    for (int t = 1; t <= grads.length; t++) {
      double g = grads[t - 1];
      m = 0.9 * m + 0.1 * g;
      s = 0.999 * s + 0.001 * g * g;
      double alpha = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      w -= alpha * m / (Math.sqrt(s) + 1.0);
      assertEquals(w, step(opt, v, g), 1e-6, "step " + t);
    }
    assertEquals(3, opt.iterations());
  }

  @Test
  void amsgradUsesTheLargestSecondMoment() {
    Variable v = scalar(1, 0);
    Adam opt = new Adam(0.1).epsilon(1e-3).amsgrad(true);
    double m = 0;
    double s = 0;
    double sMax = 0;
    double w = 1;
    double[] grads = {3, 0.1, 0.1};
    for (int t = 1; t <= grads.length; t++) {
      double g = grads[t - 1];
      m = 0.9 * m + 0.1 * g;
      s = 0.999 * s + 0.001 * g * g;
      sMax = Math.max(sMax, s);
      double alpha = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      w -= alpha * m / (Math.sqrt(sMax) + 1e-3);
      assertEquals(w, step(opt, v, g), 1e-5, "step " + t);
    }
  }

  @Test
  void sgdMomentumAndNesterovForms() {
    Variable plain = scalar(1, 0);
    Variable nesterov = scalar(1, 0);
    SGD momentum = new SGD(0.1).momentum(0.9);
    SGD nag = new SGD(0.1).momentum(0.9).nesterov(true);
    double vm = 0;
    double wm = 1;
    double vn = 0;
    double wn = 1;
    for (double g : new double[] {1, 1, -0.5}) {
      vm = 0.9 * vm - 0.1 * g;
      wm += vm;
      vn = 0.9 * vn - 0.1 * g;
      wn += 0.9 * vn - 0.1 * g;
      assertEquals(wm, step(momentum, plain, g), 1e-6);
      assertEquals(wn, step(nag, nesterov, g), 1e-6);
    }
  }

  @Test
  void clipnormClipsEachTensorByItsOwnNorm() {
    Variable v = new Variable("w", 2);
    v.gradient()[0] = 3;
    v.gradient()[1] = 4;
    new SGD(1.0).clipnorm(1.0).apply(List.of(v));
    assertEquals(-0.6f, v.value()[0], 1e-6);
    assertEquals(-0.8f, v.value()[1], 1e-6);
  }

  @Test
  void globalClipnormScalesAllTensorsTogether() {
    Variable a = scalar(0, 3);
    Variable b = scalar(0, 4);
    new SGD(1.0).globalClipnorm(2.5).apply(List.of(a, b));
    assertEquals(-1.5f, a.value()[0], 1e-6);
    assertEquals(-2.0f, b.value()[0], 1e-6);
  }

  @Test
  void clipvalueClipsEachElement() {
    Variable v = new Variable("w", 2);
    v.gradient()[0] = 3;
    v.gradient()[1] = -0.25f;
    new SGD(1.0).clipvalue(0.5).apply(List.of(v));
    assertEquals(-0.5f, v.value()[0]);
    assertEquals(0.25f, v.value()[1]);
  }

  @Test
  void kerasDefaults() {
    assertEquals(0.01f, new SGD().learningRate());
    RMSprop r = new RMSprop();
    assertEquals(0.001f, r.learningRate());
    assertEquals(0.9f, r.rho());
    assertEquals(1e-7f, r.epsilon());
    Adam a = new Adam();
    assertEquals(0.9f, a.beta1());
    assertEquals(0.999f, a.beta2());
    assertEquals(1e-7f, a.epsilon());
    assertEquals(0.1f, new Adagrad().initialAccumulatorValue());
    assertTrue(Optimizers.get("RMSprop") instanceof RMSprop);
  }

  @Test
  void badHyperparametersAreRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(-0.1))
        .getMessage().contains("-0.1"));
    assertThrows(IllegalArgumentException.class, () -> new Adam(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new SGD(0.0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(1.5))
        .getMessage().contains("momentum"));
    assertThrows(IllegalArgumentException.class, () -> new RMSprop().rho(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new Adam().beta1(1.0));
    assertThrows(IllegalArgumentException.class, () -> new SGD().clipnorm(1).clipvalue(1));
    String m = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("lbfgs"))
        .getMessage();
    assertTrue(m.contains("lbfgs") && m.contains("adam"), m);
  }

  @Test
  void stateShapingSettingsAreFrozenOnceBuilt() {
    SGD sgd = new SGD().momentum(0.5);
    sgd.apply(List.of(scalar(1, 1)));
    assertThrows(IllegalStateException.class, () -> sgd.momentum(0.1));
    sgd.setLearningRate(0.5);
    assertEquals(0.5f, sgd.learningRate());
    assertThrows(IllegalStateException.class, () -> sgd.apply(List.of(scalar(1, 1))));
  }
}
