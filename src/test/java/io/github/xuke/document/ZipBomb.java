package io.github.xuke.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip bombs for the tests, made on the fly: a DOCX whose {@code word/document.xml} inflates to many
 * MiB of zeros from about a KiB each. The deflated stream is one compressed MiB of zeros followed by
 * the same steady-state block again and again (after a sync flush, each further MiB of zeros compresses
 * to identical bytes), so no test ever deflates, or holds, the inflated size.
 */
final class ZipBomb {

  private static final int MIB = 1 << 20;

  private ZipBomb() {}

  /** A DOCX ({@code [Content_Types].xml} and {@code word/document.xml}) inflating to {@code mebibytes} of zeros. */
  static byte[] docx(int mebibytes) {
    byte[] types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
        .getBytes(StandardCharsets.UTF_8);
    CRC32 typesCrc = new CRC32();
    typesCrc.update(types);
    byte[] document = deflatedZeros(mebibytes);
    CRC32 documentCrc = new CRC32();
    byte[] zeros = new byte[MIB];
    for (int i = 0; i < mebibytes; i++) {
      documentCrc.update(zeros);
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    ByteArrayOutputStream directory = new ByteArrayOutputStream();
    entry(zip, directory, "[Content_Types].xml", 0, typesCrc.getValue(), types, types.length);
    entry(zip, directory, "word/document.xml", 8, documentCrc.getValue(), document, (long) mebibytes * MIB);
    int directoryOffset = zip.size();
    zip.writeBytes(directory.toByteArray());
    zip.writeBytes(ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0)
        .putShort((short) 0).putShort((short) 2).putShort((short) 2).putInt(directory.size()).putInt(directoryOffset)
        .putShort((short) 0).array());
    return zip.toByteArray();
  }

  /** A raw DEFLATE stream of {@code mebibytes} MiB of zeros. */
  static byte[] deflatedZeros(int mebibytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] first = flushed(deflater);
    byte[] steady = flushed(deflater);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(first);
    for (int i = 1; i < mebibytes; i++) {
      stream.writeBytes(steady);
    }
    stream.write(0x03); // a final, empty block with fixed codes
    stream.write(0x00);
    deflater.end();
    return stream.toByteArray();
  }

  private static byte[] flushed(Deflater deflater) {
    deflater.setInput(new byte[MIB]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream zip, ByteArrayOutputStream directory, String name, int method,
      long crc, byte[] data, long size) {
    byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
    int offset = zip.size();
    zip.writeBytes(ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) 20)
        .putShort((short) 0).putShort((short) method).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
        .putInt(data.length).putInt((int) size).putShort((short) fileName.length).putShort((short) 0).array());
    zip.writeBytes(fileName);
    zip.writeBytes(data);
    directory.writeBytes(ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50)
        .putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) method).putShort((short) 0)
        .putShort((short) 0x21).putInt((int) crc).putInt(data.length).putInt((int) size)
        .putShort((short) fileName.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
        .putShort((short) 0).putInt(0).putInt(offset).array());
    directory.writeBytes(fileName);
  }
}
