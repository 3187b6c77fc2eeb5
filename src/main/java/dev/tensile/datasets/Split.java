package dev.tensile.datasets;

import dev.tensile.tensor.Tensor;

/**
 * A train/test split, in the order scikit-learn's {@code train_test_split} returns it: {@code
 * X_train, X_test, y_train, y_test}.
 *
 * @param xTrain the training inputs
 * @param xTest the test inputs
 * @param yTrain the training targets, row {@code i} belonging to {@code xTrain}'s row {@code i}
 * @param yTest the test targets
 */
public record Split(Tensor xTrain, Tensor xTest, Tensor yTrain, Tensor yTest) {}
