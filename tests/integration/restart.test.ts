import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { chat, startTestServer, tokenHeaders } from '../helpers/test-server.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layani-restart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps conversations, their language and context across a restart on the same data directory', async () => {
  const first = await startTestServer({}, dir);
  await chat(first, 'persist-1', 'KTP-ku ilang, piye carane ngurus maneh?');
  await first.stop();

  const second = await startTestServer({}, dir);
  try {
    const history = (await (await fetch(`${second.url}/api/chat/persist-1/messages`, { headers: tokenHeaders('persist-1') })).json()) as { messages: unknown[] };
    expect(history.messages).toHaveLength(2);
    // The follow-up is short and language-neutral: it relies on the stored locale and last topic.
    const res = await chat(second, 'persist-1', 'yen rusak?');
    expect(res.outcome).toMatchObject({ faqId: 'ktp.damaged', locale: 'jv' });
  } finally {
    await second.stop();
  }
});
