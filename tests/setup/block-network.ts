import net from 'node:net';

/**
 * Tests may talk only to servers on this machine's loopback: the product's own server and the
 * fakes of Telegram, the Graph API and OpenAI. Anything else is a bug in the test or the code.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host = typeof first === 'object' && first !== null ? first.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isPipe = typeof first === 'object' && first !== null && typeof first.path === 'string';
  if (!isPipe && host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Blocked network access to ${host} during tests: only loopback fakes are allowed.`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
