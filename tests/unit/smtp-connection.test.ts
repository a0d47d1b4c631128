import { describe, expect, it } from "vitest";
import { smtpConnection } from "~/lib/mail/transport.server";

describe("SMTP_URL", () => {
  it("reads host, port, TLS and an encoded user and password", () => {
    expect(smtpConnection("smtp://mailer%40meedoen.nl:p%C3%A4ss%3Aword@smtp.example.nl:2525")).toEqual({
      host: "smtp.example.nl",
      port: 2525,
      secure: false,
      auth: { user: "mailer@meedoen.nl", pass: "päss:word" },
    });
    expect(smtpConnection("smtps://smtp.example.nl")).toEqual({ host: "smtp.example.nl", port: 465, secure: true });
    expect(smtpConnection("smtp://smtp.example.nl")).toMatchObject({ port: 587, secure: false });
  });
});
