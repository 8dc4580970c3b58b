/** The extension's English messages as the browser's i18n.getMessage gives them, placeholders filled. */
import messages from '@/public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const MESSAGES = messages as Record<string, Entry>;

export function englishMessage(key: string, subs?: string | (string | number)[]): string {
  const entry = MESSAGES[key];
  const values = typeof subs === 'string' ? [subs] : (subs ?? []);
  return (entry?.message ?? '').replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry?.placeholders?.[name.toLowerCase()]?.content ?? '';
    return String(values[Number(content.slice(1)) - 1] ?? '');
  });
}
