import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { AppConfig, LOGGER } from '@taawoun/core';
import type { RenderedEmail } from './templates/templates.js';

/** One message ready to leave. `id` names the .eml file and the Message-ID. */
export interface OutgoingEmail extends RenderedEmail {
  id: string;
  to: string;
  language: string;
  template: string;
}

type Transporter = ReturnType<typeof nodemailer.createTransport>;

/**
 * Where e-mail goes: SMTP (nodemailer) when SMTP_URL is set, in every environment; otherwise
 * one `.eml` file per message under DATA_DIR/mail, which a developer opens in any mail client.
 */
@Injectable()
export class MailTransport implements OnModuleInit, OnApplicationShutdown {
  private smtp: Transporter | null = null;
  private readonly files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Folder of the .eml files when SMTP_URL is unset. */
  get mailDir(): string {
    return path.resolve(this.config.DATA_DIR, 'mail');
  }

  onModuleInit(): void {
    if (this.config.SMTP_URL) {
      // Bounded waits: a delivery holds its outbox row's lock (and a connection) while sending.
      this.smtp = nodemailer.createTransport({
        url: this.config.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    } else if (this.config.isProduction) {
      this.log.warn(
        { mailDir: this.mailDir },
        'SMTP_URL is unset: e-mails are written as .eml files and nobody receives them',
      );
    }
  }

  async send(email: OutgoingEmail): Promise<void> {
    const domain = new URL(this.config.publicUrl).hostname || 'localhost';
    const message = {
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      // Quoted-printable keeps links readable in the raw message whatever the script of the text.
      textEncoding: 'quoted-printable' as const,
      messageId: `<${email.id}@${domain}>`,
      headers: { 'Content-Language': email.language, 'X-Taawoun-Template': email.template },
    };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const info = await this.files.sendMail(message);
    await mkdir(this.mailDir, { recursive: true });
    // Named by the outbox id: a retried delivery overwrites its own file, never adds a second one.
    await writeFile(path.join(this.mailDir, `${email.id}.eml`), info.message as Buffer);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
