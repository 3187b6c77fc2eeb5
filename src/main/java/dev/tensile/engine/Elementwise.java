package dev.tensile.engine;

/**
 * The element-wise passes of a training step, beside the products of {@link MatrixEngine}: the
 * optimizers' update rules, gradient clipping, activations and their derivatives, bias addition and
 * column sums, and the loss gradient's scaling.
 *
 * <p>Every method works on row-major float arrays from index 0; an array may be longer than the
 * count it is given. Unless a method says otherwise, every element is computed by the formula in
 * its javadoc with float arithmetic in exactly that order, so implementations that keep the order
 * (the portable {@link ScalarElementwise} and the Vector API one) give the same bits; the
 * transcendental functions ({@code exp}, {@code tanh}) and the sums are the exceptions, and say
 * so. Nothing allocates and nothing is split across threads, so results never depend on the
 * thread count. An engine hands out its kernels with {@link MatrixEngine#elementwise()}.
 *
 * <p>The optimizers' slots (momenta, moving averages of the gradients and of their squares) are
 * set to zero when their magnitude falls below {@link #SLOT_FLOOR}. A slot whose gradient stays
 * zero (a weight of a pixel that is blank in every image of a batch) decays geometrically; left
 * alone it ends in the subnormal range, where it sticks, since {@code 0.9 x} rounds back to {@code
 * x} there, and where Intel's cores take a microcode assist, 100 cycles or more, for every
 * subnormal operand or result: Adam's update ran 13 times slower on such slots. The floor keeps
 * every slot and every product of a slot with a rate above {@code 2^-26} in the normal range. It
 * changes no weight: the largest step a slot below it could cause is {@code 2^-100 lr / eps}.
 * TensorFlow and XLA get the same effect by running with subnormals flushed to zero.
 */
public interface Elementwise {
  /**
   * Slots of a smaller magnitude are set to zero: {@code 2^-100}, about {@code 7.9e-31}.
   */
  float SLOT_FLOOR = 0x1p-100f;

  /**
   * Plain SGD, {@code w = w - lr g}.
   *
   * @param w the weights; modified
   * @param g the gradients, as long as {@code w}; not modified
   * @param learningRate {@code lr}
   */
  default void sgd(float[] w, float[] g, float learningRate) {
    sgdRange(w, g, learningRate, 0, w.length);
  }

  /**
   * {@link #sgd(float[], float[], float)} over the elements {@code [from, to)}; an optimizer
   * updates a large weight in such parts on the engine's threads.
   *
   * @param w the weights; modified in the range
   * @param g the gradients, as long as {@code w}; not modified
   * @param learningRate {@code lr}
   * @param from the first index
   * @param to one past the last index
   */
  void sgdRange(float[] w, float[] g, float learningRate, int from, int to);

  /**
   * SGD with momentum {@code mu}: {@code v = mu v - lr g} (zero below {@link #SLOT_FLOOR}), then {@code w = w + v}, or with
   * Nesterov momentum {@code w = w + mu v - lr g} (with the new {@code v}).
   *
   * @param w the weights; modified
   * @param g the gradients, as long as {@code w}; not modified
   * @param velocity {@code v}, as long as {@code w}; modified
   * @param learningRate {@code lr}
   * @param momentum {@code mu}
   * @param nesterov whether to take the Nesterov step
   */
  default void sgdMomentum(
      float[] w, float[] g, float[] velocity, float learningRate, float momentum, boolean nesterov) {
    sgdMomentumRange(w, g, velocity, learningRate, momentum, nesterov, 0, w.length);
  }

  /**
   * {@link #sgdMomentum(float[], float[], float[], float, float, boolean)} over the elements
   * {@code [from, to)}.
   *
   * @param w the weights; modified in the range
   * @param g the gradients, as long as {@code w}; not modified
   * @param velocity {@code v}, as long as {@code w}; modified in the range
   * @param learningRate {@code lr}
   * @param momentum {@code mu}
   * @param nesterov whether to take the Nesterov step
   * @param from the first index
   * @param to one past the last index
   */
  void sgdMomentumRange(float[] w, float[] g, float[] velocity, float learningRate, float momentum,
      boolean nesterov, int from, int to);

  /**
   * One Adam step with step size {@code alpha} (the learning rate with the bias corrections):
   * {@code m = m + (g - m)(1 - beta_1)}, {@code v = v + (g g - v)(1 - beta_2)} (each zero below
   * {@link #SLOT_FLOOR}), for AMSGrad
   * {@code vMax = max(vMax, v)}, then {@code w = w - (alpha m) / (sqrt(vMax) + eps)} ({@code v}
   * in place of {@code vMax} without AMSGrad).
   *
   * @param rule {@code beta_1}, {@code beta_2}, {@code eps}
   * @param alpha the step size of this step
   * @param w the weights; modified
   * @param g the gradients, as long as {@code w}; not modified
   * @param m the first moments; modified
   * @param v the second moments; modified
   * @param vMax the largest second moments so far for AMSGrad (modified), or null for Adam
   */
  default void adam(
      AdamRule rule, float alpha, float[] w, float[] g, float[] m, float[] v, float[] vMax) {
    adamRange(rule, alpha, w, g, m, v, vMax, 0, w.length);
  }

  /**
   * {@link #adam(AdamRule, float, float[], float[], float[], float[], float[])} over the elements
   * {@code [from, to)}.
   *
   * @param rule {@code beta_1}, {@code beta_2}, {@code eps}
   * @param alpha the step size of this step
   * @param w the weights; modified in the range
   * @param g the gradients, as long as {@code w}; not modified
   * @param m the first moments; modified in the range
   * @param v the second moments; modified in the range
   * @param vMax the AMSGrad maxima (modified in the range), or null for Adam
   * @param from the first index
   * @param to one past the last index
   */
  void adamRange(AdamRule rule, float alpha, float[] w, float[] g, float[] m, float[] v,
      float[] vMax, int from, int to);

  /**
   * One RMSprop step: {@code v = rho v + (1 - rho) g g}; centered: {@code a = rho a + (1 - rho) g}
   * and {@code D = v - a a}, otherwise {@code D = v}; {@code d = lr g / sqrt(D + eps)}; with
   * momentum {@code mu}: {@code s = mu s + d} and {@code w = w - s}, otherwise {@code w = w - d}.
   * Each of {@code v}, {@code a} and {@code s} is zero below {@link #SLOT_FLOOR}.
   *
   * @param rule {@code rho}, {@code mu} and {@code eps}; {@code mu = 0} means no momentum
   * @param learningRate {@code lr}
   * @param w the weights; modified
   * @param g the gradients, as long as {@code w}; not modified
   * @param v the mean squared gradients; modified
   * @param s the momentum buffer (modified), or null when {@code mu = 0}
   * @param a the mean gradients for centered RMSprop (modified), or null
   */
  default void rmsprop(RmspropRule rule, float learningRate, float[] w, float[] g, float[] v,
      float[] s, float[] a) {
    rmspropRange(rule, learningRate, w, g, v, s, a, 0, w.length);
  }

  /**
   * {@link #rmsprop(RmspropRule, float, float[], float[], float[], float[], float[])} over the
   * elements {@code [from, to)}.
   *
   * @param rule {@code rho}, {@code mu} and {@code eps}
   * @param learningRate {@code lr}
   * @param w the weights; modified in the range
   * @param g the gradients, as long as {@code w}; not modified
   * @param v the mean squared gradients; modified in the range
   * @param s the momentum buffer (modified in the range), or null when {@code mu = 0}
   * @param a the mean gradients for centered RMSprop (modified in the range), or null
   * @param from the first index
   * @param to one past the last index
   */
  void rmspropRange(RmspropRule rule, float learningRate, float[] w, float[] g, float[] v,
      float[] s, float[] a, int from, int to);

  /**
   * One Adagrad step: {@code acc = acc + g g}, then {@code w = w - lr g / sqrt(acc + eps)}.
   *
   * @param w the weights; modified
   * @param g the gradients, as long as {@code w}; not modified
   * @param accumulator {@code acc}; modified
   * @param learningRate {@code lr}
   * @param epsilon {@code eps}
   */
  default void adagrad(
      float[] w, float[] g, float[] accumulator, float learningRate, float epsilon) {
    adagradRange(w, g, accumulator, learningRate, epsilon, 0, w.length);
  }

  /**
   * {@link #adagrad(float[], float[], float[], float, float)} over the elements {@code [from,
   * to)}.
   *
   * @param w the weights; modified in the range
   * @param g the gradients, as long as {@code w}; not modified
   * @param accumulator {@code acc}; modified in the range
   * @param learningRate {@code lr}
   * @param epsilon {@code eps}
   * @param from the first index
   * @param to one past the last index
   */
  void adagradRange(float[] w, float[] g, float[] accumulator, float learningRate, float epsilon,
      int from, int to);

  /**
   * {@code sum_i x_i^2} over the first {@code n} elements, in double. The order of the additions
   * is the implementation's (the Vector API one sums blocks in float lanes first), so two
   * implementations agree to a relative {@code 1e-5}, not to the bit; each is deterministic.
   *
   * @param x the values; not modified
   * @param n how many
   * @return the sum of squares
   */
  double sumOfSquares(float[] x, int n);

  /**
   * {@code x = x c} for the first {@code n} elements.
   *
   * @param x the values; modified
   * @param n how many
   * @param c the factor
   */
  void scale(float[] x, int n, float c);

  /**
   * {@code out = x c} for the first {@code n} elements; {@code out} may be {@code x}.
   *
   * @param x the values; not modified unless {@code out == x}
   * @param c the factor
   * @param out the products; modified
   * @param n how many
   */
  void scaleInto(float[] x, float c, float[] out, int n);

  /**
   * {@code x = min(max(x, -bound), bound)} for the first {@code n} elements.
   *
   * @param x the values; modified
   * @param n how many
   * @param bound the largest magnitude
   */
  void clip(float[] x, int n, float bound);

  /**
   * {@code x[r][j] = x[r][j] + b[j]}: adds a row vector (a bias) to every row.
   *
   * @param x the {@code rows x width} block; modified
   * @param b the row of {@code width} values; not modified
   * @param rows the number of rows
   * @param width the row length
   */
  void addToRows(float[] x, float[] b, int rows, int width);

  /**
   * {@code dst[at + i] = dst[at + i] + src[from + i]} for {@code i < n}: one run of a gradient
   * summed back onto an image (the convolution's col2im).
   *
   * @param src the values to add; not modified
   * @param from the first index in {@code src}
   * @param dst the sums; modified in {@code [at, at + n)}
   * @param at the first index in {@code dst}
   * @param n how many
   */
  void addInto(float[] src, int from, float[] dst, int at, int n);

  /**
   * {@code x[r][j] = max(x[r][j] + b[j], 0)} for the rows {@code [fromRow, toRow)}: a bias and
   * relu in one pass, the bits of {@link #addToRows} followed by {@link #relu}.
   *
   * @param x the block of rows of {@code width}; modified in the rows given
   * @param b the row of {@code width} values; not modified
   * @param fromRow the first row
   * @param toRow one past the last row
   * @param width the row length
   */
  void addToRowsRelu(float[] x, float[] b, int fromRow, int toRow, int width);

  /**
   * {@link #reluBackward(float[], float[], float[], int)} over the elements {@code [from, to)}.
   *
   * @param y relu's outputs; not modified
   * @param dy the gradient with respect to {@code y}; not modified unless {@code dz == dy}
   * @param dz the gradient with respect to the input; modified in the range
   * @param from the first index
   * @param to one past the last index
   */
  void reluBackwardRange(float[] y, float[] dy, float[] dz, int from, int to);

  /**
   * {@code sums[j] = sum_r x[r][j]}, rows added in ascending order from zero.
   *
   * @param x the {@code rows x width} block; not modified
   * @param sums the {@code width} column sums; overwritten
   * @param rows the number of rows
   * @param width the row length
   */
  default void columnSums(float[] x, float[] sums, int rows, int width) {
    columnSums(x, 0, rows, width, sums, 0);
  }

  /**
   * {@code sums[at + j] = sum_r x[from + r * width + j]}, rows added in ascending order from zero:
   * the column sums of a block that starts at {@code from}.
   *
   * @param x holds the {@code rows x width} block; not modified
   * @param from where the block starts in x
   * @param rows the number of rows
   * @param width the row length
   * @param sums receives the {@code width} column sums at {@code at}; overwritten there
   * @param at where the sums start in {@code sums}
   */
  void columnSums(float[] x, int from, int rows, int width, float[] sums, int at);

  /**
   * {@code y = max(z, 0)}; {@code y} may be {@code z}.
   *
   * @param z the inputs; not modified unless {@code y == z}
   * @param y the outputs; modified
   * @param n how many
   */
  void relu(float[] z, float[] y, int n);

  /**
   * {@code dz = y > 0 ? dy : 0}, relu's derivative from its output; {@code dz} may be {@code dy}.
   *
   * @param y relu's outputs; not modified
   * @param dy the gradient with respect to {@code y}; not modified unless {@code dz == dy}
   * @param dz the gradient with respect to the input; modified
   * @param n how many
   */
  void reluBackward(float[] y, float[] dy, float[] dz, int n);

  /**
   * {@code y = 1 / (1 + exp(-z))}. The portable kernel computes in double and rounds once; the
   * Vector API one computes in float, within 2 ulp of it.
   *
   * @param z the inputs; not modified unless {@code y == z}
   * @param y the outputs; modified
   * @param n how many
   */
  void sigmoid(float[] z, float[] y, int n);

  /**
   * {@code dz = dy y (1 - y)}, the sigmoid's derivative from its output.
   *
   * @param y the sigmoid's outputs; not modified
   * @param dy the gradient with respect to {@code y}; not modified unless {@code dz == dy}
   * @param dz the gradient with respect to the input; modified
   * @param n how many
   */
  void sigmoidBackward(float[] y, float[] dy, float[] dz, int n);

  /**
   * {@code y = tanh(z)}. The portable kernel computes in double and rounds once; the Vector API one
   * computes in float, within 2 ulp of it.
   *
   * @param z the inputs; not modified unless {@code y == z}
   * @param y the outputs; modified
   * @param n how many
   */
  void tanh(float[] z, float[] y, int n);

  /**
   * {@code dz = dy (1 - y y)}, tanh's derivative from its output.
   *
   * @param y tanh's outputs; not modified
   * @param dy the gradient with respect to {@code y}; not modified unless {@code dz == dy}
   * @param dz the gradient with respect to the input; modified
   * @param n how many
   */
  void tanhBackward(float[] y, float[] dy, float[] dz, int n);
}
