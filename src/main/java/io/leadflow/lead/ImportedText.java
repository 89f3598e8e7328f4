package io.leadflow.lead;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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
 */
final class ImportedText {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Set<String> WESTERN = Set.of("ISO-8859-1", "ISO-8859-15", "windows-1252");

  private ImportedText() {}

  /** @param declared the charset the request declared, or null */
  static String decode(byte[] bytes, Charset declared) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strictly(bytes, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strictly(bytes, 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strictly(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (declared != null) {
      String text = strictly(bytes, 0, western(declared.name()) ? WINDOWS_1252 : declared);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
    int invalidUtf8 = firstInvalidUtf8(bytes);
    if (invalidUtf8 < 0) {
      return strictly(bytes, 0, StandardCharsets.UTF_8);
    }
    if (hasUtf8Sequence(bytes)) {
      throw unreadable(bytes, invalidUtf8, "mixes UTF-8 with another encoding");
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      if (western(match.getName())) {
        return strictly(bytes, 0, WINDOWS_1252);
      }
    }
    throw unreadable(bytes, invalidUtf8, "is in an encoding that is neither UTF-8 nor Windows-1252");
  }

  private static boolean western(String charset) {
    return WESTERN.stream().anyMatch(charset::equalsIgnoreCase) || "cp1252".equalsIgnoreCase(charset);
  }

  private static String strictly(byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw unreadable(bytes, in.position(), "has bytes that are not " + charset.name());
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** The position of the first byte that is not valid UTF-8, or -1. */
  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      decoder.decode(in);
      return -1;
    } catch (CharacterCodingException e) {
      // decode(ByteBuffer) stops at the error; find it again by decoding piece by piece
      ByteBuffer again = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      decoder.reset().decode(again, out, true);
      return again.position();
    }
  }

  /** Whether it has at least one well-formed multi-byte UTF-8 sequence (Windows-1252 text almost never does). */
  private static boolean hasUtf8Sequence(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length > 0 && i + length <= bytes.length) {
        boolean continued = true;
        for (int k = 1; k < length; k++) {
          continued &= (bytes[i + k] & 0xC0) == 0x80;
        }
        if (continued) {
          return true;
        }
      }
    }
    return false;
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
  private static int rowOf(byte[] bytes, int position) {
    int row = 1;
    for (int i = 0; i < Math.min(position, bytes.length); i++) {
      if (bytes[i] == '\n') {
        row++;
      }
    }
    return row;
  }

  private static InvalidRequest unreadable(byte[] bytes, int position, String why) {
    int row = rowOf(bytes, position);
    return new InvalidRequest(HttpStatus.BAD_REQUEST,
        "The file " + why + " (first at row " + row + "); nothing was imported. Save it as \"CSV UTF-8\" and send it again,"
            + " or name its charset in Content-Type",
        List.of(new FieldProblem("body", "row " + row + " has bytes that cannot be read as text: the file " + why)));
  }
}
