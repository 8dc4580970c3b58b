/**
 * Bytes of an HTML page to text, as a browser decodes them (HTML's encoding sniffing): a byte
 * order mark first, then the charset of the Content-Type header, then a `<meta charset>` in the
 * first bytes, else UTF-8. Used where Lede reads a page that no browser tab has decoded: the
 * CLI's files and a watched article's re-check.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): string {
  const declared = /charset\s*=\s*["']?\s*([\w-]+)/i.exec(contentType ?? '')?.[1];
  return new TextDecoder(bomEncoding(bytes) ?? encodingOf(declared) ?? sniffCharset(bytes)).decode(bytes);
}

/**
 * A byte order mark outranks every declaration (the Encoding standard's "decode"): a UTF-16 page
 * saved with one and a `<meta charset=windows-1252>` left from a template is UTF-16.
 */
function bomEncoding(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** The charset a page declares in its first bytes; else UTF-8. */
function sniffCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  // A <meta> found by reading the bytes as ASCII cannot be UTF-16 (HTML's prescan says UTF-8 then,
  // and windows-1252 for x-user-defined); taken at its word, every two letters became one CJK one.
  if (/^x-user-defined$/i.test(m?.[1] ?? '')) return 'windows-1252';
  const encoding = encodingOf(m?.[1]);
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : (encoding ?? 'utf-8');
}

function encodingOf(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase()).encoding;
  } catch {
    return null;
  }
}
