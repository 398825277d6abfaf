// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing): enough to drive a real language
// server the way an editor does, answer its requests, and wait for what it says — always with a time limit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type RequestHandler = (params: unknown) => unknown;

export interface LspClientOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Answers to server → client requests, by method; anything else is answered with `null`. */
  readonly handlers?: Readonly<Record<string, RequestHandler>>;
  readonly timeoutMs?: number;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers: Readonly<Record<string, RequestHandler>>;
  private readonly timeoutMs: number;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private stderr = '';
  /** Every notification the server sent, in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every request the server sent, in order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];

  constructor(options: LspClientOptions) {
    this.handlers = options.handlers ?? {};
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.child = spawn(options.command, [...options.args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.on('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) {
        reject(new Error(`language server exited (${code ?? signal}) before answering\n${this.stderr}`));
      }
      this.pending.clear();
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${this.timeoutMs} ms\n${this.stderr}`));
      }, this.timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first server request of `method` (already received or future), or fails after the time limit. */
  async waitForServerRequest(method: string, from = 0): Promise<unknown> {
    const deadline = Date.now() + this.timeoutMs;
    while (Date.now() < deadline) {
      const found = this.serverRequests.slice(from).find((entry) => entry.method === method);
      if (found !== undefined) {
        return found.params;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the server sent no ${method} within ${this.timeoutMs} ms\n${this.stderr}`);
  }

  /** Polite shutdown, then a kill if the server lingers. Always resolves. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      this.notify('exit', null);
    } catch {
      // The server may already be gone; the kill below covers it.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/iu.exec(header)?.[1] ?? Number.NaN);
      if (Number.isNaN(length)) {
        throw new Error(`bad LSP header: ${header}`);
      }
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        return;
      }
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers[message.method];
      const result = handler === undefined ? null : handler(message.params);
      this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) {
        pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      } else {
        pending?.resolve(message.result);
      }
    }
  }
}
