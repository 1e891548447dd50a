package dev.loadtest.report;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one histogram of an interval log (base64 of HdrHistogram's compressed V2 encoding)
 * into {@link SparseCounts}, without building the histogram. HdrHistogram's own decoder
 * allocates and scans the whole counts array the encoded header asks for: 33,792 positions
 * for loadtest's one-hour range, even when the interval recorded three values. This reader
 * keeps only the positions the encoding lists, so its cost follows the log's size.
 *
 * <p>The V2 encoding: a zlib stream of a 40-byte header (cookie, payload length, normalizing
 * offset, significant digits, lowest discernible value, highest trackable value, conversion
 * ratio) and then, position by position, ZigZag LEB128 counts where a negative number skips
 * that many empty positions. Not thread-safe: it reuses its inflater and buffer.
 */
final class CompressedHistogramDecoder implements AutoCloseable {

  private static final int COOKIE_BASE_MASK = ~0xf0;
  private static final int V2_COOKIE_BASE = 0x1c849303;
  private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
  private static final int HEADER_BYTES = 40;

  private final Inflater inflater = new Inflater();
  private byte[] inflated = new byte[4096];
  private int[] indexes = new int[256];
  private long[] counts = new long[256];

  /** Decodes one histogram; fails on anything but the V2 encoding of an integer histogram. */
  SparseCounts decode(String base64) throws DataFormatException {
    ByteBuffer compressed = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
    if (compressed.remaining() < 8) {
      throw new DataFormatException("the compressed histogram is cut short");
    }
    int cookie = compressed.getInt();
    if ((cookie & COOKIE_BASE_MASK) != V2_COMPRESSED_COOKIE_BASE) {
      throw new DataFormatException(String.format("histogram encoding 0x%08x is not"
          + " HdrHistogram's compressed V2 encoding of integer counts", cookie));
    }
    int compressedBytes = compressed.getInt();
    if (compressedBytes < 0 || compressedBytes > compressed.remaining()) {
      throw new DataFormatException("the compressed histogram is cut short");
    }
    ByteBuffer plain = inflate(compressed.array(), compressed.position(), compressedBytes);
    return counts(plain);
  }

  private ByteBuffer inflate(byte[] source, int offset, int length)
      throws DataFormatException {
    inflater.reset();
    inflater.setInput(source, offset, length);
    int size = 0;
    while (!inflater.finished()) {
      if (size == inflated.length) {
        inflated = Arrays.copyOf(inflated, inflated.length * 2);
      }
      int read = inflater.inflate(inflated, size, inflated.length - size);
      if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("the compressed histogram is cut short");
      }
      size += read;
    }
    return ByteBuffer.wrap(inflated, 0, size);
  }

  private SparseCounts counts(ByteBuffer plain) throws DataFormatException {
    if (plain.remaining() < HEADER_BYTES) {
      throw new DataFormatException("the histogram's header is cut short");
    }
    int cookie = plain.getInt();
    int payloadBytes = plain.getInt();
    int normalizingOffset = plain.getInt();
    int digits = plain.getInt();
    long lowest = plain.getLong();
    plain.getLong(); // the highest trackable value: the positions listed are what counts
    plain.getDouble(); // the conversion ratio of double histograms
    if ((cookie & COOKIE_BASE_MASK) != V2_COOKIE_BASE || normalizingOffset != 0) {
      throw new DataFormatException(String.format("histogram encoding 0x%08x with offset %d"
          + " is not the V2 encoding of an integer histogram", cookie, normalizingOffset));
    }
    if (payloadBytes < 0 || payloadBytes > plain.remaining()) {
      throw new DataFormatException("the histogram's counts are cut short");
    }
    return positions(plain, plain.position() + payloadBytes, BucketLayout.of(lowest, digits));
  }

  /** Walks the counts: a negative number skips empty positions, any other fills one. */
  private SparseCounts positions(ByteBuffer plain, int end, BucketLayout layout)
      throws DataFormatException {
    int size = 0;
    int index = 0;
    while (plain.position() < end) {
      long count = zigZagLeb128(plain);
      if (count < 0) {
        index = Math.addExact(index, Math.toIntExact(-count));
        continue;
      }
      if (count > 0) {
        ensureRoom(size);
        indexes[size] = index;
        counts[size] = count;
        size++;
      }
      index++;
    }
    return new SparseCounts(layout, indexes, counts, size);
  }

  private void ensureRoom(int size) {
    if (size == indexes.length) {
      indexes = Arrays.copyOf(indexes, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
  }

  /** Seven bits a byte, low first, for eight bytes; a ninth carries eight; then ZigZag. */
  static long zigZagLeb128(ByteBuffer buffer) throws DataFormatException {
    long raw = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      byte next = next(buffer);
      raw |= (next & 0x7fL) << shift;
      if (next >= 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    raw |= (next(buffer) & 0xffL) << 56;
    return (raw >>> 1) ^ -(raw & 1);
  }

  private static byte next(ByteBuffer buffer) throws DataFormatException {
    if (!buffer.hasRemaining()) {
      throw new DataFormatException("a histogram count is cut short");
    }
    return buffer.get();
  }

  @Override
  public void close() {
    inflater.end();
  }

  @Override
  public String toString() {
    return "CompressedHistogramDecoder[buffer " + inflated.length + " bytes]";
  }
}
