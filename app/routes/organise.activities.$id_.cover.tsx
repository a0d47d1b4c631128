import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { ConfirmActions } from "~/components/confirm";
import { FieldMessage, FormAlert } from "~/components/form";
import { Picture } from "~/components/picture";
import { coverFormView, removeActivityCover, setActivityCover } from "~/domain/activities/cover.server";
import { altField, MAX_ALT_LENGTH } from "~/lib/images/alt-text";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pictureView } from "~/lib/images/cover.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = () => [{ title: "Meedoen" }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const row = await orHttpError(coverFormView(user.id, params.id!));
  const alts = Object.fromEntries(row.contents.map((content) => [content.locale, content.coverAlt]));
  return {
    id: params.id!,
    contents: row.contents.map(({ locale, title, coverAlt }) => ({ locale, title, coverAlt })),
    cover: pictureView(row.coverKey, row.coverWidth, row.coverHeight, alts[row.contents[0]?.locale]),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const id = params.id!;
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
  return runAction(async () => {
    if (values.intent === "remove") {
      await removeActivityCover(user.id, id);
      throw await redirectWithNotice(`/organise/activities/${id}/cover`, { key: "pictures.removed" });
    }
    const file = form.get("image");
    const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : null;
    await setActivityCover(user.id, id, bytes, values);
    throw await redirectWithNotice(`/organise/activities/${id}/cover`, { key: "pictures.saved" });
  }, values);
}

export default function ActivityCover() {
  const { t } = useTranslation();
  const { id, contents, cover } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="stack">
      <BackLink to={`/organise/activities/${id}`}>{t("pictures.backToActivity")}</BackLink>
      <h1>{t("pictures.activityTitle")}</h1>
      {cover ? (
        <figure className="cover-preview">
          <Picture picture={cover} sizes="(min-width: 40rem) 36rem, 100vw" eager />
        </figure>
      ) : (
        <p className="hint">{t("pictures.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="card stack" noValidate>
        <FormAlert error={result?.formError} />
        <div className={`field${errors.image ? " has-error" : ""}`}>
          <label htmlFor="field-image">{cover ? t("pictures.replace") : t("pictures.choose")}</label>
          <p className="hint" id="field-image-hint">
            {t("pictures.imageHint")}
          </p>
          <input
            id="field-image"
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
            aria-describedby={`field-image-hint${errors.image ? " field-image-error" : ""}`}
            aria-invalid={errors.image ? true : undefined}
          />
          <FieldMessage id="field-image-error" error={errors.image} />
        </div>
        <fieldset className="stack">
          <legend>{t("pictures.altLegend")}</legend>
          <p className="hint">{t("pictures.altHint")}</p>
          {contents.map((content) => {
            const name = altField(content.locale);
            const error = errors[name];
            return (
              <div key={content.locale} className={`field${error ? " has-error" : ""}`}>
                <label htmlFor={`field-${name}`}>{t("pictures.altIn", { language: t(`reference:language.${content.locale}`) })}</label>
                <textarea
                  id={`field-${name}`}
                  name={name}
                  lang={content.locale}
                  dir="auto"
                  rows={2}
                  maxLength={MAX_ALT_LENGTH}
                  required
                  defaultValue={result?.values[name] ?? content.coverAlt ?? ""}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `field-${name}-error` : undefined}
                />
                <FieldMessage id={`field-${name}-error`} error={error} />
              </div>
            );
          })}
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("pictures.save")}
          </button>
        </div>
      </Form>
      {cover && params.get("confirm") !== "remove" ? (
        <p>
          <a href="?confirm=remove" className="button button-danger button-small">
            {t("pictures.remove")}
          </a>
        </p>
      ) : null}
      {cover && params.get("confirm") === "remove" ? (
        <Form method="post" className="card alert-warning stack">
          <h2>{t("pictures.removeTitle")}</h2>
          <p>{t("pictures.removeWarning")}</p>
          <ConfirmActions intent="remove" label={t("pictures.confirmRemove")} cancelLabel={t("pictures.keep")} busy={busy} />
        </Form>
      ) : null}
    </section>
  );
}
