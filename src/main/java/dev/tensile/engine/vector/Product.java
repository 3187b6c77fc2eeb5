package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;

/**
 * One product {@code C = op(A) B} being computed, cut into cache blocks and register blocks.
 *
 * <p>Element {@code (i, p)} of {@code op(A)} is {@code a[i * ars + p * acs]}; B is k x n and C is
 * m x n, both row-major with row stride n, and {@code n >= L} (the engine pads narrower products).
 * Columns are covered by strips of 2 vectors (one vector for an odd last one); when n is not a
 * multiple of L, a last vector ending at the last column overlaps its neighbour and is computed
 * over the whole of k from zero, so the overlapped columns are rewritten with the bits they
 * already hold.
 *
 * <p>Large blocks copy B into contiguous panels of {@code KC} rows by one strip ({@code KC x 2L}
 * floats, kept in the level-1 cache), sweep {@code MC} rows of A across all panels of a {@code KC
 * x NC} block (kept in the level-2 cache), and accumulate the k blocks in C. Small blocks read B in
 * place. A product may be split for threads into disjoint row ranges (multiples of 4) or column
 * ranges (multiples of 2L): parts never share an output element, and every element is computed
 * the same way in any part, so the result does not depend on the split.
 *
 * <p>Mutable and reused per calling thread, so that a product allocates nothing.
 */
final class Product implements WorkerPool.Job {
  /** Rows of B (steps of p) per packed block: a 2-vector panel is {@code KC * 2L} floats. */
  static final int KC = 256;

  /**
   * Rows of B per block when B is read in place: its rows are not aligned to cache lines, so a
   * strip of 2 vectors touches 3 lines per row, and {@code KC_IN_PLACE} rows of it fit the
   * level-1 cache.
   */
  static final int KC_IN_PLACE = 128;

  /** Rows of A swept across the panels of one packed block. */
  static final int MC = 96;

  /** Columns of B per packed block; a multiple of 2L for every vector length. */
  static final int NC = 512;

  /** Blocks with at least this many rows pack B into panels; smaller ones read it in place. */
  static final int PACK_MIN_ROWS = 64;

  /**
   * Blocks of at least this many rows pack B anyway when its rows are a multiple of 64 floats
   * apart: rows of B then fall into the same few cache sets and evict each other.
   */
  static final int PACK_MIN_ROWS_ALIASED = 16;

  private float[] a;
  private int ars;
  private int acs;
  private float[] b;
  private float[] c;
  private int m;
  private int k;
  private int n;
  private boolean splitColumns;
  private int parts;

  /**
   * Describes the product to compute next.
   *
   * @param a the left factor's array
   * @param ars the left factor's row stride
   * @param acs the left factor's column stride
   * @param b the k x n right factor
   * @param c the m x n output
   * @param m rows of C
   * @param k the inner dimension
   * @param n columns of B and C, at least L
   */
  void set(float[] a, int ars, int acs, float[] b, float[] c, int m, int k, int n) {
    this.a = a;
    this.ars = ars;
    this.acs = acs;
    this.b = b;
    this.c = c;
    this.m = m;
    this.k = k;
    this.n = n;
  }

  /** Drops the references to the caller's arrays once the product is done. */
  void clear() {
    a = null;
    b = null;
    c = null;
  }

  /**
   * Splits the product into parts for threads, or into a single part: by columns if it is at least
   * as wide as tall (each part then packs only its own columns of B), otherwise by rows.
   *
   * @param maxParts the most parts wanted
   * @return the number of parts, between 1 and maxParts
   */
  int split(int maxParts) {
    int columnUnits = n / (2 * L);
    int rowUnits = (m + 3) / 4;
    splitColumns = n >= m && columnUnits >= maxParts;
    parts = Math.max(1, Math.min(maxParts, splitColumns ? columnUnits : rowUnits));
    return parts;
  }

  @Override
  public void runPart(int part) {
    if (splitColumns) {
      int units = n / (2 * L);
      int j0 = 2 * L * share(part, units);
      int j1 = part == parts - 1 ? n : 2 * L * share(part + 1, units);
      computeBlock(0, m, j0, j1);
    } else {
      int units = (m + 3) / 4;
      int i0 = Math.min(m, 4 * share(part, units));
      computeBlock(i0, Math.min(m, 4 * share(part + 1, units)), 0, n);
    }
  }

  private int share(int part, int units) {
    return (int) ((long) part * units / parts);
  }

  /**
   * Computes {@code C[i0..i1)[j0..j1)}; the block is at least L columns wide.
   *
   * @param i0 first row
   * @param i1 end row (exclusive)
   * @param j0 first column
   * @param j1 end column (exclusive)
   */
  void computeBlock(int i0, int i1, int j0, int j1) {
    int fullEnd = j0 + (j1 - j0) / L * L;
    int rows = i1 - i0;
    if (rows >= PACK_MIN_ROWS || rows >= PACK_MIN_ROWS_ALIASED && n % 64 == 0) {
      packed(i0, i1, j0, fullEnd);
    } else {
      inPlace(i0, i1, j0, fullEnd);
    }
    if (fullEnd < j1) {
      sweepRows(i0, i1, j1 - L, 1, 0, k, b, j1 - L, n, false);
    }
  }

  private void inPlace(int i0, int i1, int j0, int j1) {
    for (int pc = 0; pc < k; pc += KC_IN_PLACE) {
      int kc = Math.min(KC_IN_PLACE, k - pc);
      for (int j = j0; j < j1; j += 2 * L) {
        sweepRows(i0, i1, j, j1 - j >= 2 * L ? 2 : 1, pc, kc, b, pc * n + j, n, pc > 0);
      }
    }
  }

  private void packed(int i0, int i1, int j0, int j1) {
    float[] panels = Scratch.current().panels(KC * NC);
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        pack(panels, pc, kc, jc, nc);
        for (int ic = i0; ic < i1; ic += MC) {
          int ie = Math.min(ic + MC, i1);
          for (int t = 0; t < nc; t += 2 * L) {
            int vectors = nc - t >= 2 * L ? 2 : 1;
            sweepRows(ic, ie, jc + t, vectors, pc, kc, panels, kc * t, vectors * L, pc > 0);
          }
        }
      }
    }
  }

  /** Copies {@code B[pc..pc+kc)[jc..jc+nc)} strip by strip, each strip kc rows of its width. */
  private void pack(float[] panels, int pc, int kc, int jc, int nc) {
    for (int t = 0; t < nc; t += 2 * L) {
      int width = Math.min(2 * L, nc - t);
      int from = pc * n + jc + t;
      int to = kc * t;
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, from, panels, to, width);
        from += n;
        to += width;
      }
    }
  }

  /**
   * Applies one k block to one strip of columns, for rows i0..i1: 8 rows at a time where the CPU
   * has the registers for it, then 4, then 1.
   */
  private void sweepRows(
      int i0, int i1, int j, int vectors, int pc, int kc, float[] bb, int bi, int bs, boolean add) {
    int i = i0;
    if (Kernels.EIGHT_ROWS) {
      for (; i + 8 <= i1; i += 8) {
        int ai = i * ars + pc * acs;
        if (vectors == 2 && acs == 1 && bs == 2 * L) {
          Kernels.rows8Vectors2RowMajor(a, ai, ars, bb, bi, c, i * n + j, n, kc, add);
        } else if (vectors == 2 && ars == 1) {
          Kernels.rows8Vectors2Transposed(a, ai, acs, bb, bi, bs, c, i * n + j, n, kc, add);
        } else if (vectors == 2) {
          Kernels.rows8Vectors2(a, ai, ars, acs, bb, bi, bs, c, i * n + j, n, kc, add);
        } else {
          Kernels.rows8Vectors1(a, ai, ars, acs, bb, bi, bs, c, i * n + j, n, kc, add);
        }
      }
    }
    for (; i + 4 <= i1; i += 4) {
      int ai = i * ars + pc * acs;
      if (vectors == 2) {
        Kernels.rows4Vectors2(a, ai, ars, acs, bb, bi, bs, c, i * n + j, n, kc, add);
      } else {
        Kernels.rows4Vectors1(a, ai, ars, acs, bb, bi, bs, c, i * n + j, n, kc, add);
      }
    }
    for (; i < i1; i++) {
      int ai = i * ars + pc * acs;
      if (vectors == 2) {
        Kernels.rows1Vectors2(a, ai, acs, bb, bi, bs, c, i * n + j, kc, add);
      } else {
        Kernels.rows1Vectors1(a, ai, acs, bb, bi, bs, c, i * n + j, kc, add);
      }
    }
  }
}
