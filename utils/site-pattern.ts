/**
 * The match pattern of a page's site, as asked of the reader for a host permission. Match
 * patterns have no port: Firefox grants "http://h:8080/*" yet still refuses the tab.
 */
export function originPattern(url: string | undefined): string | null {
  if (!url || !/^https?:/i.test(url)) return null;
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
