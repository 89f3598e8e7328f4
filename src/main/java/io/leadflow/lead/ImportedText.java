package io.leadflow.lead;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The text of an imported CSV file, from its bytes, never with a replacement character:
 * <ol>
 *   <li>a byte order mark says the encoding (UTF-8, UTF-16 LE/BE, as Excel's "CSV UTF-8" and
 *       "Unicode text" write) and is dropped;
 *   <li>a charset in the request's {@code Content-Type} is taken at its word;
 *   <li>otherwise bytes that are valid UTF-8 are UTF-8;
 *   <li>otherwise ICU's charset detector names the encoding, and a Western single-byte one (Excel's
 *       "ANSI" code page: ISO-8859-1 and -15 are read as their superset Windows-1252) is taken.
 * </ol>
 * Bytes the encoding has no character for, a file that mixes UTF-8 with another encoding, or one
 * whose encoding is none of these, are rejected whole: 400 naming the first row concerned.
 *
 * <p>The file is read as a stream, never whole: {@link #encoding} reads it once to decide, {@link
 * #reader} a second time for its text.
 */
final class ImportedText {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Set<String> WESTERN = Set.of("ISO-8859-1", "ISO-8859-15", "windows-1252");
  private static final int CHUNK = 64 * 1024;

  /** A file's encoding: its charset, and how many bytes of byte order mark come first. */
  record Encoding(Charset charset, int skip) {}

  private ImportedText() {}

  /** The whole text of a (small) file. */
  static String decode(byte[] bytes, Charset declared) {
    ImportFile file = ImportFile.of(bytes);
    try (Reader reader = reader(file, encoding(file, declared))) {
      StringBuilder text = new StringBuilder(bytes.length);
      char[] buffer = new char[CHUNK];
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw unreadable(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Decides the file's encoding (rules above), reading it once.
   *
   * @param declared the charset the request declared, or null
   * @throws InvalidRequest (400) when it is not one Leadflow reads
   */
  static Encoding encoding(ImportFile file, Charset declared) {
    try {
      Encoding encoding = declaredOrDetected(file, declared);
      long undecodable = encoding.charset() == StandardCharsets.UTF_8 && encoding.skip() == 0 && declared == null
          ? -1 // validated while detecting
          : firstUndecodable(file, encoding);
      if (undecodable >= 0) {
        throw unreadable(file, undecodable, "has bytes that are not " + encoding.charset().name());
      }
      return encoding;
    } catch (IOException e) {
      throw unreadable(file, 0, "cannot be read: " + e.getMessage());
    }
  }

  private static Encoding declaredOrDetected(ImportFile file, Charset declared) throws IOException {
    byte[] start;
    try (InputStream in = file.open()) {
      start = in.readNBytes(3);
    }
    if (startsWith(start, 0xEF, 0xBB, 0xBF)) {
      return new Encoding(StandardCharsets.UTF_8, 3);
    }
    if (startsWith(start, 0xFF, 0xFE)) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    if (startsWith(start, 0xFE, 0xFF)) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    if (declared != null) {
      return new Encoding(western(declared.name()) ? WINDOWS_1252 : declared, 0);
    }
    long invalidUtf8 = firstUndecodable(file, new Encoding(StandardCharsets.UTF_8, 0));
    if (invalidUtf8 < 0) {
      return new Encoding(StandardCharsets.UTF_8, 0);
    }
    if (hasUtf8Sequence(file)) {
      throw unreadable(file, invalidUtf8, "mixes UTF-8 with another encoding");
    }
    CharsetDetector detector = new CharsetDetector();
    try (InputStream in = new BufferedInputStream(file.open())) {
      detector.setText(in);
      for (CharsetMatch match : detector.detectAll()) {
        if (western(match.getName())) {
          return new Encoding(WINDOWS_1252, 0);
        }
      }
    }
    throw unreadable(file, invalidUtf8, "is in an encoding that is neither UTF-8 nor Windows-1252");
  }

  /**
   * The file's text in its encoding (checked by {@link #encoding}), after its byte order mark
   * (and a leading U+FEFF).
   */
  static Reader reader(ImportFile file, Encoding encoding) throws IOException {
    InputStream in = file.open();
    try {
      in.skipNBytes(encoding.skip());
      CharsetDecoder decoder = encoding.charset().newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new java.io.BufferedReader(new InputStreamReader(in, decoder), CHUNK);
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static boolean western(String charset) {
    return WESTERN.stream().anyMatch(charset::equalsIgnoreCase) || "cp1252".equalsIgnoreCase(charset);
  }

  /** The position of the first byte (BOM included) that is not text in the encoding, or -1. */
  private static long firstUndecodable(ImportFile file, Encoding encoding) throws IOException {
    CharsetDecoder decoder = encoding.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    long consumed = encoding.skip();
    try (InputStream stream = file.open()) {
      stream.skipNBytes(encoding.skip());
      boolean end = false;
      while (!end) {
        int n = stream.read(in.array(), in.position(), in.remaining());
        end = n < 0;
        if (n > 0) {
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult result;
        do {
          out.clear();
          result = decoder.decode(in, out, end);
          if (result.isError()) {
            return consumed + in.position();
          }
        } while (result.isOverflow());
        consumed += in.position();
        in.compact();
      }
      out.clear();
      return decoder.flush(out).isError() ? consumed : -1;
    }
  }

  /** Whether it has at least one well-formed multi-byte UTF-8 sequence (Windows-1252 text almost never does). */
  private static boolean hasUtf8Sequence(ImportFile file) throws IOException {
    try (InputStream in = new BufferedInputStream(file.open(), CHUNK)) {
      int expected = 0;
      for (int b; (b = in.read()) >= 0; ) {
        if (expected > 0 && (b & 0xC0) == 0x80) {
          if (--expected == 0) {
            return true;
          }
          continue;
        }
        expected = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
      }
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The spreadsheet row of a byte: line breaks before it, plus one (approximate only inside quoted line breaks). */
  private static int rowOf(ImportFile file, long position) {
    int row = 1;
    try (InputStream in = new BufferedInputStream(file.open(), CHUNK)) {
      for (long i = 0; i < position; i++) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        if (b == '\n') {
          row++;
        }
      }
    } catch (IOException e) {
      // the row is for the message only
    }
    return row;
  }

  private static InvalidRequest unreadable(ImportFile file, long position, String why) {
    return unreadable(rowOf(file, position), why);
  }

  private static InvalidRequest unreadable(int row, String why) {
    return new InvalidRequest(HttpStatus.BAD_REQUEST,
        "The file " + why + " (first at row " + row + "); nothing was imported. Save it as \"CSV UTF-8\" and send it again,"
            + " or name its charset in Content-Type",
        List.of(new FieldProblem("body", "row " + row + " has bytes that cannot be read as text: the file " + why)));
  }
}
