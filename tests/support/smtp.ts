/**
 * A real SMTP server for tests (`smtp-server`, from the nodemailer project) on a free port; what
 * arrives is parsed with `mailparser`.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "../load/support";

export type Smtp = { url: string; received: ParsedMail[]; stop: () => Promise<void> };

/** An SMTP server that accepts everything (or refuses recipients), optionally closing after `closeAfter` mails. */
export async function startSmtp(options: { port?: number; closeAfter?: number; refuse?: boolean } = {}): Promise<Smtp> {
  const port = options.port ?? (await freePort());
  const received: ParsedMail[] = [];
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const server: SMTPServer = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (options.refuse) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
        if (options.closeAfter && received.length >= options.closeAfter) void stop();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, received, stop };
}
