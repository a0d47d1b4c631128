import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/avatar";
import { ConfirmActions } from "~/components/confirm";
import { FormAlert } from "~/components/form";
import { ImageFileField } from "~/components/image-file-field";
import type { FieldErrors } from "~/domain/errors";
import type { AvatarView } from "~/lib/images/avatar.server";

type Result = { formError?: { key: string; values?: Record<string, string | number> } | null; fieldErrors?: FieldErrors } | undefined;

/** Where the avatar's forms post (server/http/uploads.ts lets one picture through there). */
export const AVATAR_ACTION = "/profile/avatar";

/**
 * "Your picture" (decision 048): the current avatar or the letter others see, an upload, and
 * removal behind a confirmation (`?confirm=remove-avatar`). Works without JavaScript.
 */
export function AvatarSection({
  name,
  avatar,
  result,
  cancelTo,
  heading = true,
}: {
  name: string;
  avatar: AvatarView | null;
  result: Result;
  cancelTo: string;
  /** Off on the avatar's own page, whose h1 says the same. */
  heading?: boolean;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const error = result?.fieldErrors?.image;
  const confirming = avatar !== null && params.get("confirm") === "remove-avatar";
  return (
    <section className="card stack" aria-labelledby="avatar-heading" id="avatar">
      {heading ? <h2 id="avatar-heading">{t("avatar.title")}</h2> : null}
      <p className="hint">{t("avatar.hint")}</p>
      <div className="avatar-current">
        <Avatar name={name} avatar={avatar} size={128} eager alt={avatar ? t("avatar.current") : ""} />
        {avatar ? null : <p className="hint">{t("avatar.none")}</p>}
      </div>
      {confirming ? (
        <Form method="post" action={AVATAR_ACTION} className="card alert-warning stack">
          <h3>{t("avatar.removeTitle")}</h3>
          <p>{t("avatar.removeWarning")}</p>
          <ConfirmActions intent="remove" label={t("avatar.confirmRemove")} cancelLabel={t("avatar.keep")} cancelTo={cancelTo} busy={busy} />
        </Form>
      ) : (
        <>
          {/* Keyed by the picture: a new one clears the picker, whose file has been sent. */}
          <Form key={avatar?.src ?? "none"} method="post" action={AVATAR_ACTION} encType="multipart/form-data" className="stack" noValidate>
            <FormAlert error={result?.formError} />
            <ImageFileField label={avatar ? t("avatar.replace") : t("avatar.choose")} hint={t("avatar.imageHint")} error={error} />
            <div className="form-actions">
              <button type="submit" name="intent" value="save" className="button" disabled={busy}>
                {t("avatar.save")}
              </button>
            </div>
          </Form>
          {avatar ? (
            <p>
              <a href="?confirm=remove-avatar#avatar" className="button button-danger button-small">
                {t("avatar.remove")}
              </a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
