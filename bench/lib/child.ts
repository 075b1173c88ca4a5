/** Starts a benchmark server in its own process and waits for its "LISTENING <port>" line. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildServer {
  port: number;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startServer(script: string, args: string[], timeoutMs: number): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      // A server that ignores SIGTERM (stuck connections) must not keep the benchmark waiting.
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print LISTENING within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({ port, url: `http://127.0.0.1:${port}`, process: child, stop });
    });
  });
}
