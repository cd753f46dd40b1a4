import type { QueuedMessage } from './outbox.ts';
import type { Locale } from './strings.ts';

/**
 * What the widget keeps on the citizen's device. Storage may be missing or throw (private
 * browsing, disabled storage, a full quota); the widget then still works for this page view.
 */
const PREFIX = 'layani:';
const memory = new Map<string, string>();

function read(kind: 'local' | 'session', key: string): string | null {
  // A value storage refused to keep (a full quota) lives in memory, and is newer than storage's.
  if (memory.has(kind + key)) return memory.get(kind + key) ?? null;
  try {
    return (kind === 'local' ? localStorage : sessionStorage).getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function write(kind: 'local' | 'session', key: string, value: string | null): void {
  try {
    const store = kind === 'local' ? localStorage : sessionStorage;
    if (value === null) store.removeItem(PREFIX + key);
    else store.setItem(PREFIX + key, value);
    memory.delete(kind + key);
  } catch {
    if (value === null) memory.delete(kind + key);
    else memory.set(kind + key, value);
  }
}

export const localState = {
  conversationId: () => read('local', 'conversation'),
  /**
   * The conversation this device continues, and the token that opens it. Tokens are kept per
   * conversation: a second tab that starts a new chat must not take the first tab's token away.
   */
  setConversation(id: string | null, token: string | null): void {
    write('local', 'conversation', id);
    if (id && token) write('local', `token:${id}`, token);
  },
  tokenFor: (id: string) => read('local', `token:${id}`),
  /** Only a language the citizen picked in the panel is remembered; the page's own is not. */
  chosenLocale: () => read('local', 'locale') as Locale | null,
  setChosenLocale: (locale: Locale) => write('local', 'locale', locale),
  outbox(): QueuedMessage[] {
    try {
      const items = JSON.parse(read('local', 'outbox') ?? '[]');
      return Array.isArray(items) ? items.filter((i) => i && typeof i.clientMessageId === 'string') : [];
    } catch {
      return [];
    }
  },
  setOutbox: (items: QueuedMessage[]) => write('local', 'outbox', items.length ? JSON.stringify(items) : null),
  /** An open panel stays open across a reload of this tab, not in the next visit. */
  isOpen: () => read('session', 'open') === '1',
  setOpen: (open: boolean) => write('session', 'open', open ? '1' : null),
};

/** A random id; crypto.randomUUID exists only on https pages, and many agency sites are not. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A conversation's secret: 256 random bits as hex (a subset of base64url, which the server takes).
 * Made here, not by the server, so a retried first message carries the same token.
 */
export const randomToken = () => toHex(crypto.getRandomValues(new Uint8Array(32)));

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
