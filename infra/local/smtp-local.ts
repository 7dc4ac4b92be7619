import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The local mail engine: a real SMTP server (`smtp-server`) on loopback that keeps every mail it
 * receives as an `.eml` file in a folder (open them with any mail program) and, parsed with
 * `mailparser`, in memory for tests. KoAd reaches it over SMTP through `SMTP_URL`, exactly as it
 * would reach any other SMTP server.
 */
export interface RunningSmtp {
  host: string;
  port: number;
  /** `smtp://127.0.0.1:<port>`: the `SMTP_URL` that sends to this server. */
  url: string;
  /** Where the `.eml` files are. */
  folder: string;
  /** Every mail received so far, in order. */
  received(): ParsedMail[];
  /** Resolves once `count` mails have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export interface SmtpLocalOptions {
  /** Where to keep the `.eml` files (created if missing). */
  folder: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Largest mail accepted, in bytes (invoices carry a PDF and an XML). */
  maxBytes?: number;
}

export async function startSmtpLocal(options: SmtpLocalOptions): Promise<RunningSmtp> {
  const host = "127.0.0.1";
  await mkdir(options.folder, { recursive: true });
  const mails: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let sequence = 0;

  const server = new SMTPServer({
    // A loopback test server: no TLS certificate to trust, no accounts to keep.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    size: options.maxBytes ?? 25 * 1024 * 1024,
    banner: "KoAd local SMTP",
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message exceeds the size limit"), { responseCode: 552 }));
          return;
        }
        sequence += 1;
        const file = join(options.folder, `${new Date().toISOString().replaceAll(":", "-")}-${sequence}.eml`);
        // The mail is acknowledged only once it is on disk and parsed: a sender that got 250 finds it.
        Promise.all([writeFile(file, raw), simpleParser(raw)])
          .then(([, parsed]) => {
            mails.push(parsed);
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    folder: options.folder,
    received: () => [...mails],
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise<ParsedMail[]>((resolve, reject) => {
        const check = () => {
          if (mails.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...mails]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Only ${mails.length} of ${count} mails arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
