/**
 * Bytes of an HTML page to text, as a browser decodes them: the charset of the Content-Type
 * header first, then a `<meta charset>` in the first bytes, else UTF-8. Used where Lede reads a
 * page that no browser tab has decoded: the CLI's files and a watched article's re-check.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): string {
  const declared = /charset\s*=\s*["']?\s*([\w-]+)/i.exec(contentType ?? '')?.[1];
  return new TextDecoder(encodingOf(declared) ?? sniffCharset(bytes)).decode(bytes);
}

/** The charset a page declares in its first bytes; else UTF-8. */
function sniffCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return encodingOf(m?.[1]) ?? 'utf-8';
}

function encodingOf(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase()).encoding;
  } catch {
    return null;
  }
}
