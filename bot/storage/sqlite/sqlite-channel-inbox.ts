import type {
  AcceptedItem,
  ChannelContact,
  ChannelContactStore,
  ChoiceMenu,
  InboxEntry,
  InboxStore,
  NewInboxItem,
  NewOutbound,
} from '../channel-ports.ts';
import type { Db } from './open-database.ts';

const now = () => new Date().toISOString();

/** Inserts outbox rows; shared with the inbox so that "handled" and "replies queued" commit together. */
export function outboxInserter(db: Db): (rows: NewOutbound[]) => void {
  const insert = db.prepare(
    `INSERT INTO channel_outbox (channel, conversation_id, author, request, preview, next_attempt_at, give_up_at, created_at)
     VALUES (@channel, @conversationId, @author, @request, @preview, @nextAttemptAt, @giveUpAt, @createdAt)`,
  );
  return (rows) => {
    const createdAt = now();
    const nextAttemptAt = Date.now();
    for (const row of rows) insert.run({ ...row, request: JSON.stringify(row.request), nextAttemptAt, createdAt });
  };
}

export function menuWriter(db: Db): (conversationId: string, menu: ChoiceMenu) => void {
  const update = db.prepare('UPDATE channel_contacts SET menu = ? WHERE conversation_id = ?');
  return (conversationId, menu) => void update.run(menu && menu.length ? JSON.stringify(menu) : null, conversationId);
}

export function sqliteInboxStore(db: Db): InboxStore {
  const byPlatformUser = db.prepare('SELECT conversation_id FROM channel_contacts WHERE channel = ? AND platform_user_id = ?');
  const insert = db.prepare(
    `INSERT INTO channel_inbox (channel, external_id, conversation_id, address, payload, received_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, external_id) DO NOTHING`,
  );
  const existing = db.prepare('SELECT conversation_id FROM channel_inbox WHERE channel = ? AND external_id = ?');
  const upsertContact = db.prepare(
    `INSERT INTO channel_contacts (conversation_id, channel, address, platform_user_id, last_inbound_at)
     VALUES (@conversationId, @channel, @address, @platformUserId, @sentAt)
     ON CONFLICT (conversation_id) DO UPDATE SET
       address = excluded.address,
       platform_user_id = COALESCE(excluded.platform_user_id, channel_contacts.platform_user_id),
       last_inbound_at = MAX(channel_contacts.last_inbound_at, excluded.last_inbound_at)`,
  );
  const acceptAll = db.transaction((items: NewInboxItem[]): AcceptedItem[] =>
    items.map((item) => {
      // A person first seen by phone number keeps their conversation when later known only by user id.
      const known = item.platformUserId
        ? (byPlatformUser.get(item.channel, item.platformUserId) as { conversation_id: string } | undefined)
        : undefined;
      const conversationId = known?.conversation_id ?? item.conversationId;
      const payload = item.payload.kind === 'message' ? { ...item.payload, message: { ...item.payload.message, conversationId } } : item.payload;
      const result = insert.run(item.channel, item.externalId, conversationId, JSON.stringify(item.address), JSON.stringify(payload), now());
      if (result.changes === 0) {
        const row = existing.get(item.channel, item.externalId) as { conversation_id: string };
        return { conversationId: row.conversation_id, duplicate: true };
      }
      upsertContact.run({
        conversationId,
        channel: item.channel,
        address: JSON.stringify(item.address),
        platformUserId: item.platformUserId ?? null,
        sentAt: item.sentAt,
      });
      return { conversationId, duplicate: false };
    }),
  );

  const pending = db.prepare("SELECT * FROM channel_inbox WHERE status = 'pending' AND conversation_id = ? ORDER BY id");
  const pendingConversations = db.prepare("SELECT DISTINCT conversation_id FROM channel_inbox WHERE status = 'pending' ORDER BY conversation_id");
  // The citizen's raw words are needed only until the turn has run; the runtime keeps the masked copy.
  const finish = db.prepare("UPDATE channel_inbox SET status = ?, error = ?, payload = NULL, processed_at = ? WHERE id = ? AND status = 'pending'");
  const insertOutbound = outboxInserter(db);
  const writeMenu = menuWriter(db);
  const conversationOf = db.prepare('SELECT conversation_id FROM channel_inbox WHERE id = ?');
  const completeOne = db.transaction((id: number, error: string | undefined, outbound: NewOutbound[], menu: ChoiceMenu | undefined) => {
    const changed = finish.run(error ? 'failed' : 'done', error ?? null, now(), id).changes;
    if (changed === 0) return;
    insertOutbound(outbound);
    if (menu !== undefined) writeMenu((conversationOf.get(id) as { conversation_id: string }).conversation_id, menu);
  });

  return {
    async accept(items) {
      return acceptAll(items);
    },
    async pending(conversationId) {
      return (pending.all(conversationId) as Record<string, unknown>[]).map(
        (row): InboxEntry => ({
          id: row.id as number,
          channel: row.channel as InboxEntry['channel'],
          conversationId: row.conversation_id as string,
          address: JSON.parse(row.address as string),
          payload: JSON.parse(row.payload as string),
        }),
      );
    },
    async conversationsWithPending() {
      return (pendingConversations.all() as { conversation_id: string }[]).map((r) => r.conversation_id);
    },
    async complete(id, result, outbound, menu) {
      completeOne(id, result.error, outbound, menu);
    },
    async prune(before) {
      return db.prepare("DELETE FROM channel_inbox WHERE status != 'pending' AND received_at < ?").run(before).changes;
    },
  };
}

export function sqliteChannelContactStore(db: Db): ChannelContactStore {
  const find = db.prepare('SELECT * FROM channel_contacts WHERE conversation_id = ?');
  return {
    async find(conversationId) {
      const row = find.get(conversationId) as Record<string, unknown> | undefined;
      if (!row) return null;
      return {
        conversationId: row.conversation_id as string,
        channel: row.channel as ChannelContact['channel'],
        address: JSON.parse(row.address as string),
        platformUserId: (row.platform_user_id as string | null) ?? null,
        lastInboundAt: row.last_inbound_at as string,
        menu: row.menu ? JSON.parse(row.menu as string) : null,
      };
    },
  };
}
