import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CertificationService } from '@taawoun/catalog';
import { Db, Jobs, LanguageCode } from '@taawoun/core';
import { DELIVER_EMAIL_JOB, Outbox, PRUNE_OUTBOX_JOB } from '@taawoun/notifications';
import { cooperativeWithOwner, moroccoDate } from './support/catalog-fixtures.js';
import { startMailbox, tokenFrom, type Mailbox } from './support/mailbox.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * The e-mail outbox over a real SMTP server in this process: messages are written in the
 * caller's transaction, delivered by the pg-boss job, at most once each, retried on failure.
 */
describe('over SMTP (SMTP_URL set)', () => {
  let t: TestApi;
  let mailbox: Mailbox;
  let outbox: Outbox;
  let db: Db;

  beforeAll(async () => {
    mailbox = await startMailbox();
    t = await startTestApi({
      RUN_JOBS: 'true',
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'https://taawoun.test',
      MAIL_FROM: 'Taawoun <no-reply@taawoun.test>',
    });
    outbox = t.api.app.get(Outbox);
    db = t.api.app.get(Db);
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  async function row(id: string) {
    const [r] = await t.sql<{ status: string; attempts: number; last_error: string | null; params: object }>(
      `SELECT status, attempts, last_error, params FROM email_outbox WHERE id = $1`,
      [id],
    );
    return r;
  }

  it('delivers a committed message through the job, in the language asked, with a PUBLIC_URL link', async () => {
    const id = await db.transaction(() =>
      outbox.enqueue({
        to: 'amina@example.ma',
        language: LanguageCode.ar,
        template: 'verify-email',
        params: { fullName: 'أمينة', token: 'tok-123_ABC' },
      }),
    );
    const jobs = await t.sql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'id' = $2`, [
      DELIVER_EMAIL_JOB,
      id,
    ]);
    expect(jobs).toHaveLength(1);
    const mail = await mailbox.waitFor((m) => m.to.includes('amina@example.ma'));
    expect(mail.from).toBe('no-reply@taawoun.test');
    expect(mail.header('Content-Language')).toBe('ar');
    expect(mail.header('X-Taawoun-Template')).toBe('verify-email');
    expect(mail.text).toContain('أكد عنوان بريدك الإلكتروني');
    expect(mail.text).toContain('https://taawoun.test/verify-email?token=tok-123_ABC');
    expect(tokenFrom(mail, '/verify-email')).toBe('tok-123_ABC');
    expect(mail.raw).toContain('dir=3D"rtl"'); // the HTML part, quoted-printable
    await waitUntil(async () => (await row(id)).status === 'sent');
    // Sent: the row no longer holds the single-use token.
    expect((await row(id)).params).toEqual({ fullName: 'أمينة' });
  });

  it('sends nothing for a transaction that rolls back', async () => {
    await expect(
      db.transaction(async () => {
        await outbox.enqueue({
          to: 'rolled-back@example.ma',
          language: LanguageCode.fr,
          template: 'password-changed',
          params: { fullName: 'Nobody' },
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // A message queued after it arrives, so the job queue has run past the rolled-back one.
    await outbox.enqueue({
      to: 'after-rollback@example.ma',
      language: LanguageCode.fr,
      template: 'password-changed',
      params: { fullName: 'Somebody' },
    });
    await mailbox.waitFor((m) => m.to.includes('after-rollback@example.ma'));
    expect(mailbox.to('rolled-back@example.ma')).toHaveLength(0);
    expect(await t.sql(`SELECT 1 FROM email_outbox WHERE to_address = 'rolled-back@example.ma'`)).toEqual([]);
  });

  it('sends a message once, even when its delivery runs again or several run at once', async () => {
    // A row without a job, so only the deliveries below (racing on real connections) send it.
    const [{ id }] = await t.sql<{ id: string }>(
      `INSERT INTO email_outbox (to_address, language, template, params)
       VALUES ('once@example.ma', 'en', 'password-changed', '{"fullName":"Once"}') RETURNING id`,
    );
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => outbox.deliver(id)));
    expect(outcomes.sort()).toEqual(['sent', 'skipped', 'skipped', 'skipped']);
    expect(await outbox.deliver(id)).toBe('skipped');
    expect(mailbox.to('once@example.ma')).toHaveLength(1);
    expect(mailbox.to('once@example.ma')[0].text).toContain(
      'password of your Taawoun account was just changed',
    );
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('records a refused delivery, keeps the message pending, and sends it on a later attempt', async () => {
    mailbox.refuse.add('flaky@example.ma');
    const [{ id }] = await t.sql<{ id: string }>(
      `INSERT INTO email_outbox (to_address, language, template, params)
       VALUES ('flaky@example.ma', 'fr', 'password-changed', '{"fullName":"Flaky"}') RETURNING id`,
    );
    await expect(outbox.deliver(id)).rejects.toThrow();
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed.last_error).toMatch(/550|unavailable/i);
    mailbox.refuse.delete('flaky@example.ma');
    expect(await outbox.deliver(id)).toBe('sent');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(mailbox.to('flaky@example.ma')).toHaveLength(1);
  });

  it('the job queue retries a failed delivery (pg-boss retry) until it is sent', async () => {
    mailbox.refuse.add('retry@example.ma');
    const id = await outbox.enqueue({
      to: 'retry@example.ma',
      language: LanguageCode.fr,
      template: 'password-changed',
      params: { fullName: 'Retry' },
    });
    await waitUntil(async () => (await row(id)).attempts >= 1);
    const [job] = await t.sql<{ retry_limit: number }>(
      `SELECT retry_limit FROM pgboss.job WHERE name = $1 AND data->>'id' = $2`,
      [DELIVER_EMAIL_JOB, id],
    );
    expect(job.retry_limit).toBeGreaterThan(0);
    mailbox.refuse.delete('retry@example.ma');
    // Pull the retry forward rather than wait for pg-boss's backoff.
    await t.sql(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'id' = $2`, [
      DELIVER_EMAIL_JOB,
      id,
    ]);
    await mailbox.waitFor((m) => m.to.includes('retry@example.ma'));
    await waitUntil(async () => (await row(id)).status === 'sent');
  });

  it('e-mails the daily certification reminder to the cooperative owner, in their language', async () => {
    const { cooperativeId, owner } = await cooperativeWithOwner(t);
    await t.sql(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [owner.id]);
    await t.sql(
      `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, verified)
       VALUES ($1, 'ORGANIC', 'BIO-MAIL-1', '2020-01-01', $2, true)`,
      [cooperativeId, await moroccoDate(t, 12)],
    );
    const today = await moroccoDate(t, 0);
    const service = t.api.app.get(CertificationService);
    await service.remindExpiringCertifications(today);
    await service.remindExpiringCertifications(today);
    const mail = await mailbox.waitFor(
      (m) =>
        m.to.includes(owner.email.toLowerCase()) &&
        m.header('X-Taawoun-Template') === 'certification-expiring',
    );
    expect(mail.text).toContain('BIO-MAIL-1');
    expect(mail.text).toContain('Remember to renew it');
    const queued = await t.sql(
      `SELECT 1 FROM email_outbox WHERE to_address = $1 AND template = 'certification-expiring'`,
      [owner.email],
    );
    expect(queued).toHaveLength(1);
  });

  it('the nightly prune deletes sent messages older than 30 days, and nothing pending', async () => {
    const rows = await t.sql<{ id: string; to_address: string }>(
      `INSERT INTO email_outbox (to_address, language, template, params, status, sent_at, created_at)
       VALUES ('old-sent@example.ma', 'fr', 'password-changed', '{}', 'sent', now() - interval '31 days', now() - interval '31 days'),
              ('recent-sent@example.ma', 'fr', 'password-changed', '{}', 'sent', now() - interval '29 days', now() - interval '29 days'),
              ('old-pending@example.ma', 'fr', 'password-changed', '{}', 'pending', NULL, now() - interval '40 days')
       RETURNING id, to_address`,
    );
    await t.api.app.get(Jobs).runNow(PRUNE_OUTBOX_JOB, {});
    const left = await t.sql<{ to_address: string }>(
      `SELECT to_address FROM email_outbox WHERE id = ANY($1)`,
      [rows.map((r) => r.id)],
    );
    expect(left.map((r) => r.to_address).sort()).toEqual([
      'old-pending@example.ma',
      'recent-sent@example.ma',
    ]);
  });
});

describe('without SMTP_URL: .eml files under DATA_DIR/mail', () => {
  let t: TestApi;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'taawoun-mail-'));
    t = await startTestApi({ DATA_DIR: dataDir, SMTP_URL: '', PUBLIC_URL: 'https://taawoun.test' });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes one .eml file per message, once, named by its outbox id', async () => {
    const outbox = t.api.app.get(Outbox);
    const id = await outbox.enqueue({
      to: 'file@example.ma',
      language: LanguageCode.fr,
      template: 'reset-password',
      params: { fullName: 'Fichier', token: 'file-token', validMinutes: 60 },
    });
    expect(await outbox.deliver(id)).toBe('sent');
    expect(await outbox.deliver(id)).toBe('skipped');
    const files = await readdir(path.join(dataDir, 'mail'));
    expect(files).toEqual([`${id}.eml`]);
    const eml = await readFile(path.join(dataDir, 'mail', files[0]), 'utf8');
    expect(eml).toContain('To: file@example.ma');
    expect(eml).toMatch(/Subject: =\?UTF-8\?Q\?R=C3=A9initialisation/);
    expect(eml.replace(/=\n/g, '')).toContain('https://taawoun.test/reset-password?token=3Dfile-token');
  });
});

async function waitUntil(check: () => Promise<boolean>, attempts = 300): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition never held');
}
