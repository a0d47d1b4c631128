import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";

/**
 * The message box of the buddy chat and the live room: a plain form that posts without
 * JavaScript, with the error (if any) announced and tied to the field.
 */
export function ChatComposer(props: {
  id: string;
  errorId: string;
  maxLength: number;
  error: string | null | undefined;
  busy?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const { t } = useTranslation();
  const { id, errorId, maxLength, error, busy = false, onSubmit } = props;
  return (
    <Form method="post" className="chat-form" onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="message" />
      <label htmlFor={id} className="visually-hidden">
        {t("buddies.message")}
      </label>
      <textarea
        id={id}
        name="body"
        rows={2}
        maxLength={maxLength}
        required
        dir="auto"
        placeholder={t("buddies.message")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
        {t("buddies.send")}
      </button>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </Form>
  );
}
