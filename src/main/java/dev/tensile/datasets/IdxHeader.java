package dev.tensile.datasets;

/**
 * The checked header of IDX content.
 *
 * @param type the element type
 * @param shape the extents, in file order
 * @param headerLength bytes before the data
 * @param dataLength data bytes the shape needs, already checked against what the file can hold
 * @param bytes the header's bytes as stored, for digests
 */
record IdxHeader(IdxType type, int[] shape, int headerLength, long dataLength, byte[] bytes) {}
