package dev.tensile.datasets;

import static dev.tensile.datasets.IdxBytes.concat;
import static dev.tensile.datasets.IdxBytes.counting;
import static dev.tensile.datasets.IdxBytes.gzip;
import static dev.tensile.datasets.IdxBytes.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file gives an IdxFormatException naming the file, problem and offset. */
class IdxBadFileTest {
  /** A valid raw file: 2x3 unsigned bytes. */
  private static final byte[] VALID = concat(header(0x08, 2, 3), counting(6));

  @TempDir Path dir;

  private static IdxFormatException reject(byte[] content, String... fragments) {
    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> Idx.parse(content, "bad.idx"));
    assertTrue(e.getMessage().startsWith("bad.idx: "), e.getMessage());
    assertEquals("bad.idx", e.file());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void emptyOrShortHeader() {
    assertEquals(0, reject(new byte[0], "header truncated", "found 0 bytes").offset());
    assertEquals(3, reject(new byte[] {0, 0, 8}, "found 3 bytes").offset());
    assertEquals(
        6, reject(Arrays.copyOf(VALID, 6), "2 dimensions need 8 bytes", "found 2").offset());
  }

  @Test
  void wrongMagic() {
    byte[] b = VALID.clone();
    b[1] = 1;
    assertEquals(0, reject(b, "bad magic number 0x00010802").offset());
  }

  @Test
  void unknownElementType() {
    byte[] b = VALID.clone();
    b[2] = 0x0A;
    IdxFormatException e = reject(b, "unknown element type 0x0A", "0x08 (unsigned byte)");
    assertEquals(2, e.offset());
  }

  @Test
  void zeroDimensions() {
    assertEquals(3, reject(header(0x08), "dimension count is 0").offset());
  }

  @Test
  void dimensionSizeDisagreesWithTheFileLength() {
    IdxFormatException shorter = reject(concat(header(0x08, 2, 4), counting(6)), "truncated");
    assertTrue(shorter.getMessage().contains("needs 8 data bytes"), shorter.getMessage());
    assertEquals(18, shorter.offset(), "the end of the file");
    IdxFormatException longer = reject(concat(header(0x08, 2, 2), counting(6)), "trailing");
    assertTrue(longer.getMessage().contains("2 bytes after the data"), longer.getMessage());
    assertEquals(16, longer.offset(), "just after the 4 data bytes");
    assertFalse(longer.inDecompressedContent());
  }

  @Test
  void truncatedData() {
    assertEquals(17, reject(Arrays.copyOf(VALID, 17), "data truncated", "holds 5").offset());
  }

  @Test
  void trailingGarbage() {
    assertEquals(18, reject(concat(VALID, new byte[] {7}), "trailing garbage").offset());
  }

  @Test
  void negativeAndHugeDimensionsAreRefusedWithoutAllocating() {
    assertEquals(8, reject(header(0x08, 2, 0x80000000), "dimension 1 is 2147483648").offset());
    reject(header(0x0E, 65536, 65536), "more than the 2147483639 one array can hold");
    // 2^31 - 1 unsigned bytes claimed by a 12-byte raw file: refused by the length check.
    reject(header(0x08, Integer.MAX_VALUE), "more than the");
    reject(header(0x08, 2_000_000_000), "data truncated", "the file holds 0");
    // The same claim inside gzip: no gzip file of this size can inflate that far.
    IdxFormatException e = reject(gzip(header(0x08, 2_000_000_000)), "decompresses to at most");
    assertTrue(e.inDecompressedContent());
  }

  @Test
  void truncatedGzip() {
    byte[] z = gzip(VALID);
    reject(Arrays.copyOf(z, 5), "gzip stream truncated", "header");
    reject(Arrays.copyOf(z, z.length - 4), "gzip stream truncated", "trailer");
    reject(Arrays.copyOf(z, 14), "gzip stream truncated");
  }

  @Test
  void corruptGzip() {
    byte[] z = gzip(concat(header(0x08, 200), counting(200)));
    byte[] crc = z.clone();
    crc[crc.length - 8] ^= 1;
    assertEquals(z.length - 8, reject(crc, "gzip CRC-32 mismatch").offset());
    byte[] size = z.clone();
    size[size.length - 4] ^= 1;
    reject(size, "gzip length mismatch");
    byte[] method = z.clone();
    method[2] = 7;
    reject(method, "unknown gzip compression method 7");
    byte[] flags = z.clone();
    flags[3] = (byte) 0x80;
    reject(flags, "reserved gzip flag bits");
    byte[] data = z.clone();
    data[12] = (byte) 0xFF; // the first deflate block header: an invalid block type
    reject(data, "corrupt gzip data");
  }

  @Test
  void garbageAfterTheGzipStream() {
    byte[] z = gzip(VALID);
    IdxFormatException e = reject(concat(z, new byte[] {0, 0}), "trailing garbage after the gzip");
    assertEquals(z.length, e.offset());
    assertFalse(e.inDecompressedContent());
  }

  @Test
  void problemsInsideGzipCountDecompressedBytes() {
    IdxFormatException truncated = reject(gzip(Arrays.copyOf(VALID, 15)), "data truncated");
    assertTrue(truncated.inDecompressedContent());
    assertEquals(15, truncated.offset());
    assertTrue(truncated.getMessage().endsWith("at byte 15 of the decompressed content"));
    IdxFormatException trailing = reject(gzip(concat(VALID, new byte[3])), "trailing garbage");
    assertEquals(18, trailing.offset());
    byte[] magic = VALID.clone();
    magic[0] = 9;
    assertEquals(0, reject(gzip(magic), "bad magic").offset());
  }

  @Test
  void concatenatedGzipMembersAreOneStream() throws IOException {
    byte[] two = concat(gzip(Arrays.copyOf(VALID, 11)), gzip(Arrays.copyOfRange(VALID, 11, 18)));
    assertArrayEquals(counting(6), Idx.parse(two, "two members").bytes());
  }

  @Test
  void filesOnDiskNameTheirPath() throws IOException {
    Path file = dir.resolve("cut.gz");
    Files.write(file, Arrays.copyOf(gzip(VALID), 20));
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.read(file));
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith(file + ": gzip stream truncated"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> Idx.read(dir.resolve("absent")));
  }

  /** A gzip member of VALID whose header carries a CRC-16 ({@code FHCRC}), right or wrong. */
  private static byte[] withHeaderCrc(boolean right) {
    byte[] plain = gzip(VALID);
    byte[] header = Arrays.copyOf(plain, 10);
    header[3] |= 0x02; // FHCRC
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(header);
    int crc16 = (int) crc.getValue() & 0xFFFF ^ (right ? 0 : 1);
    return concat(
        header,
        new byte[] {(byte) crc16, (byte) (crc16 >>> 8)},
        Arrays.copyOfRange(plain, 10, plain.length));
  }

  @Test
  void aGzipHeaderCrcIsChecked() throws IOException {
    assertArrayEquals(VALID, Idx.toBytes(Idx.parse(withHeaderCrc(true), "ok.idx.gz"), false));
    reject(withHeaderCrc(false), "gzip header CRC-16 mismatch", "at byte 10");
  }
}
