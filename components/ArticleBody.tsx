import { useEffect, useRef } from 'preact/hooks';

/** The sanitized article, inserted as DOM nodes (never as an HTML string). */
export function ArticleBody({ fragment }: { fragment: DocumentFragment }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  return <div ref={ref} class="article-body" data-testid="reader-body" />;
}
