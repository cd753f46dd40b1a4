import { expect, it } from 'vitest';
import { KeyedSerializer } from '../../bot/runtime/serialize-by-key.ts';

it('runs tasks of one conversation one after another, in order, even when an earlier one fails', async () => {
  const s = new KeyedSerializer();
  const log: string[] = [];
  const slow = (name: string, ms: number, fail = false) => async () => {
    log.push(`start ${name}`);
    await new Promise((r) => setTimeout(r, ms));
    log.push(`end ${name}`);
    if (fail) throw new Error(name);
  };
  await Promise.allSettled([s.run('a', slow('a1', 20, true)), s.run('a', slow('a2', 1)), s.run('b', slow('b1', 5))]);
  expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
  expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
});
