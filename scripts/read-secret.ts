import readline from 'node:readline';

/** Asks for a secret on the terminal without echoing what is typed. */
export function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error('No terminal to ask for the password: set STAFF_PASSWORD instead.'));
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(prompt)) write.call(rl, s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
