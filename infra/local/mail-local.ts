import { join } from "node:path";
import { type NodemailerMailer, smtpMailer } from "../../adapters/mail/nodemailer-mailer.js";
import { type RunningSmtp, startSmtpLocal } from "./smtp-local.js";

/**
 * The mail engine of `npm start`: with `SMTP_URL` set, KoAd sends to that server; otherwise it starts
 * its own local SMTP server (loopback) that keeps every mail as `.eml` under `<dataDir>/mail`, and
 * sends to it. Either way the notifier gets an SMTP mailer, and `SMTP_URL` is set for the handlers
 * that build theirs from the environment (`mailerFromEnv`).
 */
export interface LocalMail {
  smtpUrl: string;
  /** Where the local server keeps the mails; null when `SMTP_URL` names another server. */
  folder: string | null;
  /** The local server, for tests that read what arrived; null with `SMTP_URL`. */
  server: RunningSmtp | null;
  mailer: NodemailerMailer;
  /** One line for the console: where to read the mails. */
  describe(): string;
  stop(): Promise<void>;
}

export interface LocalMailOptions {
  dataDir: string;
  /** The environment to read `SMTP_URL` from, and to set it in. */
  env?: Record<string, string | undefined>;
  /** The local server's port (0: a free one). */
  port?: number;
}

export async function startLocalMail(options: LocalMailOptions): Promise<LocalMail> {
  const env = options.env ?? process.env;
  const configured = env.SMTP_URL?.trim();
  if (configured) {
    const mailer = smtpMailer(configured);
    return {
      smtpUrl: configured,
      folder: null,
      server: null,
      mailer,
      describe: () => `Mail goes to ${redacted(configured)} (SMTP_URL)`,
      stop: async () => mailer.close(),
    };
  }
  const server = await startSmtpLocal({
    folder: join(options.dataDir, "mail"),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  env.SMTP_URL = server.url;
  const mailer = smtpMailer(server.url);
  return {
    smtpUrl: server.url,
    folder: server.folder,
    server,
    mailer,
    describe: () => `Mail: SMTP at ${server.url}; every mail is kept as .eml in ${server.folder}`,
    stop: async () => {
      mailer.close();
      await server.stop();
    },
  };
}

/** An SMTP URL without its password, fit for the console. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
