import { useEffect, useRef } from 'preact/hooks';
import type { HighlightItem } from '@/utils/page-highlights';
import { applyHighlights } from '@/utils/page-highlights';
import type { HighlightSettings } from '@/utils/storage';

interface Props {
  fragment: DocumentFragment;
  /** Quotes and figures to highlight in the article, as on the page. */
  highlights: readonly HighlightItem[];
  /** The reader's highlight settings (on, colours), as in the page. */
  settings: HighlightSettings;
}

/** The sanitized article, inserted as DOM nodes (never as an HTML string), with its highlights. */
export function ArticleBody({ fragment, highlights, settings }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    root.replaceChildren(fragment.cloneNode(true));
    if (typeof Highlight !== 'function' || !highlights.length) return undefined;
    const applied = applyHighlights(document, highlights, { root, visible: settings.on, colors: settings });
    return () => applied.remove();
  }, [fragment, highlights, settings]);
  return <div ref={ref} class="article-body" data-testid="reader-body" />;
}
