import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server received. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and MIME body). */
  raw: string;
  /** The header `name` (first occurrence, unfolded, encoded words left as sent). */
  header(name: string): string | undefined;
  /** The text/plain part, decoded from quoted-printable. */
  text: string;
}

export interface Mailbox {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** Addresses for which the server answers "550" to RCPT TO (to test delivery failures). */
  refuse: Set<string>;
  /** Waits for a message matching `match` (polls; fails after `attempts` × 100 ms). */
  waitFor(match: (m: ReceivedEmail) => boolean, attempts?: number): Promise<ReceivedEmail>;
  to(address: string): ReceivedEmail[];
  close(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(raw: string, from: string, to: string[]): ReceivedEmail {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, headerEnd).replace(/\r\n[ \t]+/g, ' ');
  // The first text/plain part: its body runs to the next MIME boundary line.
  const part = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/i.exec(raw);
  return {
    from,
    to,
    raw,
    header: (name) =>
      headers
        .split('\r\n')
        .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim(),
    text: part ? decodeQuotedPrintable(part[1]) : '',
  };
}

/**
 * A real SMTP server inside the test process: the API delivers to it over TCP with nodemailer,
 * exactly as it would to a production relay.
 */
export async function startMailbox(): Promise<Mailbox> {
  const received: ReceivedEmail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        received.push(parse(Buffer.concat(chunks).toString('latin1'), from, to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    to: (addr) => received.filter((m) => m.to.includes(addr.toLowerCase())),
    async waitFor(match, attempts = 300) {
      for (let i = 0; i < attempts; i += 1) {
        const found = received.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No matching e-mail after ${attempts * 100} ms; received ${received.length}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `path` in a message's text. */
export function tokenFrom(email: ReceivedEmail, path: string): string {
  const start = email.text.indexOf(`${path}?token=`);
  if (start < 0) throw new Error(`No ${path} link in: ${email.text}`);
  const rest = email.text.slice(start + path.length + '?token='.length);
  return decodeURIComponent(rest.split(/\s/, 1)[0]);
}
