package dev.tensile.optimizers;

import dev.tensile.engine.Elementwise;
import dev.tensile.engine.Engines;
import dev.tensile.tensor.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The base of every optimizer: a template method {@link #apply(List)} that, for each training
 * step,
 *
 * <ol>
 *   <li>makes the per-weight state ("slots") on first use, one array per slot per weight;
 *   <li>clips the gradients, if {@code clipnorm}, {@code clipvalue} or {@code global_clipnorm} is
 *       set (at most one): per tensor {@code g <- g c / max(||g||, c)}; globally {@code g <- g c /
 *       max(N, c)} with {@code N} the norm over all gradients; element-wise {@code g <- clip(g, -v,
 *       v)};
 *   <li>calls the subclass's {@link #update} for every weight with the current learning rate;
 *   <li>counts the step in {@link #iterations()}.
 * </ol>
 *
 * <p>The state lives in the optimizer, so it carries over from one {@code fit} call to the next,
 * as in Keras. An optimizer serves one model: its state is made for that model's weights. It is
 * not thread-safe; it is used by its model's thread.
 *
 * <p>To write an optimizer, implement {@link #slotNames()} and {@link #update} (and {@link
 * #initialSlotValue} if a slot starts above 0); docs/extending.md shows one. The public methods
 * mirror Keras's: {@link #apply(List)} is {@code apply_gradients}, {@link #build(List)} is {@code
 * build(variables)}, {@link #slotValues()} with {@link #iterations()} is {@code
 * optimizer.variables}, and {@link #restore} puts saved state back.
 */
public abstract class Optimizer {
  private float learningRate;
  private float clipnorm = Float.NaN;
  private float clipvalue = Float.NaN;
  private float globalClipnorm = Float.NaN;
  private long iterations;
  private List<Variable> variables;
  private float[][][] slots;

  /**
   * Makes the optimizer.
   *
   * @param learningRate the step size; finite and positive
   * @throws IllegalArgumentException if the learning rate is not finite and positive
   */
  protected Optimizer(double learningRate) {
    setLearningRate(learningRate);
  }

  /**
   * Returns Keras's name of this optimizer class, e.g. {@code adam}.
   *
   * @return the lower-case name
   */
  public String name() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the learning rate, as float32 like Keras's variable.
   *
   * @return the current learning rate
   */
  public final float learningRate() {
    return learningRate;
  }

  /**
   * Changes the learning rate, at any time (callbacks such as {@code ReduceLROnPlateau} do).
   *
   * @param value finite and positive
   * @throws IllegalArgumentException if the value is not finite and positive
   */
  public final void setLearningRate(double value) {
    learningRate = (float) positive("learning_rate", value);
  }

  /**
   * Clips each gradient tensor to at most this L2 norm (Keras's {@code clipnorm}).
   *
   * @param value the largest norm; positive
   * @return this optimizer
   */
  public Optimizer clipnorm(double value) {
    requireNoClipping();
    clipnorm = (float) positive("clipnorm", value);
    return this;
  }

  /**
   * Clips each gradient element to {@code [-value, value]} (Keras's {@code clipvalue}).
   *
   * @param value the largest magnitude; positive
   * @return this optimizer
   */
  public Optimizer clipvalue(double value) {
    requireNoClipping();
    clipvalue = (float) positive("clipvalue", value);
    return this;
  }

  /**
   * Scales all gradients together so their joint L2 norm is at most this (Keras's {@code
   * global_clipnorm}).
   *
   * @param value the largest joint norm; positive
   * @return this optimizer
   */
  public Optimizer globalClipnorm(double value) {
    requireNoClipping();
    globalClipnorm = (float) positive("global_clipnorm", value);
    return this;
  }

  /**
   * Returns the per-tensor clipping norm.
   *
   * @return {@code clipnorm}, or NaN if unset
   */
  public final float clipnorm() {
    return clipnorm;
  }

  /**
   * Returns the element-wise clipping bound.
   *
   * @return {@code clipvalue}, or NaN if unset
   */
  public final float clipvalue() {
    return clipvalue;
  }

  /**
   * Returns the global clipping norm.
   *
   * @return {@code global_clipnorm}, or NaN if unset
   */
  public final float globalClipnorm() {
    return globalClipnorm;
  }

  /**
   * Returns the number of steps taken, Keras's {@code iterations}.
   *
   * @return the step count
   */
  public final long iterations() {
    return iterations;
  }

  /**
   * Tells whether the state has been made, i.e. a step has been taken or state loaded.
   *
   * @return true once built
   */
  public final boolean isBuilt() {
    return slots != null;
  }

  /**
   * Returns the names of the per-weight state arrays, in Keras's order, e.g. {@code momentum,
   * velocity} for Adam; empty for plain SGD.
   *
   * @return the slot names
   */
  protected abstract List<String> slotNames();

  /**
   * Returns the value a slot starts at; 0 unless overridden (Adagrad's accumulator starts at 0.1).
   *
   * @param slot the slot's index in {@link #slotNames()}
   * @return its initial value
   */
  protected float initialSlotValue(int slot) {
    return 0f;
  }

  /**
   * Updates one weight in place from its (clipped) gradient.
   *
   * @param w the weight; modified
   * @param g the gradient; not modified
   * @param state this weight's slots, in {@link #slotNames()} order; modified
   * @param lr the learning rate for this step
   */
  protected abstract void update(float[] w, float[] g, float[][] state, float lr);

  /**
   * Takes one step: clip, update every weight, count the step; Keras's {@code apply_gradients}.
   * {@code fit} calls it once per batch.
   *
   * @param vars the weights, each holding its gradient; the same list on every call
   * @throws IllegalStateException if the optimizer was built for other weights
   */
  public final void apply(List<Variable> vars) {
    build(vars);
    clip(vars);
    float lr = learningRate;
    for (int i = 0; i < vars.size(); i++) {
      Variable v = vars.get(i);
      update(v.value(), v.gradient(), slots[i], lr);
    }
    iterations++;
  }

  /**
   * Makes the state for these weights if not yet made, Keras's {@code build(variables)}; {@code
   * fit} calls it before the first step, and every step checks through it that the weights are
   * the same. It is synchronized, so two models that share one optimizer on two threads cannot
   * both build it: the second fails as it would on one thread.
   *
   * @param vars the weights the optimizer will update
   * @throws IllegalStateException if it was already built for other weights
   */
  public final synchronized void build(List<Variable> vars) {
    if (slots != null) {
      if (!sameVariables(vars)) {
        throw new IllegalStateException(
            "this " + name() + " optimizer was built for the weights " + variables
                + " and cannot update " + vars + "; give each model its own optimizer, and "
                + "compile with a new one after adding layers");
      }
      return;
    }
    List<String> names = slotNames();
    float[][][] s = new float[vars.size()][names.size()][];
    for (int i = 0; i < vars.size(); i++) {
      for (int k = 0; k < names.size(); k++) {
        s[i][k] = new float[vars.get(i).size()];
        java.util.Arrays.fill(s[i][k], initialSlotValue(k));
      }
    }
    variables = List.copyOf(vars);
    slots = s;
  }

  private boolean sameVariables(List<Variable> vars) {
    if (vars.size() != variables.size()) {
      return false;
    }
    for (int i = 0; i < vars.size(); i++) {
      if (vars.get(i) != variables.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the state arrays, weight by weight and slot by slot (Keras's interleaved order: {@code
   * m(w0), v(w0), m(w1), v(w1), ...}); live arrays, for saving.
   *
   * @return the slot arrays, empty before the optimizer is built
   */
  public final List<float[]> slotValues() {
    if (slots == null) {
      return List.of();
    }
    List<float[]> out = new ArrayList<>();
    for (float[][] perVar : slots) {
      Collections.addAll(out, perVar);
    }
    return out;
  }

  /**
   * Restores the step count and state saved from an optimizer of the same configuration.
   *
   * @param vars the weights this optimizer will update
   * @param steps the saved {@link #iterations()}
   * @param values the saved {@link #slotValues()}
   * @throws IllegalArgumentException if the counts or sizes do not match
   */
  public final void restore(List<Variable> vars, long steps, List<float[]> values) {
    slots = null;
    build(vars);
    List<float[]> mine = slotValues();
    if (mine.size() != values.size()) {
      throw new IllegalArgumentException(
          name() + " expects " + mine.size() + " state arrays, got " + values.size());
    }
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).length != values.get(i).length) {
        throw new IllegalArgumentException(
            name() + " state array " + i + " has " + mine.get(i).length + " elements, got "
                + values.get(i).length);
      }
      System.arraycopy(values.get(i), 0, mine.get(i), 0, mine.get(i).length);
    }
    iterations = steps;
  }

  /**
   * Counts the optimizer's variables as Keras's summary does: every slot element plus the step
   * count and the learning rate.
   *
   * @return the number of optimizer parameters, or 0 before the optimizer is built
   */
  public final long countParams() {
    if (slots == null) {
      return 0;
    }
    long n = 2;
    for (float[] s : slotValues()) {
      n += s.length;
    }
    return n;
  }

  private void clip(List<Variable> vars) {
    // Indexed loops: an iterator per step would be the step's only allocation.
    Elementwise kernels = Engines.current().elementwise();
    if (!Float.isNaN(clipnorm)) {
      for (int i = 0; i < vars.size(); i++) {
        float[] g = vars.get(i).gradient();
        float norm = (float) Math.sqrt(kernels.sumOfSquares(g, g.length));
        scale(kernels, g, clipnorm / Math.max(norm, clipnorm));
      }
    } else if (!Float.isNaN(globalClipnorm)) {
      double total = 0;
      for (int i = 0; i < vars.size(); i++) {
        float[] g = vars.get(i).gradient();
        total += kernels.sumOfSquares(g, g.length);
      }
      float factor = globalClipnorm / Math.max((float) Math.sqrt(total), globalClipnorm);
      for (int i = 0; i < vars.size(); i++) {
        scale(kernels, vars.get(i).gradient(), factor);
      }
    } else if (!Float.isNaN(clipvalue)) {
      for (int i = 0; i < vars.size(); i++) {
        float[] g = vars.get(i).gradient();
        kernels.clip(g, g.length, clipvalue);
      }
    }
  }

  private static void scale(Elementwise kernels, float[] g, float factor) {
    if (factor != 1f) {
      kernels.scale(g, g.length, factor);
    }
  }

  private void requireNoClipping() {
    if (!Float.isNaN(clipnorm) || !Float.isNaN(clipvalue) || !Float.isNaN(globalClipnorm)) {
      throw new IllegalArgumentException(
          "only one of clipnorm, clipvalue and global_clipnorm may be set");
    }
  }

  /**
   * Throws unless the optimizer is still unbuilt; hyperparameters that shape the state (such as
   * momentum) cannot change afterwards.
   *
   * @param what the hyperparameter being set, for the message
   * @throws IllegalStateException if the optimizer has been built
   */
  protected final void requireUnbuilt(String what) {
    if (slots != null) {
      throw new IllegalStateException(
          "cannot change " + what + " of a " + name() + " optimizer that has already taken steps");
    }
  }

  /**
   * Checks a hyperparameter that may change only before the first step and must lie in a range:
   * the body of a fluent setter, {@code beta1 = setting("beta_1", value, 0, 1, false)}.
   *
   * @param name its Keras argument name, for the messages
   * @param value the value
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @param hiInclusive whether {@code hi} itself is allowed
   * @return the value as float32
   * @throws IllegalStateException if the optimizer has been built
   * @throws IllegalArgumentException if the value is outside the range
   */
  protected final float setting(
      String name, double value, double lo, double hi, boolean hiInclusive) {
    requireUnbuilt(name);
    return (float) inRange(name, value, lo, hi, hiInclusive);
  }

  /**
   * Checks a hyperparameter that may change only before the first step and must be finite and at
   * least 0, such as epsilon.
   *
   * @param name its Keras argument name, for the messages
   * @param value the value
   * @return the value as float32
   * @throws IllegalStateException if the optimizer has been built
   * @throws IllegalArgumentException if the value is negative or not finite
   */
  protected final float nonNegativeSetting(String name, double value) {
    return setting(name, value, 0, Double.MAX_VALUE, true);
  }

  /**
   * Checks that a switch is set before the first step.
   *
   * @param name its Keras argument name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalStateException if the optimizer has been built
   */
  protected final boolean switchSetting(String name, boolean value) {
    requireUnbuilt(name);
    return value;
  }

  /**
   * Checks that a hyperparameter is finite and positive.
   *
   * @param name its Keras argument name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException otherwise
   */
  protected static double positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and positive, got " + value);
    }
    return value;
  }

  /**
   * Checks that a hyperparameter lies in a range.
   *
   * @param name its Keras argument name, for the message
   * @param value the value
   * @param lo the smallest allowed value
   * @param hi the largest allowed value
   * @param hiInclusive whether {@code hi} itself is allowed
   * @return the value
   * @throws IllegalArgumentException otherwise
   */
  protected static double inRange(
      String name, double value, double lo, double hi, boolean hiInclusive) {
    boolean ok = value >= lo && (hiInclusive ? value <= hi : value < hi);
    if (!ok) {
      throw new IllegalArgumentException(
          name + " must be in [" + lo + ", " + hi + (hiInclusive ? "]" : ")") + ", got " + value);
    }
    return value;
  }

  /**
   * Describes the clipping settings for {@code toString()}.
   *
   * @return for example {@code ", clipnorm=1.0"}, or empty
   */
  protected final String clippingText() {
    if (!Float.isNaN(clipnorm)) {
      return ", clipnorm=" + clipnorm;
    }
    if (!Float.isNaN(clipvalue)) {
      return ", clipvalue=" + clipvalue;
    }
    return Float.isNaN(globalClipnorm) ? "" : ", global_clipnorm=" + globalClipnorm;
  }
}
