/**
 * The page as HTML, for the off-page parser (utils/read-off-page.ts), which parses it back into
 * an inert document: the doctype first, so that the copy is parsed in the page's own mode
 * (standards or quirks, which change how some markup nests), then the root element.
 */
export function serializePage(doc: Document): string {
  const type = doc.doctype;
  let doctype = '';
  if (type) {
    const ids = type.publicId
      ? ` PUBLIC "${type.publicId}"${type.systemId ? ` "${type.systemId}"` : ''}`
      : type.systemId
        ? ` SYSTEM "${type.systemId}"`
        : '';
    doctype = `<!DOCTYPE ${type.name}${ids}>`;
  }
  return doctype + (doc.documentElement?.outerHTML ?? '');
}
